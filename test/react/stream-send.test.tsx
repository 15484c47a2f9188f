// @vitest-environment jsdom
/**
 * useStream's actions and callbacks: callbacks read from a ref (new functions never re-create the
 * store), onError, send's input forms and options, no session, and the final merge.
 */
import { act, render, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OpencodeError, SessionError } from "../../src/core/errors";
import type { ReplyPart } from "../../src/core/reply";
import { OpencodeProvider } from "../../src/react/provider";
import { useReply, useStream, type UseStreamResult } from "../../src/react/stream";
import { peekReplyStore } from "../../src/react/stream/registry";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, feedOpen, renderOpencodeHook, sleep, testQueryClient } from "../support/render-opencode";
import { sessionEvents, storedTextTurn } from "../support/stream-events";
import { mountStream as mount, promptPosts as prompts } from "../support/stream-mount";
import { replayServer } from "../support/stream-replay";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});


describe("useStream: callbacks and sending", () => {
  it("reads callbacks from a ref: new functions every render neither re-create the store nor resubscribe", async () => {
    const server = replayServer("hello");
    const parts: ReplyPart[] = [];
    const finished: string[] = [];
    // Every feed subscription, live or released (send's own post-when-ready one comes and goes).
    const live = new Set<number>();
    let made = 0;
    const subscribe = server.client.events.subscribe.bind(server.client.events);
    vi.spyOn(server.client.events, "subscribe").mockImplementation((listener, options) => {
      const id = ++made;
      live.add(id);
      const off = subscribe(listener, options);
      return () => {
        live.delete(id);
        off();
      };
    });
    const hook = renderOpencodeHook(
      ({ n }: { n: number }) =>
        useStream(server.sessionId, { onPart: (part) => parts.push(part), onFinish: (result) => finished.push(`${n}:${result.text}`) }),
      { ...server, initialProps: { n: 1 } },
    );
    cleanups.push(hook.unmount);
    await feedOpen(server.client);
    const store = peekReplyStore(server.client, server.sessionId);
    const atMount = [...live];
    expect(atMount.length).toBeGreaterThan(0);
    await act(() => hook.result.current.send("hi"));
    hook.rerender({ n: 2 });
    await server.play();
    await waitFor(() => expect(finished).toEqual(["2:Hello there! I am a fake model."]));
    expect(peekReplyStore(server.client, server.sessionId)).toBe(store);
    expect(server.client.events.subscriberCount).toBe(1);
    expect([...live]).toEqual(atMount); // the mount's subscriptions were never released and replaced
    expect(new Set(parts.map((p) => p.type))).toEqual(new Set(["step-start", "text", "step-finish"]));
    expect(parts.filter((p) => p.type === "text").at(-1)).toMatchObject({ text: "Hello there! I am a fake model." });
  });

  it("onError hears the turn's error; error and status show it", async () => {
    const server = replayServer("error-fatal400");
    const errors: Error[] = [];
    const hook = mount(server, { onError: (error) => errors.push(error) });
    await feedOpen(server.client);
    await act(() => hook.result.current.send("hi"));
    await server.play();
    await waitFor(() => expect(hook.result.current.status).toBe("error"));
    expect(errors[0]).toBeInstanceOf(SessionError);
    expect(hook.result.current.error).toBe(errors[0]);
  });

  it("send(parts, options) posts the options; a second send while a turn runs rejects", async () => {
    const server = replayServer("hello");
    const hook = mount(server);
    await feedOpen(server.client);
    await act(() =>
      hook.result.current.send([{ type: "text", text: "plan it" }], { agent: "plan", model: "fake/fake-model", messageId: "msg_custom", system: "be brief", variant: "high", tools: { bash: false } }),
    );
    expect(prompts(server)[0]?.body).toEqual({
      messageID: "msg_custom",
      parts: [{ type: "text", text: "plan it" }],
      model: { providerID: "fake", modelID: "fake-model" },
      agent: "plan",
      tools: { bash: false },
      system: "be brief",
      variant: "high",
    });
    await expect(hook.result.current.send("again")).rejects.toThrow(/already has a turn in flight/);
  });

  it("without a session: idle, empty, send rejects, abort is a no-op, no store and no feed", async () => {
    const fake = createFakeOpencode();
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useStream(undefined), { client, queryClient: testQueryClient() });
    cleanups.push(hook.unmount);
    expect(hook.result.current).toMatchObject({ status: "idle", text: "", parts: [], error: null, result: null });
    await expect(hook.result.current.send("hi")).rejects.toBeInstanceOf(OpencodeError);
    await expect(hook.result.current.abort()).resolves.toBeUndefined();
    await sleep(10);
    expect(fake.connects()).toBe(0);
  });

  it("the stored turn replaces the stream at the end (final merge)", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useStream(session.id, { throttleMs: 0 }), { client, queryClient: testQueryClient() });
    cleanups.push(hook.unmount);
    await feedOpen(client);
    await act(() => hook.result.current.send("hi"));
    const e = sessionEvents(session.id);
    fake.instance().messages.set(session.id, storedTextTurn(session.id, "the stored text", 1, "prt_text") as never);
    await act(async () => {
      for (const event of [e.busy(), e.userMessage(), e.assistant(), e.text("prt_text", ""), e.delta("prt_text", "the stored")]) fake.emit(event);
      await sleep(10);
    });
    await waitFor(() => expect(hook.result.current.text).toBe("the stored"));
    await act(async () => {
      fake.emit(e.idle());
      await sleep(10);
    });
    await waitFor(() => expect(hook.result.current.result?.text).toBe("the stored text"));
    expect(hook.result.current.text).toBe("the stored text");
  });

  it("a child's useReply mounting first does not decide the store's settings: the parent's useStream does", async () => {
    const server = replayServer("hello");
    const seen: string[] = [];
    const latest: { current: UseStreamResult | null } = { current: null };
    function Child() {
      seen.push(useReply(server.sessionId, (s) => s.status));
      return null;
    }
    function Parent() {
      latest.current = useStream(server.sessionId, { firstEventTimeoutMs: 1_234 });
      return <Child />;
    }
    // Children's effects run first: the child holds the store before the parent does.
    const view = render(
      <OpencodeProvider client={server.client} queryClient={server.queryClient}>
        <Parent />
      </OpencodeProvider>,
    );
    cleanups.push(view.unmount);
    await feedOpen(server.client);
    await act(() => latest.current!.send("hi"));
    expect(latest.current?.watchdog.deadlineKind).toBe("first-event");
    expect(latest.current?.watchdog.remainingMs).toBeLessThanOrEqual(1_234);
    expect(seen.at(-1)).toBe("submitted");
  });
});
