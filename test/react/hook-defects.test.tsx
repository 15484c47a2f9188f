// @vitest-environment jsdom
/**
 * Review defects A3-A7 of the hooks, each pinned by a test named after it.
 */
import { act, render, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OpencodeProvider } from "../../src/react/provider";
import { usePermissions, useQuestions, useReply, useStream } from "../../src/react/stream";
import { useDeleteSession } from "../../src/react/use-delete-session";
import { useSendMessage } from "../../src/react/use-send-message";
import { useSessions } from "../../src/react/use-sessions";
import { useUpdateSession } from "../../src/react/use-update-session";
import { createFakeOpencode, fakeSession } from "../support/fake-opencode";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";
import { sessionEvents } from "../support/stream-events";

function setup() {
  const fake = createFakeOpencode();
  const session = fake.instance().addSession({ title: "mine" });
  return { fake, session, client: fakeClient(fake), queryClient: testQueryClient() };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hook defects", () => {
  it("A3: a refused rename rolls back only the rename, keeping a session created meanwhile", async () => {
    const { fake, session, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ list: useSessions(), update: useUpdateSession() }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.list.isSuccess).toBe(true));
    await feedOpen(client);
    await waitFor(() => expect(hook.result.current.list.isFetching).toBe(false));
    const gate = fake.hold("PATCH", `/session/${session.id}`);
    fake.failNext("PATCH", `/session/${session.id}`, 500);
    act(() => hook.result.current.update.mutate({ sessionId: session.id, title: "renamed" }));
    await waitFor(() => expect(hook.result.current.list.data?.find((s) => s.id === session.id)?.title).toBe("renamed"));
    const created = fakeSession({ id: "ses_created_meanwhile", title: "new one" });
    fake.emit({ type: "session.created", properties: { sessionID: created.id, info: created } });
    await waitFor(() => expect(hook.result.current.list.data?.map((s) => s.id)).toContain(created.id));
    gate.release();
    await waitFor(() => expect(hook.result.current.update.isError).toBe(true));
    expect(hook.result.current.list.data?.find((s) => s.id === session.id)?.title).toBe("mine");
    expect(hook.result.current.list.data?.map((s) => s.id)).toContain(created.id);
    hook.unmount();
  });

  it("A3: a refused delete puts the session back, keeping a session created meanwhile", async () => {
    const { fake, session, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ list: useSessions(), remove: useDeleteSession() }), { client, queryClient });
    await waitFor(() => expect(hook.result.current.list.isSuccess).toBe(true));
    await feedOpen(client);
    await waitFor(() => expect(hook.result.current.list.isFetching).toBe(false));
    const gate = fake.hold("DELETE", `/session/${session.id}`);
    fake.failNext("DELETE", `/session/${session.id}`, 500);
    act(() => hook.result.current.remove.mutate(session.id));
    await waitFor(() => expect(hook.result.current.list.data?.map((s) => s.id)).not.toContain(session.id));
    const created = fakeSession({ id: "ses_created_meanwhile", title: "new one" });
    fake.emit({ type: "session.created", properties: { sessionID: created.id, info: created } });
    await waitFor(() => expect(hook.result.current.list.data?.map((s) => s.id)).toContain(created.id));
    gate.release();
    await waitFor(() => expect(hook.result.current.remove.isError).toBe(true));
    expect(hook.result.current.list.data?.map((s) => s.id).sort()).toEqual([created.id, session.id].sort());
    hook.unmount();
  });

  it("A4: useSendMessage subscribes and waits for the feed before it posts", async () => {
    const { fake, session, client, queryClient } = setup();
    const gate = fake.hold("GET", "/event");
    const hook = renderOpencodeHook(() => useSendMessage(), { client, queryClient });
    act(() => hook.result.current.mutate({ sessionId: session.id, text: "hi" }));
    await waitFor(() => expect(fake.requests.some((r) => r.path === "/event")).toBe(true));
    expect(fake.count("POST", `/session/${session.id}/prompt_async`)).toBe(0);
    gate.release();
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(fake.count("POST", `/session/${session.id}/prompt_async`)).toBe(1);
    hook.unmount();
  });

  it("A5: a prompt sent by a component that unmounts before the POST (create-then-navigate) is still posted", async () => {
    const { fake, session, client, queryClient } = setup();
    const gate = fake.hold("GET", "/event");
    function SendOnMount() {
      const { send } = useStream(session.id);
      useEffect(() => void send("go"), [send]);
      return null;
    }
    const view = render(<OpencodeProvider client={client} queryClient={queryClient}><SendOnMount /></OpencodeProvider>);
    await waitFor(() => expect(fake.requests.some((r) => r.path === "/event")).toBe(true));
    view.rerender(<OpencodeProvider client={client} queryClient={queryClient}>{null}</OpencodeProvider>);
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0))); // let the 0 ms dispose timer run
    gate.release();
    await waitFor(() => expect(fake.count("POST", `/session/${session.id}/prompt_async`)).toBe(1));
    view.unmount();
  });

  it("A6: useStream().questions drops a question the moment it is answered through useQuestions", async () => {
    const { fake, session, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ stream: useStream(session.id, { throttleMs: 0 }), questions: useQuestions(session.id) }), { client, queryClient });
    await feedOpen(client);
    act(() => fake.emit(sessionEvents(session.id).question("que_1")));
    await waitFor(() => expect(hook.result.current.stream.questions.map((q) => q.id)).toEqual(["que_1"]));
    const gate = fake.hold("POST", "/question/que_1/reply");
    let answered!: Promise<void>;
    act(() => {
      answered = hook.result.current.questions.reply("que_1", [["Red"]]);
    });
    await waitFor(() => expect(hook.result.current.questions.questions).toEqual([]));
    expect(hook.result.current.stream.questions).toEqual([]);
    gate.release();
    await act(() => answered.catch(() => undefined));
    hook.unmount();
  });

  it("A6: useStream().permissions drops a permission the moment it is answered through usePermissions", async () => {
    const { fake, session, client, queryClient } = setup();
    const hook = renderOpencodeHook(() => ({ stream: useStream(session.id, { throttleMs: 0 }), permissions: usePermissions(session.id) }), { client, queryClient });
    await feedOpen(client);
    act(() => fake.emit(sessionEvents(session.id).permission("per_1")));
    await waitFor(() => expect(hook.result.current.stream.permissions.map((p) => p.id)).toEqual(["per_1"]));
    const gate = fake.hold("POST", "/permission/per_1/reply");
    let answered!: Promise<void>;
    act(() => {
      answered = hook.result.current.permissions.reply("per_1", "once");
    });
    await waitFor(() => expect(hook.result.current.permissions.permissions).toEqual([]));
    expect(hook.result.current.stream.permissions).toEqual([]);
    gate.release();
    await act(() => answered.catch(() => undefined));
    hook.unmount();
  });

  it("A7: a useStream whose options a useReply-created store ignores warns in development", async () => {
    const { session, client, queryClient } = setup();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    function First() {
      useReply(session.id, (s) => s.status);
      return null;
    }
    const view = render(<OpencodeProvider client={client} queryClient={queryClient}><First /></OpencodeProvider>);
    await waitFor(() => expect(client.events.subscriberCount).toBeGreaterThan(0));
    function Later() {
      useStream(session.id, { idleTimeoutMs: 5_000 });
      return null;
    }
    view.rerender(<OpencodeProvider client={client} queryClient={queryClient}><First /><Later /></OpencodeProvider>);
    await waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/idleTimeoutMs/);
    view.unmount();
  });
});
