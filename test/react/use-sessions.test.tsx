// @vitest-environment jsdom
import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/core/errors";
import { opencodeKeys } from "../../src/query/keys";
import { useSession, useSessionChildren, useSessions } from "../../src/react/use-sessions";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

function setup() {
  const fake = createFakeOpencode();
  const client = fakeClient(fake);
  const queryClient = testQueryClient();
  return { fake, client, queryClient, server: fake.instance() };
}

describe("useSessions", () => {
  it("goes from pending to the server's list, newest first", async () => {
    const { fake, client, queryClient, server } = setup();
    const older = server.addSession({ title: "older" });
    const newer = server.addSession({ title: "newer" });
    const hook = renderOpencodeHook(() => useSessions(), { client, queryClient });
    expect(hook.history[0]?.status).toBe("pending");
    await waitFor(() => expect(hook.result.current.status).toBe("success"));
    expect(hook.result.current.data?.map((s) => s.id)).toEqual([newer.id, older.id]);
    expect(fake.count("GET", "/session")).toBe(1);
    expect(hook.history.map((r) => r.status)).toEqual(expect.arrayContaining(["pending", "success"]));
  });

  it("passes filters to the server and keys each filter set apart", async () => {
    const { fake, client, queryClient, server } = setup();
    server.addSession({ title: "alpha" });
    server.addSession({ title: "beta" });
    const hook = renderOpencodeHook(() => useSessions({ search: "alp" }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.data?.map((s) => s.title)).toEqual(["alpha"]));
    expect(fake.requests.find((r) => r.path === "/session")?.query.get("search")).toBe("alp");
    expect(queryClient.getQueryData(opencodeKeys.sessionList(client, { search: "alp" }))).toHaveLength(1);
    expect(queryClient.getQueryData(opencodeKeys.sessionList(client))).toBeUndefined();
  });

  it("passes select through", async () => {
    const { client, queryClient, server } = setup();
    server.addSession({ title: "one" });
    const hook = renderOpencodeHook(() => useSessions({}, { select: (list) => list.length }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.data).toBe(1));
  });

  it("adds sessions from session.created, patches session.updated, removes session.deleted", async () => {
    const { fake, client, queryClient, server } = setup();
    const first = server.addSession({ title: "first" });
    const hook = renderOpencodeHook(() => useSessions({ roots: true }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.data).toHaveLength(1));
    await feedOpen(client);

    const created = { ...first, id: "ses_new", title: "created", time: { created: 2e12, updated: 2e12 } };
    fake.emit({ type: "session.created", properties: { sessionID: "ses_new", info: created } });
    await waitFor(() => expect(hook.result.current.data?.map((s) => s.id)).toEqual(["ses_new", first.id]));

    const child = { ...created, id: "ses_child", parentID: "ses_new" };
    fake.emit({ type: "session.created", properties: { sessionID: "ses_child", info: child } });
    fake.emit({ type: "session.updated", properties: { sessionID: first.id, info: { ...first, title: "renamed", time: { ...first.time, updated: 3e12 } } } });
    await waitFor(() => expect(hook.result.current.data?.map((s) => s.title)).toEqual(["renamed", "created"]));

    fake.emit({ type: "session.deleted", properties: { sessionID: "ses_new", info: created } });
    await waitFor(() => expect(hook.result.current.data?.map((s) => s.id)).toEqual([first.id]));
    expect(fake.count("GET", "/session")).toBe(1);
  });
});

describe("useSession", () => {
  it("loads one session and re-renders with the title of a session.updated event", async () => {
    const { fake, client, queryClient, server } = setup();
    const session = server.addSession({ title: "before" });
    const hook = renderOpencodeHook(() => useSession(session.id), { client, queryClient });
    await waitFor(() => expect(hook.result.current.data?.title).toBe("before"));
    await feedOpen(client);
    fake.emit({ type: "session.updated", properties: { sessionID: session.id, info: { ...session, title: "after" } } });
    await waitFor(() => expect(hook.result.current.data?.title).toBe("after"));
    const titles = hook.history.map((r) => r.data?.title);
    expect(titles[0]).toBeUndefined();
    expect(titles.filter((t, i) => i === 0 || t !== titles[i - 1])).toEqual([undefined, "before", "after"]);
    expect(fake.count("GET", `/session/${session.id}`)).toBe(1);
  });

  it("surfaces a 404 as a NotFoundError in error, without retrying", async () => {
    const { fake, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => useSession("ses_missing"), { client, queryClient });
    await waitFor(() => expect(hook.result.current.status).toBe("error"));
    expect(hook.result.current.error).toBeInstanceOf(NotFoundError);
    expect((hook.result.current.error as NotFoundError).status).toBe(404);
    expect(fake.count("GET", "/session/ses_missing")).toBe(1);
  });

  it("is disabled while the id is undefined, and fetches once it is given", async () => {
    const { fake, client, queryClient, server } = setup();
    const session = server.addSession();
    const hook = renderOpencodeHook((props: { id: string | undefined }) => useSession(props.id), {
      client,
      queryClient,
      initialProps: { id: undefined as string | undefined },
    });
    expect(hook.result.current.status).toBe("pending");
    expect(hook.result.current.fetchStatus).toBe("idle");
    expect(fake.count("GET", /^\/session\//)).toBe(0);
    hook.rerender({ id: session.id });
    await waitFor(() => expect(hook.result.current.data?.id).toBe(session.id));
  });

  it("honours enabled: false", async () => {
    const { fake, client, queryClient, server } = setup();
    const session = server.addSession();
    const hook = renderOpencodeHook(() => useSession(session.id, { enabled: false }), { client, queryClient });
    await feedOpen(client);
    expect(hook.result.current.fetchStatus).toBe("idle");
    expect(fake.count("GET", `/session/${session.id}`)).toBe(0);
  });

  it("refetches into a NotFoundError after a session.deleted event", async () => {
    const { fake, client, queryClient, server } = setup();
    const session = server.addSession();
    const hook = renderOpencodeHook(() => useSession(session.id), { client, queryClient });
    await waitFor(() => expect(hook.result.current.data?.id).toBe(session.id));
    await feedOpen(client);
    server.sessions.delete(session.id);
    fake.emit({ type: "session.deleted", properties: { sessionID: session.id, info: session } });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(NotFoundError));
  });
});

describe("useSessionChildren", () => {
  it("lists the children and adds a child created later", async () => {
    const { fake, client, queryClient, server } = setup();
    const parent = server.addSession();
    const child = server.addSession({ parentID: parent.id });
    server.addSession();
    const hook = renderOpencodeHook(() => useSessionChildren(parent.id), { client, queryClient });
    await waitFor(() => expect(hook.result.current.data?.map((s) => s.id)).toEqual([child.id]));
    await feedOpen(client);
    const second = { ...child, id: "ses_child2", time: { created: 2e12, updated: 2e12 } };
    fake.emit({ type: "session.created", properties: { sessionID: second.id, info: second } });
    await waitFor(() => expect(hook.result.current.data?.map((s) => s.id)).toEqual(["ses_child2", child.id]));
  });

  it("is disabled without an id and maps a missing parent to NotFoundError", async () => {
    const { fake, client, queryClient } = setup();
    const idle = renderOpencodeHook(() => useSessionChildren(undefined), { client, queryClient });
    expect(idle.result.current.fetchStatus).toBe("idle");
    const missing = renderOpencodeHook(() => useSessionChildren("ses_nope"), { client, queryClient });
    await waitFor(() => expect(missing.result.current.error).toBeInstanceOf(NotFoundError));
    expect(fake.count("GET", "/session/ses_nope/children")).toBe(1);
  });
});
