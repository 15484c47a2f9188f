// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ConflictError, NotFoundError, ServerError } from "../../src/core/errors";
import { opencodeKeys } from "../../src/query/keys";
import { useAbortSession } from "../../src/react/use-abort-session";
import { useCreateSession } from "../../src/react/use-create-session";
import { useDeleteSession } from "../../src/react/use-delete-session";
import { useSession, useSessionChildren, useSessions } from "../../src/react/use-sessions";
import { useUpdateSession } from "../../src/react/use-update-session";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

/** The fake, two sessions, a client and a QueryClient; `silentFeed` holds `/event` so no event reaches the caches. */
function setup(options: { silentFeed?: boolean } = {}) {
  const fake = createFakeOpencode();
  if (options.silentFeed === true) fake.hold("GET", "/event");
  const server = fake.instance();
  const parent = server.addSession({ title: "parent" });
  const child = server.addSession({ title: "child", parentID: parent.id });
  const client = fakeClient(fake);
  const queryClient = testQueryClient();
  return { fake, server, parent, child, client, queryClient };
}

describe("useCreateSession", () => {
  it("adds the new session to the matching list caches and seeds its detail (itself: the feed is silent)", async () => {
    const { fake, parent, client, queryClient } = setup({ silentFeed: true });
    const hook = renderOpencodeHook(
      () => ({ all: useSessions(), roots: useSessions({ roots: true }), children: useSessionChildren(parent.id), create: useCreateSession() }),
      { client, queryClient },
    );
    await waitFor(() => expect(hook.result.current.children.isSuccess && hook.result.current.roots.isSuccess).toBe(true));
    let created = await act(() => hook.result.current.create.mutateAsync({ title: "fresh" }));
    await waitFor(() => expect(hook.result.current.all.data?.[0]?.id).toBe(created.id));
    await waitFor(() => expect(hook.result.current.roots.data?.[0]?.id).toBe(created.id));
    expect(queryClient.getQueryData(opencodeKeys.session(client, created.id))).toEqual(created);

    created = await act(() => hook.result.current.create.mutateAsync({ title: "sub", parentID: parent.id }));
    await waitFor(() => expect(hook.result.current.children.data?.map((s) => s.id)).toContain(created.id));
    expect(hook.result.current.roots.data?.map((s) => s.id)).not.toContain(created.id);
    expect(hook.result.current.all.data?.filter((s) => s.id === created.id)).toHaveLength(1);
    expect(fake.count("GET", "/session")).toBe(2);
    expect(client.events.status).not.toBe("open"); // no session.created event did it
  });

  it("calls the caller's onSuccess after the caches are updated, and surfaces errors", async () => {
    const { fake, client, queryClient } = setup();
    const onSuccess = vi.fn((session: { id: string }) => queryClient.getQueryData(opencodeKeys.session(client, session.id)));
    const hook = renderOpencodeHook(() => useCreateSession({ onSuccess }), { client, queryClient });
    await act(() => hook.result.current.mutateAsync(undefined));
    expect(onSuccess.mock.results[0]?.value).toBeDefined();
    fake.failNext("POST", "/session", 500);
    act(() => hook.result.current.mutate({ title: "x" }));
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(ServerError));
  });
});

describe("useUpdateSession", () => {
  it("renames optimistically in detail and lists, then keeps the server's copy", async () => {
    const { fake, parent, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ detail: useSession(parent.id), list: useSessions(), update: useUpdateSession() }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.detail.isSuccess && hook.result.current.list.isSuccess).toBe(true));
    const gate = fake.hold("PATCH", `/session/${parent.id}`);
    act(() => hook.result.current.update.mutate({ sessionId: parent.id, title: "renamed" }));
    await waitFor(() => expect(hook.result.current.detail.data?.title).toBe("renamed"));
    expect(hook.result.current.list.data?.find((s) => s.id === parent.id)?.title).toBe("renamed");
    expect(hook.result.current.update.isPending).toBe(true);
    gate.release();
    await waitFor(() => expect(hook.result.current.update.isSuccess).toBe(true));
    expect(hook.result.current.detail.data?.time.updated).toBe(parent.time.updated + 1); // the server's copy
  });

  it("rolls back detail and lists when the server refuses", async () => {
    const { fake, parent, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ detail: useSession(parent.id), list: useSessions({ archived: false }), update: useUpdateSession() }), {
      client,
      queryClient,
    });
    await waitFor(() => expect(hook.result.current.detail.isSuccess && hook.result.current.list.isSuccess).toBe(true));
    const gate = fake.hold("PATCH", `/session/${parent.id}`);
    fake.failNext("PATCH", `/session/${parent.id}`, 409, { _tag: "SessionBusyError", message: "busy" });
    act(() => hook.result.current.update.mutate({ sessionId: parent.id, archived: true, title: "archived" }));
    await waitFor(() => expect(hook.result.current.list.data?.map((s) => s.id)).not.toContain(parent.id));
    expect(hook.result.current.detail.data?.time.archived).toBeTypeOf("number");
    gate.release();
    await waitFor(() => expect(hook.result.current.update.error).toBeInstanceOf(ConflictError));
    expect(hook.result.current.detail.data).toEqual(parent);
    expect(hook.result.current.list.data?.map((s) => s.id)).toContain(parent.id);
  });
});

describe("useDeleteSession", () => {
  it("removes the session from the lists and its parent's children at once, while the DELETE is in flight, and deletes it once", async () => {
    const { fake, parent, child, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ list: useSessions(), children: useSessionChildren(parent.id), remove: useDeleteSession() }), {
      client,
      queryClient,
    });
    await waitFor(() => expect(hook.result.current.list.isSuccess && hook.result.current.children.isSuccess).toBe(true));
    const gate = fake.hold("DELETE", `/session/${child.id}`);
    act(() => hook.result.current.remove.mutate(child.id));
    await waitFor(() => expect(hook.result.current.list.data?.map((s) => s.id)).toEqual([parent.id]));
    expect(hook.result.current.children.data).toEqual([]);
    gate.release();
    await waitFor(() => expect(hook.result.current.remove.isSuccess).toBe(true));
    expect(fake.count("DELETE", `/session/${child.id}`)).toBe(1);
  });

  it("on success, itself (the feed is silent) drops the unobserved caches and the status entry of the deleted session", async () => {
    const { parent, child, client, queryClient } = setup({ silentFeed: true });
    const hook = renderOpencodeHook(() => ({ list: useSessions(), remove: useDeleteSession() }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.list.isSuccess).toBe(true));
    queryClient.setQueryData(opencodeKeys.session(client, child.id), child);
    queryClient.setQueryData(opencodeKeys.todos(client, child.id), [{ content: "x", status: "pending", priority: "low" }]);
    queryClient.setQueryData(opencodeKeys.messagePages(client, child.id, 50), { pages: [], pageParams: [] });
    queryClient.setQueryData(opencodeKeys.status(client), { [child.id]: { type: "busy" }, [parent.id]: { type: "busy" } });
    await act(() => hook.result.current.remove.mutateAsync(child.id));
    expect(queryClient.getQueryData(opencodeKeys.session(client, child.id))).toBeUndefined();
    expect(queryClient.getQueryData(opencodeKeys.todos(client, child.id))).toBeUndefined();
    expect(queryClient.getQueryData(opencodeKeys.messagePages(client, child.id, 50))).toBeUndefined();
    expect(queryClient.getQueryData(opencodeKeys.status(client))).toEqual({ [parent.id]: { type: "busy" } });
    expect(queryClient.getQueryData(opencodeKeys.session(client, parent.id))).toBeUndefined(); // never cached, nothing else touched
    expect(client.events.status).not.toBe("open");
  });

  it("restores the lists and surfaces the error when the server refuses", async () => {
    const { fake, parent, child, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ list: useSessions(), remove: useDeleteSession() }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.list.isSuccess).toBe(true));
    const before = hook.result.current.list.data;
    const gate = fake.hold("DELETE", `/session/${parent.id}`);
    fake.failNext("DELETE", `/session/${parent.id}`, 404);
    act(() => hook.result.current.remove.mutate(parent.id));
    await waitFor(() => expect(hook.result.current.list.data?.map((s) => s.id)).toEqual([child.id]));
    gate.release();
    await waitFor(() => expect(hook.result.current.remove.error).toBeInstanceOf(NotFoundError));
    expect(hook.result.current.list.data).toEqual(before);
  });
});

describe("useAbortSession", () => {
  it("posts a server abort and resolves true", async () => {
    const { fake, parent, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => useAbortSession(), { client, queryClient });
    await act(() => hook.result.current.mutateAsync(parent.id));
    await waitFor(() => expect(hook.result.current.data).toBe(true));
    expect(fake.count("POST", `/session/${parent.id}/abort`)).toBe(1);
    expect(fake.connects()).toBe(0); // a server abort, no stream involved
  });

  it("surfaces a missing session as NotFoundError", async () => {
    const { client, queryClient } = setup();
    const hook = renderOpencodeHook(() => useAbortSession(), { client, queryClient });
    act(() => hook.result.current.mutate("ses_nope"));
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(NotFoundError));
  });
});
