// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { ConflictError } from "../../src/core/errors";
import { flattenMessagePages } from "../../src/react/cache/message-pages";
import { defaultAgent, defaultModel, listModels, primaryAgents } from "../../src/react/catalog-select";
import { useAgents, useCommands, useProviders, useVcs } from "../../src/react/use-catalog";
import { useFileStatus, useFindFiles, useSessionDiff } from "../../src/react/use-files";
import { useDeleteMessage } from "../../src/react/use-message-deletions";
import { useMessages } from "../../src/react/use-messages";
import { useRevertMessage, useRunShell, useUnrevertSession } from "../../src/react/use-session-actions";
import { createFakeOpencode, type FakeOpencode } from "../support/fake-opencode";
import { fakeAssistantMessage, fakeUserMessage } from "../support/fake-opencode-data";
import { feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

type Extra = (url: URL, init: RequestInit) => Response | Promise<Response> | undefined;
const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A client of the fake server whose routes missing from the fake are answered by `extra`. */
function clientWith(fake: FakeOpencode, extra: Extra, seen: { path: string; signal?: AbortSignal | null }[] = []) {
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    seen.push({ path: `${init.method ?? "GET"} ${url.pathname}${url.search}`, signal: init.signal });
    return (await extra(url, init)) ?? fake.fetch(input, init);
  };
  return createOpencodeClient({ baseUrl: fake.baseUrl, fetch, events: { backoffInitialMs: 2, backoffMaxMs: 10 } });
}

const providers = {
  providers: [{ id: "fake", name: "Fake LLM", models: { "fake-model": { id: "fake-model", name: "Fake Model" }, "fake-small": { id: "fake-small", name: "Fake Small", variants: { high: {} } } } }],
  default: { fake: "fake-small" },
};
const agents = [
  { name: "build", mode: "primary", permission: [], options: {} },
  { name: "explore", mode: "subagent", permission: [], options: {} },
  { name: "title", mode: "primary", hidden: true, permission: [], options: {} },
];

describe("catalog hooks", () => {
  it("useProviders, useAgents, useCommands load once; listModels/defaultModel/primaryAgents shape a picker", async () => {
    const fake = createFakeOpencode();
    const seen: { path: string }[] = [];
    const client = clientWith(fake, (url) => {
      if (url.pathname === "/config/providers") return json(providers);
      if (url.pathname === "/agent") return json(agents);
      if (url.pathname === "/command") return json([{ name: "review", template: "Review $ARGUMENTS", hints: ["$ARGUMENTS"] }]);
      return undefined;
    }, seen);
    const queryClient = testQueryClient();
    const hook = renderOpencodeHook(() => ({ providers: useProviders(), agents: useAgents({ select: primaryAgents }), commands: useCommands() }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.commands.data?.map((c) => c.name)).toEqual(["review"]));
    await waitFor(() => expect(hook.result.current.agents.data?.map((a) => a.name)).toEqual(["build"]));
    await waitFor(() => expect(hook.result.current.providers.data).toEqual(providers));
    const models = listModels(hook.result.current.providers.data);
    expect(models.map((m) => [m.value, m.name, m.variants])).toEqual([
      ["fake/fake-model", "Fake Model", []],
      ["fake/fake-small", "Fake Small", ["high"]],
    ]);
    expect(defaultModel(hook.result.current.providers.data)).toBe("fake/fake-small");
    expect(defaultModel(hook.result.current.providers.data, { model: "fake/fake-model" })).toBe("fake/fake-model");
    expect(defaultAgent(agents as never)).toBe("build");
    const again = renderOpencodeHook(() => useAgents(), { client, queryClient });
    expect(again.result.current.data?.length).toBe(3);
    expect(seen.filter((r) => r.path.startsWith("GET /agent")).length).toBe(1);
  });

  it("useVcs: vcs.branch.updated patches the branch without a refetch", async () => {
    const fake = createFakeOpencode();
    const seen: { path: string }[] = [];
    const client = clientWith(fake, (url) => (url.pathname === "/vcs" ? json({ branch: "main", default_branch: "main" }) : undefined), seen);
    const hook = renderOpencodeHook(() => useVcs(), { client, queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.data?.branch).toBe("main"));
    await feedOpen(client);
    fake.emit({ type: "vcs.branch.updated", properties: { branch: "feature/x" } });
    await waitFor(() => expect(hook.result.current.data).toEqual({ branch: "feature/x", default_branch: "main" }));
    expect(seen.filter((r) => r.path.startsWith("GET /vcs")).length).toBe(1);
  });
});

describe("file hooks", () => {
  it("useFindFiles keeps the previous paths while the next query loads, aborts the replaced request, asks nothing for ''", async () => {
    const fake = createFakeOpencode();
    const seen: { path: string; signal?: AbortSignal | null }[] = [];
    const gates = new Map<string, (r: Response) => void>();
    const client = clientWith(fake, (url) => {
      if (url.pathname !== "/find/file") return undefined;
      const query = url.searchParams.get("query") ?? "";
      return new Promise<Response>((resolve) => gates.set(query, resolve));
    }, seen);
    const hook = renderOpencodeHook((query: string) => useFindFiles(query, { limit: 5 }), { client, queryClient: testQueryClient(), initialProps: "" });
    expect(hook.result.current.fetchStatus).toBe("idle");
    hook.rerender("ap");
    await waitFor(() => expect(gates.has("ap")).toBe(true));
    act(() => gates.get("ap")?.(json(["app.ts", "api/"])));
    await waitFor(() => expect(hook.result.current.data).toEqual(["app.ts", "api/"]));
    hook.rerender("app");
    await waitFor(() => expect(gates.has("app")).toBe(true));
    expect(hook.result.current).toMatchObject({ data: ["app.ts", "api/"], isPlaceholderData: true });
    hook.rerender("app.t");
    await waitFor(() => expect(gates.has("app.t")).toBe(true));
    const replaced = seen.find((r) => r.path.includes("query=app&"));
    await waitFor(() => expect(replaced?.signal?.aborted).toBe(true));
    act(() => gates.get("app.t")?.(json(["app.ts"])));
    await waitFor(() => expect(hook.result.current).toMatchObject({ data: ["app.ts"], isPlaceholderData: false }));
    expect(seen.filter((r) => r.path.startsWith("GET /find/file")).map((r) => r.path)).toEqual([
      "GET /find/file?query=ap&limit=5",
      "GET /find/file?query=app&limit=5",
      "GET /find/file?query=app.t&limit=5",
    ]);
  });

  it("useFileStatus refetches on file.edited and file.watcher.updated; useSessionDiff follows session.diff", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    let status = [{ path: "a.ts", added: 1, removed: 0, status: "modified" }];
    const client = clientWith(fake, (url) => {
      if (url.pathname === "/file/status") return json(status);
      if (url.pathname === `/session/${session.id}/diff`) return json([]);
      return undefined;
    });
    const hook = renderOpencodeHook(() => ({ status: useFileStatus(), diff: useSessionDiff(session.id) }), { client, queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.status.data?.map((f) => f.path)).toEqual(["a.ts"]));
    await waitFor(() => expect(hook.result.current.diff.data).toEqual([]));
    await feedOpen(client);
    status = [...status, { path: "b.ts", added: 2, removed: 0, status: "added" }];
    fake.emit({ type: "file.edited", properties: { file: "/p/b.ts" } });
    await waitFor(() => expect(hook.result.current.status.data?.map((f) => f.path)).toEqual(["a.ts", "b.ts"]));
    status = [];
    fake.emit({ type: "file.watcher.updated", properties: { file: "/p/a.ts", event: "unlink" } });
    await waitFor(() => expect(hook.result.current.status.data).toEqual([]));
    const diff = [{ file: "b.ts", additions: 2, deletions: 0, status: "added" }];
    fake.emit({ type: "session.diff", properties: { sessionID: "ses_other", diff: [] } });
    fake.emit({ type: "session.diff", properties: { sessionID: session.id, diff } });
    await waitFor(() => expect(hook.result.current.diff.data).toEqual(diff));
  });
});

describe("session action hooks", () => {
  it("useMessages hides the messages a revert undid, and shows them again after unrevert", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    const u1 = fakeUserMessage(session.id, "one");
    const a1 = fakeAssistantMessage(session.id, u1.info.id, "reply one");
    const u2 = fakeUserMessage(session.id, "two");
    const a2 = fakeAssistantMessage(session.id, u2.info.id, "reply two");
    fake.instance().addMessages(session.id, u1, a1, u2, a2);
    let reverted = false;
    const client = clientWith(fake, (url) => {
      const current = { ...session, ...(reverted ? { revert: { messageID: u2.info.id } } : {}) };
      if (url.pathname === `/session/${session.id}/revert`) return (reverted = true), json({ ...session, revert: { messageID: u2.info.id } });
      if (url.pathname === `/session/${session.id}/unrevert`) return (reverted = false), json(session);
      if (url.pathname === `/session/${session.id}`) return json(current);
      return undefined;
    });
    const hook = renderOpencodeHook(
      () => ({ messages: useMessages(session.id, { select: flattenMessagePages }), revert: useRevertMessage(), unrevert: useUnrevertSession() }),
      { client, queryClient: testQueryClient() },
    );
    const ids = (): string[] | undefined => hook.result.current.messages.data?.map((m) => m.info.id);
    await waitFor(() => expect(ids()).toEqual([u1.info.id, a1.info.id, u2.info.id, a2.info.id]));
    await act(() => hook.result.current.revert.mutateAsync({ sessionId: session.id, messageID: u2.info.id }));
    await waitFor(() => expect(ids()).toEqual([u1.info.id, a1.info.id]));
    await act(() => hook.result.current.unrevert.mutateAsync(session.id));
    await waitFor(() => expect(ids()).toEqual([u1.info.id, a1.info.id, u2.info.id, a2.info.id]));
  });

  it("useRunShell on a busy session: the mutation's error is a ConflictError; useDeleteMessage drops the message", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    const u1 = fakeUserMessage(session.id, "one");
    const u2 = fakeUserMessage(session.id, "two");
    fake.instance().addMessages(session.id, u1, u2);
    const client = clientWith(fake, (url, init) => {
      if (url.pathname.endsWith("/shell")) return json({ _tag: "SessionBusyError", sessionID: session.id, message: `Session is busy: ${session.id}` }, 409);
      if (init.method === "DELETE" && url.pathname === `/session/${session.id}/message/${u2.info.id}`) return json(true);
      return undefined;
    });
    const hook = renderOpencodeHook(
      () => ({ shell: useRunShell(), remove: useDeleteMessage(), messages: useMessages(session.id, { select: flattenMessagePages, showReverted: true }) }),
      { client, queryClient: testQueryClient() },
    );
    await waitFor(() => expect(hook.result.current.messages.data?.length).toBe(2));
    act(() => hook.result.current.shell.mutate({ sessionId: session.id, command: "ls" }));
    await waitFor(() => expect(hook.result.current.shell.error).toBeInstanceOf(ConflictError));
    expect(hook.result.current.shell.error?.message).toContain("Session is busy");
    await act(() => hook.result.current.remove.mutateAsync({ sessionId: session.id, messageID: u2.info.id }));
    await waitFor(() => expect(hook.result.current.messages.data?.map((m) => m.info.id)).toEqual([u1.info.id]));
  });
});
