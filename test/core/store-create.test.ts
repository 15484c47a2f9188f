/**
 * What createReplyStore wires around the turn machine: a feed already open at creation, child
 * sessions followed once each, callbacks that throw, the idle watchdog's "off", the watchdog
 * object kept while it does not change, and a host's own scheduler deciding alone.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { createReplyStore, distill } from "../../src/core/reply";
import { ev, delta, SID, status, toolSnap, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";
import { createFakeReplyClient, settle } from "../support/fake-reply-client";
import { eventually } from "../support/eventually";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const TURN = 600_000;

describe("reply store wiring", () => {
  test("a feed already open when the store is created: a pending question holds the turn deadline (RC-06)", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const client = createFakeReplyClient();
    client.events.connect(); // another store (or hook) opened the shared feed earlier
    const store = createReplyStore({ client, sessionId: SID, throttleMs: 0, resume: false });
    try {
      await store.getState().send("hi");
      for (const event of [status("busy"), userMessage(), ev("question.asked", { id: "que_1", questions: [] })]) client.events.push(event);
      expect(store.getState().status).toBe("awaiting-input");
      expect(store.getState().watchdog.deadlineKind).not.toBe("turn");
      vi.advanceTimersByTime(2 * TURN);
      expect(store.getState()).toMatchObject({ status: "awaiting-input", error: null });
    } finally {
      store.getState().dispose();
    }
  });

  test("a child session is followed once: each of its events reaches onEvent once", async () => {
    const seen: WireEvent[] = [];
    const h = harness({ onEvent: (event) => seen.push(event) });
    await startTurn(h);
    h.push(status("busy"), userMessage(), toolSnap("t1", "task", { status: "running", input: {}, metadata: { sessionId: "ses_c1" } }));
    // A second child makes the store look at its children again.
    h.push(toolSnap("t2", "task", { status: "running", input: {}, metadata: { sessionId: "ses_c2" } }, { callID: "call_2" }));
    const asked = { type: "question.asked", properties: { id: "que_c", sessionID: "ses_c1", questions: [] } };
    h.client.events.push(asked);
    await eventually(() => expect(h.state().questions.que_c).toBeDefined());
    expect(seen.filter((event) => event === asked)).toHaveLength(1);
  });

  test("a child's events other than its questions and permissions stay out of the parent's reply", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), toolSnap("t1", "task", { status: "running", input: {}, metadata: { sessionId: "ses_c1" } }));
    const before = h.notifications();
    h.client.events.push({ type: "message.part.delta", properties: { sessionID: "ses_c1", messageID: "msg_c", partID: "pc", field: "text", delta: "child text" } });
    h.push(delta("p1", "parent")); // delivered after the child's delta
    expect(distill(h.state()).text).toBe("parent");
    expect(h.notifications()).toBe(before + 1);
  });

  test("an onError that throws is swallowed; the store goes on", async () => {
    const h = harness({
      onError: () => {
        throw new Error("onError bug");
      },
      onEvent: (event) => {
        if (event.type === "server.heartbeat") throw new Error("callback bug");
      },
    });
    h.client.events.connect();
    expect(() => h.client.events.heartbeat()).not.toThrow();
    h.push(delta("p1", "x"));
    expect(distill(h.state()).text).toBe("x");
    expect(h.client.events.errors).toEqual([]);
  });

  test("an onFinish that throws is reported; the turn still ends", async () => {
    const errors: Error[] = [];
    const h = harness({
      onError: (error) => errors.push(error),
      onFinish: () => {
        throw new Error("onFinish bug");
      },
    });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "x"), status("idle"));
    await eventually(() => expect(errors.map((e) => e.message)).toEqual(["onFinish bug"]));
    expect(h.state()).toMatchObject({ status: "idle", result: { text: "x" } });
  });

  test("idleTimeoutMs: Infinity is the idle watchdog off: idleMs null, never wedged", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = harness({ idleTimeoutMs: Infinity });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "x"));
    expect(h.state().watchdog).toMatchObject({ idleMs: null, deadlineKind: "turn" });
  });

  test("the watchdog object is kept while nothing in it changes (a UI selecting it does not re-render)", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    const watchdog = h.state().watchdog;
    h.push(delta("p1", "b"), delta("p1", "c")); // the same millisecond
    expect(h.state().watchdog).toBe(watchdog);
    vi.advanceTimersByTime(5);
    h.push(delta("p1", "d"));
    expect(h.state().watchdog).not.toBe(watchdog);
    expect(h.state().watchdog.lastEventAt).toBe(Date.now());
  });

  test("a host's own scheduler decides alone: no flush by age", async () => {
    let now = 1_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const h = harness({ scheduler: () => () => undefined });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    const before = h.notifications();
    for (let i = 0; i < 100; i++) {
      now += 10;
      h.push(delta("p1", "x"));
    }
    expect(h.notifications()).toBe(before);
  });

  test("the default scheduler flushes a starved buffer by age", async () => {
    let now = 1_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }); // the frame timer never fires
    const h = harness({ throttleMs: 50 });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    const before = h.notifications();
    for (let i = 0; i < 100 && h.notifications() === before; i++) {
      now += 10;
      h.push(delta("p1", "x"));
    }
    expect(h.notifications()).toBe(before + 1);
    await settle();
  });

  test("dispose while a send waits for the feed: the send settles, nothing is posted, later events change nothing", async () => {
    const h = harness();
    const sending = h.state().send("hi");
    const before = h.state();
    h.state().dispose();
    await expect(sending).resolves.toBeUndefined();
    h.client.events.connect();
    h.push(status("busy"), delta("p1", "late"));
    expect(h.client.posts).toEqual([]);
    expect(h.state()).toBe(before);
    h.state().dispose(); // a second dispose is harmless
  });
});

describe("reply store: turns of another tab", () => {
  test("a second turn seen on the feed after a finished one starts from an empty reply", async () => {
    const h = harness();
    h.client.events.connect();
    h.push(status("busy"), userMessage(), delta("p1", "first turn"), status("idle"));
    await eventually(() => expect(h.state().result?.text).toBe("first turn"));
    h.push(status("busy"), userMessage("msg_u2"), delta("p2", "second turn", "text", { messageID: "msg_a2" }));
    expect(h.state().status).toBe("streaming");
    expect(h.state().parts.map((part) => part.id)).toEqual(["p2"]);
    expect(h.state().result).toBeNull();
  });
});
