/**
 * The reply store's turn while a request is still in flight: the prompt POST (a turn that ends
 * before it returns, an abort or a reconnect meanwhile), the abort request (refused), the previous
 * turn's final fetch (answered after the next send, or after dispose). Requests are answered by
 * hand; every wait is a positive signal.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { ConflictError, SessionError } from "../../src/core/errors";
import { distill } from "../../src/core/reply";
import { settle } from "../support/fake-reply-client";
import { eventually } from "../support/eventually";
import { delta, ev, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, storedText, type Harness } from "../support/store-harness";
import { deferred } from "../support/deferred";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
});

/** send("hi") on a ready feed, its POST held in flight. */
async function postInFlight(h: Harness): Promise<{ post: ReturnType<typeof deferred<void>>; sending: Promise<void> }> {
  const post = deferred<void>();
  h.client.postAnswer = () => post.promise;
  const sending = h.state().send("hi");
  h.client.events.connect();
  await eventually(() => expect(h.client.posts).toHaveLength(1));
  return { post, sending };
}

describe("reply store: while the prompt POST is in flight", () => {
  test("a turn that ends on the feed before the POST returns is finished when it returns", async () => {
    const h = harness({}, storedText("done, stored"));
    const { post, sending } = await postInFlight(h);
    expect(h.state().status).toBe("connecting");
    h.push(status("busy"), userMessage(), delta("p1", "done"), status("idle"));
    expect(h.state().status).toBe("connecting");
    expect(h.client.listCalls()).toBe(0);
    post.resolve();
    await sending;
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toEqual({ text: "done, stored", aborted: false, error: null });
    expect(h.state()).toMatchObject({ status: "idle", result: { text: "done, stored" } });
    expect(h.client.listCalls()).toBe(1);
    // The next turn's POST returning is just that: its turn is not taken for ended.
    h.client.postAnswer = async () => undefined;
    await startTurn(h, "second");
    expect(h.state().status).toBe("submitted");
    expect(h.client.listCalls()).toBe(1);
  });

  test("a failed POST after the turn's events: the POST's error, no final merge", async () => {
    const h = harness();
    const { post, sending } = await postInFlight(h);
    h.push(status("busy"), userMessage(), delta("p1", "x"));
    post.reject(new Error("POST lost"));
    await sending;
    expect(h.state()).toMatchObject({ status: "error" });
    expect(h.state().error?.message).toBe("POST lost");
    expect(h.errors.map((e) => e.message)).toEqual(["POST lost"]);
    expect(h.state().watchdog.deadlineAt).toBeNull();
  });

  test("abort() waits for the POST to land, then asks the server; the turn ends aborted", async () => {
    const h = harness();
    const { post, sending } = await postInFlight(h);
    const aborting = h.state().abort();
    await settle();
    expect(h.client.aborts()).toBe(0);
    post.resolve();
    await sending;
    await aborting;
    expect(h.client.aborts()).toBe(1);
    expect(h.client.posts).toHaveLength(1);
    // The server is idle already (no busy was seen): the store ends the turn itself.
    await eventually(() => expect(h.state()).toMatchObject({ aborted: true, status: "idle" }));
    expect(h.finished).toEqual([{ text: "", aborted: true, error: null }]);
  });

  test("a reconnect while the POST is in flight re-syncs once the POST returned", async () => {
    const h = harness({}, storedText("Hello, world"));
    const { post, sending } = await postInFlight(h);
    h.push(status("busy"), userMessage(), delta("p1", "Hel"));
    h.client.events.drop();
    h.client.events.connect();
    h.push(delta("p1", "lo")); // the reconnect was delivered
    expect(h.client.listCalls()).toBe(0);
    post.resolve();
    await sending;
    await eventually(() => expect(distill(h.state()).text).toBe("Hello, world"));
    expect(h.client.listCalls()).toBe(1);
    expect(h.client.posts).toHaveLength(1);
  });
});

describe("reply store: the watchdogs across the POST", () => {
  test("stalled while waiting for the feed: the POST returning clears it, with a new first-event window", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = harness({ firstEventTimeoutMs: 1_000 });
    const sending = h.state().send("hi");
    vi.advanceTimersByTime(1_000);
    expect(h.state().status).toBe("stalled");
    h.client.events.connect();
    await sending;
    expect(h.state()).toMatchObject({ status: "submitted", error: null });
    vi.advanceTimersByTime(999);
    expect(h.state().status).toBe("submitted");
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("stalled");
  });

  test("a question asked before the POST returned keeps the turn deadline suspended after it returns", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = harness({ turnTimeoutMs: 1_000 });
    const { post, sending } = await postInFlight(h);
    h.push(status("busy"), userMessage(), ev("question.asked", { id: "que_1", questions: [] }));
    post.resolve();
    await sending;
    expect(h.state().status).toBe("awaiting-input");
    vi.advanceTimersByTime(5_000);
    expect(h.state()).toMatchObject({ status: "awaiting-input", error: null });
  });

  test("events before the POST returned: the idle window restarts when it returns", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = harness({ idleTimeoutMs: 1_000 });
    const { post, sending } = await postInFlight(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    vi.advanceTimersByTime(600);
    post.resolve();
    await sending;
    vi.advanceTimersByTime(999);
    expect(h.state().status).toBe("streaming");
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("wedged");
  });
});

describe("reply store: a second send", () => {
  test("while the first waits for the feed: rejected with ConflictError, and only the first prompt is posted", async () => {
    const h = harness();
    const sending = h.state().send("first");
    await expect(h.state().send("second")).rejects.toBeInstanceOf(ConflictError);
    h.client.events.connect();
    await sending;
    expect(h.client.posts).toEqual([{ text: "first" }]);
  });
});

describe("reply store: a turn of another tab while ours waits for the feed", () => {
  test("its end does not end ours, and its events are not our first event", async () => {
    const h = harness();
    const sending = h.state().send("hi"); // the feed is not ready yet
    h.push(status("busy"), userMessage("msg_other"), delta("p1", "theirs"), status("idle"));
    await settle();
    expect(h.finished).toEqual([]);
    expect(h.state().status).toBe("connecting");
    h.client.events.connect();
    await sending;
    expect(h.client.posts).toHaveLength(1);
    expect(h.state().status).toBe("submitted");
    expect(h.state().watchdog.deadlineKind).toBe("first-event");
  });
});

describe("reply store: abort refused", () => {
  test("a failed abort() is reported and rethrown; the turn is no longer shown aborted", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"));
    const refused = new Error("abort refused");
    (h.client.sessions as { abort: (id: string) => Promise<boolean> }).abort = () => Promise.reject(refused);
    const aborting = h.state().abort();
    await expect(aborting).rejects.toBe(refused);
    expect(h.errors).toEqual([refused]);
    expect(h.state()).toMatchObject({ aborted: false, status: "streaming" });
    h.push(delta("p1", " and more")); // the next update still shows the turn not aborted
    expect(h.state()).toMatchObject({ aborted: false, status: "streaming" });
    expect(distill(h.state()).text).toBe("partial and more"); // and the same reply, grown
  });

  test("abort() with no turn asks the server and changes nothing", async () => {
    const h = harness();
    await h.state().abort();
    expect(h.client.aborts()).toBe(1);
    expect(h.state()).toMatchObject({ aborted: false, status: "idle" });
    h.client.events.connect();
    h.push(status("busy"), userMessage(), delta("p1", "another tab's turn"));
    expect(h.state()).toMatchObject({ aborted: false, status: "streaming" });
  });
});

describe("reply store: the previous turn's final fetch", () => {
  test("answered after the next send: onFinish hears the first turn, the new turn is untouched", async () => {
    const h = harness();
    const list = deferred<readonly unknown[]>();
    h.client.listAnswer = () => list.promise;
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "first"), status("idle"));
    expect(h.client.listCalls()).toBe(1);
    await startTurn(h, "second");
    expect(h.state()).toMatchObject({ status: "submitted", parts: [] });
    list.resolve(storedText("first, stored"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toEqual({ text: "first, stored", aborted: false, error: null });
    expect(h.state()).toMatchObject({ status: "submitted", parts: [], result: null });
  });

  test("a failed turn's fetch answered after the next send: onFinish hears its SessionError; the new turn has none", async () => {
    const h = harness();
    const list = deferred<readonly unknown[]>();
    h.client.listAnswer = () => list.promise;
    await startTurn(h);
    h.push(status("busy"), userMessage(), ev("session.error", { error: { name: "APIError", data: { message: "boom" } } }), status("idle"));
    const failure = h.state().error;
    expect(failure).toBeInstanceOf(SessionError);
    await startTurn(h, "second");
    list.resolve(storedText(""));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toMatchObject({ aborted: false, error: failure });
    expect(h.state()).toMatchObject({ status: "submitted", error: null });
  });

  test("answered after dispose: no update, no onFinish", async () => {
    const h = harness();
    const list = deferred<readonly unknown[]>();
    let answered = false;
    h.client.listAnswer = () => list.promise.finally(() => (answered = true));
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "first"), status("idle"));
    const before = h.state();
    const count = h.notifications();
    h.state().dispose();
    list.resolve(storedText("first, stored"));
    await eventually(() => expect(answered).toBe(true));
    await settle();
    expect(h.finished).toEqual([]);
    expect(h.state()).toBe(before);
    expect(h.notifications()).toBe(count);
  });
});
