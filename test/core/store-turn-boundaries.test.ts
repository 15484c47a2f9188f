/**
 * Where one turn of the reply store ends and the next begins: a session error is reported once;
 * the next turn starts clean (no error, its watchdogs armed); a turn given up or left unwatched
 * (a timeout, a failed POST) is still merged and finished when it ends, even when all its events
 * come in one batch; two turns whose final fetches overlap each publish their own result.
 * Requests are answered by hand; every wait is a positive signal.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { SessionError, TimeoutError } from "../../src/core/errors";
import { distill } from "../../src/core/reply";
import { eventually } from "../support/eventually";
import { manualFrames } from "../support/manual-frames";
import { delta, ev, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, storedText } from "../support/store-harness";
import { deferred } from "../support/deferred";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
});

const sessionError = (message = "boom") => ev("session.error", { error: { name: "APIError", data: { message } } });

describe("reply store: a session error", () => {
  test("is reported once, however many events of the failed turn follow", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"), sessionError());
    expect(h.errors).toHaveLength(1);
    h.push(delta("p1", " more"), delta("p1", " and more"), status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]).toBeInstanceOf(SessionError);
    expect(h.state().status).toBe("error");
  });

  test("the next turn seen on the feed starts clean: no error reported for it, its watchdogs armed", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = harness({ idleTimeoutMs: 1_000 });
    await startTurn(h);
    h.push(status("busy"), userMessage(), sessionError(), status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.errors).toHaveLength(1);
    h.push(status("busy"), userMessage("msg_u2"), delta("p2", "another tab"));
    expect(h.state()).toMatchObject({ status: "streaming", error: null });
    expect(h.errors).toHaveLength(1);
    expect(h.state().watchdog.deadlineKind).toBe("idle");
    vi.advanceTimersByTime(1_000);
    expect(h.state().status).toBe("wedged");
  });
});

describe("reply store: a turn left unwatched still ends with its merge", () => {
  test("given up by a TimeoutError before any event, then all its events in one batch: merged and finished", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler, turnTimeoutMs: 1_000, firstEventTimeoutMs: 5_000 }, storedText("late, stored"));
    await startTurn(h);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.state().error).toBeInstanceOf(TimeoutError);
    // Neither the user message nor the delta flushes; the idle brings the whole batch at once.
    h.push(userMessage(), delta("p1", "late"), status("idle"));
    expect(frames.pending).toBe(false);
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toEqual({ text: "late, stored", aborted: false, error: null });
    expect(h.state()).toMatchObject({ status: "idle", error: null, result: { text: "late, stored" } });
  });

  test("after a failed POST whose turn had started: its end is merged and onFinish hears the POST's error", async () => {
    const h = harness({}, storedText("it ran, stored"));
    const post = deferred<void>();
    h.client.postAnswer = () => post.promise;
    const sending = h.state().send("hi");
    h.client.events.connect();
    await eventually(() => expect(h.client.posts).toHaveLength(1));
    h.push(status("busy"), userMessage(), delta("p1", "it ran"));
    post.reject(new Error("POST lost"));
    await sending;
    expect(h.state()).toMatchObject({ status: "error" });
    h.push(status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toMatchObject({ text: "it ran, stored", aborted: false });
    expect(h.finished[0]?.error?.message).toBe("POST lost");
    expect(h.state().result?.text).toBe("it ran, stored");
    expect(distill(h.state()).text).toBe("it ran, stored");
  });
});

describe("reply store: overlapping final fetches", () => {
  test("the first turn's fetch answered while the second turn's is in flight: each turn publishes its own result", async () => {
    const h = harness();
    const first = deferred<readonly unknown[]>();
    const second = deferred<readonly unknown[]>();
    const answers = [first, second];
    h.client.listAnswer = () => answers.shift()?.promise ?? Promise.resolve([]);
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "first"), status("idle"));
    // Another tab's turn starts and ends before the first fetch is answered.
    h.push(status("busy"), userMessage("msg_u2"), delta("p2", "second"), status("idle"));
    await eventually(() => expect(h.client.listCalls()).toBe(2));
    first.resolve(storedText("first, stored"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]?.text).toBe("first, stored");
    expect(h.state().result).toBeNull();
    expect(distill(h.state()).text).toBe("second");
    second.resolve([
      { info: { id: "msg_u2", sessionID: "ses_1", role: "user", time: { created: 3 } }, parts: [] },
      {
        info: { id: "msg_a2", sessionID: "ses_1", role: "assistant", parentID: "msg_u2", time: { created: 4 } },
        parts: [{ id: "p2", sessionID: "ses_1", messageID: "msg_a2", type: "text", text: "second, stored" }],
      },
    ]);
    await eventually(() => expect(h.finished).toHaveLength(2));
    expect(h.finished[1]?.text).toBe("second, stored");
    expect(h.state()).toMatchObject({ status: "idle", result: { text: "second, stored" } });
  });
});

describe("reply store: a turn ending and the next starting in one batch", () => {
  test("regression: a batch that ended a turn and started the next finished the new turn in place of the ended one", async () => {
    const h = harness({}, storedText("first, stored"));
    await startTurn(h);
    // A store listener that causes events (the batcher applies such re-entrant pushes in the batch
    // already running): the first turn's end and another tab's next turn arrive in one batch.
    let pushed = false;
    h.store.subscribe((state) => {
      if (pushed || distill(state).text !== "first") return;
      pushed = true;
      // The server repeats busy once per model step: the first busy is the ended turn's.
      h.push(status("busy"), status("idle"), status("busy"), userMessage("msg_u2"), delta("p2", "second"));
    });
    h.push(status("busy"), userMessage(), delta("p1", "first"));
    expect(pushed).toBe(true);
    expect(h.state()).toMatchObject({ status: "streaming", result: null });
    expect(distill(h.state()).text).toBe("second");
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toEqual({ text: "first, stored", aborted: false, error: null });
    h.push(delta("p2", " more"));
    expect(h.state().status).toBe("streaming");
    h.push(status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(2));
    expect(h.finished[1]).toEqual({ text: "second more", aborted: false, error: null });
    expect(h.state()).toMatchObject({ status: "idle", result: { text: "second more" } });
  });
});
