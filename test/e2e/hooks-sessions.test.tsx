// @vitest-environment jsdom
/**
 * Session hooks against a real `opencode serve`: the query and mutation hooks (list, create,
 * rename, delete, paged messages) kept live by the feed, and the turns that do not end well:
 * an abort mid-stream, a fatal provider error and a provider error the server retries.
 */
import { waitFor } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  flattenMessagePages,
  NotFoundError,
  useCreateSession,
  useDeleteSession,
  useMessages,
  useSessions,
  useUpdateSession,
  type OpencodeClient,
  type RequestInstrumentation,
} from "../../src";
import { SLOW_TEXT } from "./core-support";
import { useChildServer } from "./hooks-server";
import { e2eClient, fileTimer, hookView, inOrder, renderLive, renderPanel, runPanelTurn, serverView, unmountAll, WAIT } from "./hooks-support";

const server = useChildServer();
afterEach(unmountAll);
afterAll(fileTimer("hooks-sessions"));
/** Every REST exchange of the hooks' client: shows whether a change came by refetch or by event. */
const exchanges: RequestInstrumentation[] = [];
let cached: OpencodeClient | undefined;
const client = (): OpencodeClient => (cached ??= e2eClient(server().baseUrl, { instrument: (e) => exchanges.push(e) }));

describe("session list and mutations", () => {
  it("useSessions lists what useCreateSession made, shows renames (live from another client too) and drops deletions", async () => {
    const view = renderLive(client(), () => ({
      sessions: useSessions(),
      create: useCreateSession(),
      update: useUpdateSession(),
      remove: useDeleteSession(),
    }));
    const titleOf = (id: string): string | undefined => view.result.current.sessions.data?.find((s) => s.id === id)?.title;
    await waitFor(() => expect(view.result.current.sessions.isSuccess).toBe(true), WAIT);

    const created = await view.result.current.create.mutateAsync({ title: "made by a hook" });
    await waitFor(() => expect(titleOf(created.id)).toBe("made by a hook"), WAIT);
    expect((await client().sessions.list()).map((s) => s.id)).toContain(created.id);

    await view.result.current.update.mutateAsync({ sessionId: created.id, title: "renamed by a hook" });
    await waitFor(() => expect(titleOf(created.id)).toBe("renamed by a hook"), WAIT);
    expect((await client().sessions.get(created.id)).title).toBe("renamed by a hook");

    // Another tab (its own client, no hook) creates and renames: only the feed can tell this one.
    const other = e2eClient(server().baseUrl);
    const listFetches = (): number => exchanges.filter((e) => e.method === "GET" && e.path === "/session").length;
    const fetchesBefore = listFetches();
    const elsewhere = await other.sessions.create({ title: "made elsewhere" });
    await other.sessions.update(created.id, { title: "renamed elsewhere" });
    await waitFor(() => expect(titleOf(created.id)).toBe("renamed elsewhere"), WAIT);
    await waitFor(() => expect(titleOf(elsewhere.id)).toBe("made elsewhere"), WAIT);
    expect(listFetches()).toBe(fetchesBefore); // session.created / session.updated, no refetch

    await view.result.current.remove.mutateAsync(created.id);
    await other.sessions.delete(elsewhere.id);
    await waitFor(() => expect(view.result.current.sessions.data?.map((s) => s.id)).not.toContain(elsewhere.id), WAIT);
    expect(view.result.current.sessions.data?.map((s) => s.id)).not.toContain(created.id);
    await expect(client().sessions.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("paged messages", () => {
  it("useMessages with pageSize 2 pages back through three turns, then follows a fourth live", async () => {
    const session = await client().sessions.create({ title: "paging" });
    const panel = renderPanel(client(), session.id);
    for (const word of ["one", "two", "three"]) {
      await runPanelTurn(panel, word);
      expect(panel.result.current.stream.text).toBe(`You said: ${word}`);
    }

    const view = renderLive(client(), () => useMessages(session.id, { pageSize: 2 }));
    await waitFor(() => expect(view.result.current.isSuccess).toBe(true), WAIT);
    // The first page is the newest: the last turn.
    expect(view.result.current.data?.pages[0]?.items.map((m) => m.info.role)).toEqual(["user", "assistant"]);
    expect(view.result.current.hasNextPage).toBe(true);
    let latest = view.result.current;
    for (let i = 0; latest.hasNextPage && i < 5; i++) latest = await latest.fetchNextPage();
    expect(latest.hasNextPage).toBe(false);
    await waitFor(() => expect(view.result.current.data?.pages).toHaveLength(3), WAIT);
    expect(view.result.current.data?.pages.map((p) => p.items.length)).toEqual([2, 2, 2]);
    const stored = (await client().messages.list(session.id)).items;
    expect(flattenMessagePages(view.result.current.data).map((m) => m.info.id)).toEqual(stored.map((m) => m.info.id));

    // A turn while the history is shown: its messages are patched in live, no refetch needed.
    await runPanelTurn(panel, "four");
    const after = (await client().messages.list(session.id)).items;
    expect(after).toHaveLength(8);
    await waitFor(() => {
      const shown = flattenMessagePages(view.result.current.data);
      expect(shown.map((m) => m.info.id)).toEqual(after.map((m) => m.info.id));
      expect(shown.at(-1)?.parts.flatMap((p) => (p.type === "text" ? [p.text] : []))).toEqual(["You said: four"]);
    }, WAIT);
  });
});

describe("turns that do not end well", () => {
  it("abort() mid-stream: back to idle, marked aborted, the partial text equals the stored one", async () => {
    const session = await client().sessions.create({ title: "abort" });
    const panel = renderPanel(client(), session.id);
    const turn = await runPanelTurn(panel, "slow", async (p) => {
      await waitFor(() => expect(p.result.current.stream.text).toMatch(/^slow0 /), WAIT);
      expect(p.result.current.stream.status).toBe("streaming");
      await p.result.current.stream.abort();
    });
    expect(inOrder(turn.statuses, ["connecting", "streaming", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    expect(turn.statuses).not.toContain("error");
    expect(turn.finish.info.aborted).toBe(true);
    expect(panel.result.current.aborted).toBe(true);
    expect(panel.result.current.stream.error).toBeNull();
    const text = panel.result.current.stream.text;
    expect(SLOW_TEXT.startsWith(text) && text !== SLOW_TEXT).toBe(true);
    expect(hookView(panel.result.current.stream)).toEqual(await serverView(client(), session.id));
  });

  it("fatal400: status error, the error carries the provider's message", async () => {
    const session = await client().sessions.create({ title: "fatal" });
    const panel = renderPanel(client(), session.id);
    const turn = await runPanelTurn(panel, "fatal400");
    expect(inOrder(turn.statuses, ["connecting", "error"]), turn.statuses.join(" -> ")).toBe(true);
    expect(panel.result.current.stream.status).toBe("error");
    expect(panel.result.current.stream.error?.message).toContain("Fake bad request");
    expect(turn.finish.info.error?.message).toContain("Fake bad request");
    expect(turn.finish.info.aborted).toBe(false);
    expect(panel.result.current.stream.text).toBe("");
  });

  it("flaky500: the session shows retry (store and status map) and then completes with the text", async () => {
    const session = await client().sessions.create({ title: "flaky" });
    const panel = renderPanel(client(), session.id);
    const turn = await runPanelTurn(panel, "flaky500");
    expect(turn.renders.some((r) => r.storeSessionStatus === "retry")).toBe(true);
    expect(turn.renders.some((r) => r.mapSessionStatus === "retry")).toBe(true);
    // A retry is not a failure: the turn stays in flight and ends normally.
    expect(turn.statuses).not.toContain("error");
    expect(turn.statuses.at(-1)).toBe("idle");
    expect(panel.result.current.stream.text).toBe("You said: flaky500");
    expect(hookView(panel.result.current.stream)).toEqual(await serverView(client(), session.id));
  });
});
