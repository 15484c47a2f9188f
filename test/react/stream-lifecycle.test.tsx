// @vitest-environment jsdom
/**
 * useStream's lifecycle: subscribe-then-prompt, no re-post on reconnect, StrictMode (one store,
 * one connection, one POST), mounting mid-turn (the store's or the server's), unmounting,
 * session switches.
 */
import { type ReactNode } from "react";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { OpencodeProvider } from "../../src/react/provider";
import { useStream } from "../../src/react/stream";
import { peekReplyStore, replyStoreHolders, subscribeReplyStores } from "../../src/react/stream/registry";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, feedOpen, opencodeWrapper, renderOpencodeHook, sleep, testQueryClient } from "../support/render-opencode";
import { sessionEvents, storedTextTurn } from "../support/stream-events";
import { mountStream as mount, promptPosts as prompts } from "../support/stream-mount";
import { replayServer } from "../support/stream-replay";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});


describe("useStream: subscribe, then prompt", () => {
  it("posts only after the feed saw server.connected, even when send() comes first", async () => {
    const server = replayServer("hello");
    const gate = server.fake.hold("GET", "/event");
    const hook = mount(server);
    let sent: Promise<void> | undefined;
    act(() => {
      sent = hook.result.current.send("hi");
    });
    await waitFor(() => expect(hook.result.current.status).toBe("connecting"));
    // The feed's request reached the server (and is held there): send() had every chance to post.
    await waitFor(() => expect(server.fake.count("GET", "/event")).toBeGreaterThanOrEqual(1));
    expect(prompts(server)).toHaveLength(0);
    gate.release();
    await act(async () => {
      await sent;
    });
    expect(prompts(server)).toEqual([expect.objectContaining({ feed: "open" })]);
    expect(hook.result.current.status).toBe("submitted");
  });

  it("never re-posts after the stream drops mid-turn; the turn completes on the new connection", async () => {
    const server = replayServer("hello");
    const hook = mount(server);
    await feedOpen(server.client);
    await act(() => hook.result.current.send("hi"));
    await server.play((e) => e.type === "message.part.delta");
    act(() => server.fake.closeStreams());
    await waitFor(() => expect(server.fake.connects()).toBe(2));
    await feedOpen(server.client);
    await server.play();
    await waitFor(() => expect(hook.result.current.result).not.toBeNull());
    expect(hook.result.current.text).toBe("Hello there! I am a fake model.");
    expect(prompts(server)).toHaveLength(1);
    expect(server.fake.count("POST", /prompt_async$/)).toBe(0); // the wrapper answered the only one
  });
});

describe("useStream: one store per session", () => {
  it("StrictMode: one /event connection, one store holder, one POST", async () => {
    const server = replayServer("hello");
    // reactStrictMode, not a <StrictMode> inside the wrapper: measured on React 19.3, a
    // wrapper's StrictMode does not replay the hook's effects (mount, unmount, mount); this does.
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OpencodeProvider client={server.client} queryClient={server.queryClient}>
        {children}
      </OpencodeProvider>
    );
    // Every store created or disposed, as the registry announces it.
    const announced: unknown[] = [];
    const off = subscribeReplyStores(server.client, () => announced.push(peekReplyStore(server.client, server.sessionId)));
    cleanups.push(off);
    const hook = renderHook(() => useStream(server.sessionId), { wrapper, reactStrictMode: true });
    cleanups.push(hook.unmount);
    const store = peekReplyStore(server.client, server.sessionId);
    expect(store).toBeDefined();
    await feedOpen(server.client);
    await act(() => hook.result.current.send("hi"));
    await server.play();
    await waitFor(() => expect(hook.result.current.result).not.toBeNull());
    // A whole turn later, StrictMode's simulated unmount had every chance to dispose the store
    // (its release schedules a 0 ms dispose): the store is still the first one, never disposed.
    expect(peekReplyStore(server.client, server.sessionId)).toBe(store);
    expect(announced.every((announcedStore) => announcedStore === store)).toBe(true);
    expect(replyStoreHolders(server.client, server.sessionId)).toBe(1);
    expect(server.fake.connects()).toBe(1);
    expect(prompts(server)).toHaveLength(1);
    expect(hook.result.current.text).toBe("Hello there! I am a fake model.");
  });

  it("a component mounting mid-turn sees the turn so far from its first render", async () => {
    const server = replayServer("hello");
    const first = mount(server);
    await feedOpen(server.client);
    await act(() => first.result.current.send("hi"));
    await server.play((e) => e.type === "message.part.updated" && (e.properties.part as { type?: string }).type === "step-finish");
    await waitFor(() => expect(first.result.current.text).toBe("Hello there! I am a fake model."));
    const late = mount(server);
    expect(late.history[0]).toMatchObject({ status: "streaming", text: "Hello there! I am a fake model." });
    expect(replyStoreHolders(server.client, server.sessionId)).toBe(2);
    await server.play();
    await waitFor(() => expect(late.result.current.status).toBe("idle"));
    expect(prompts(server)).toHaveLength(1);
  });

  it("unmounting the last holder disposes the store and leaves the feed", async () => {
    const server = replayServer("hello");
    const hook = mount(server);
    await feedOpen(server.client);
    await act(() => hook.result.current.send("hi"));
    expect(hook.result.current.watchdog.deadlineAt).not.toBeNull();
    hook.unmount();
    await waitFor(() => expect(server.fake.openStreams()).toBe(0));
    expect(peekReplyStore(server.client, server.sessionId)).toBeUndefined();
    expect(server.client.events.subscriberCount).toBe(0);
  });
});

describe("useStream: turns started elsewhere", () => {
  it("follows a turn another tab prompted: streaming, then idle with the reconciled result", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useStream(session.id, { throttleMs: 0 }), { client, queryClient: testQueryClient() });
    cleanups.push(hook.unmount);
    await feedOpen(client);
    await sleep(10);
    const e = sessionEvents(session.id);
    fake.instance().messages.set(session.id, storedTextTurn(session.id, "from the other tab") as never);
    await act(async () => {
      for (const event of [e.userMessage(), e.busy(), e.assistant(), e.text("prt_text", ""), e.delta("prt_text", "from the other")]) fake.emit(event);
      await sleep(10);
    });
    await waitFor(() => expect(hook.result.current).toMatchObject({ status: "streaming", text: "from the other" }));
    await act(async () => {
      fake.emit(e.idle());
      await sleep(10);
    });
    await waitFor(() => expect(hook.result.current.result?.text).toBe("from the other tab"));
    expect(hook.result.current.status).toBe("idle");
    expect(fake.count("POST", /prompt_async$/)).toBe(0);
  });

  it("a useStream mounting while the session is busy shows the turn so far on screen, then continues", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    const client = fakeClient(fake);
    // Started elsewhere (another tab, or before a reload): the stored turn has "Hello wor" so far.
    fake.instance().status = { [session.id]: { type: "busy" } };
    fake.instance().messages.set(session.id, storedTextTurn(session.id, "Hello wor") as never);
    function Reply() {
      const stream = useStream(session.id, { throttleMs: 0 });
      return <p data-testid="reply">{`${stream.status}: ${stream.result?.text ?? stream.text}`}</p>;
    }
    const view = render(<Reply />, { wrapper: opencodeWrapper(client, testQueryClient()) });
    cleanups.push(view.unmount);
    await waitFor(() => expect(screen.getByTestId("reply").textContent).toBe("streaming: Hello wor"));
    await feedOpen(client);
    const e = sessionEvents(session.id);
    await act(async () => {
      fake.emit(e.delta("prt_text", "ld"));
      await sleep(10);
    });
    await waitFor(() => expect(screen.getByTestId("reply").textContent).toBe("streaming: Hello world"));
    fake.instance().status = {};
    fake.instance().messages.set(session.id, storedTextTurn(session.id, "Hello world!") as never);
    await act(async () => {
      fake.emit(e.idle());
      await sleep(10);
    });
    await waitFor(() => expect(screen.getByTestId("reply").textContent).toBe("idle: Hello world!"));
    expect(fake.count("GET", /\/message$/)).toBe(2);
    expect(fake.count("POST", /prompt_async$/)).toBe(0);
  });
});

describe("useStream: session switch", () => {
  it("never shows the old session's events, from the first render after the switch", async () => {
    const fake = createFakeOpencode();
    const a = fake.instance().addSession();
    const b = fake.instance().addSession();
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(({ id }: { id: string }) => ({ id, stream: useStream(id) }), {
      client,
      queryClient: testQueryClient(),
      initialProps: { id: a.id },
    });
    cleanups.push(hook.unmount);
    await feedOpen(client);
    const ea = sessionEvents(a.id);
    await act(() => hook.result.current.stream.send("hi"));
    await act(async () => {
      for (const event of [ea.busy(), ea.assistant(), ea.text("prt_a", ""), ea.delta("prt_a", "from A")]) fake.emit(event);
      await sleep(40);
    });
    await waitFor(() => expect(hook.result.current.stream.text).toBe("from A"));

    hook.rerender({ id: b.id });
    const switchedAt = hook.history.findIndex((h) => h.id === b.id);
    // A's late events, then B's own: once B's text shows, every A event before it was delivered
    // (one feed, in order) and had its chance to leak into the switched hook.
    const eb = sessionEvents(b.id);
    act(() => {
      for (const event of [ea.delta("prt_a", " more A"), ea.text("prt_a2", "late A"), ea.idle()]) fake.emit(event);
      for (const event of [eb.busy(), eb.assistant(), eb.text("prt_b", ""), eb.delta("prt_b", "from B")]) fake.emit(event);
    });
    await waitFor(() => expect(hook.result.current.stream.text).toBe("from B"));
    const afterSwitch = hook.history.slice(switchedAt);
    expect(afterSwitch[0]?.stream).toMatchObject({ text: "", parts: [], status: "idle" });
    for (const h of afterSwitch) {
      expect(["", "from B"]).toContain(h.stream.text);
      expect(h.stream.parts.map((part) => part.id)).not.toContain("prt_a");
      expect(h.stream.parts.map((part) => part.id)).not.toContain("prt_a2");
    }
    await waitFor(() => expect(replyStoreHolders(client, a.id)).toBe(0));
    await waitFor(() => expect(peekReplyStore(client, a.id)).toBeUndefined());
    expect(fake.connects()).toBe(1);
  });
});
