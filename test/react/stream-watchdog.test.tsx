// @vitest-environment jsdom
/**
 * The watchdogs through the hooks, with fake timers: stalled and wedged statuses with their typed
 * errors, the turn deadline suspended while a question waits (answered through useQuestions), the
 * countdown's re-renders, and no timer left when idle or unmounted.
 */
import { act } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IdleStreamError, StaleSessionError, TimeoutError } from "../../src/core/errors";
import { useQuestions, useStream, type UseStreamOptions } from "../../src/react/stream";
import { renderOpencodeHook } from "../support/render-opencode";
import { sessionEvents } from "../support/stream-events";
import { replayServer } from "../support/stream-replay";

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

const unmounts: Array<() => void> = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  for (const unmount of unmounts.splice(0)) unmount();
  await vi.runOnlyPendingTimersAsync();
  vi.useRealTimers();
});

/** A mounted useStream (+ useQuestions) on the hello capture's session, its prompt posted; no event pushed. */
async function started(options: UseStreamOptions, withQuestions = true) {
  // No liveness reconnects while fake time jumps by minutes: this fake server sends no heartbeats.
  const server = replayServer("hello", { events: { livenessTimeoutMs: 1e9, backoffInitialMs: 2, backoffMaxMs: 10 } });
  const errors: Error[] = [];
  const hook = renderOpencodeHook(
    () => ({
      stream: useStream(server.sessionId, { throttleMs: 0, onError: (error) => errors.push(error), ...options }),
      questions: withQuestions ? useQuestions(server.sessionId) : null,
    }),
    server,
  );
  unmounts.push(hook.unmount);
  await advance(10);
  expect(server.client.events.status).toBe("open");
  // The feed's own timers (its liveness timer); whatever the hooks add comes on top.
  const feedTimers = vi.getTimerCount();
  await act(() => hook.result.current.stream.send("hi"));
  const e = sessionEvents(server.sessionId);
  const push = (...events: ReturnType<typeof e.busy>[]) =>
    act(async () => {
      for (const event of events) server.fake.emit(event);
      await vi.advanceTimersByTimeAsync(1);
    });
  return { server, hook, errors, e, push, feedTimers };
}

describe("watchdogs through useStream", () => {
  it("stalled with a StaleSessionError after firstEventTimeoutMs; back to streaming on the first event", async () => {
    const { hook, errors, e, push } = await started({ firstEventTimeoutMs: 5_000 });
    expect(hook.result.current.stream.status).toBe("submitted");
    expect(hook.result.current.stream.watchdog).toMatchObject({ deadlineKind: "first-event", remainingMs: 5_000 });
    await advance(2_500);
    expect(hook.result.current.stream.watchdog.remainingMs).toBe(2_500);
    await advance(2_500);
    expect(hook.result.current.stream.status).toBe("stalled");
    expect(hook.result.current.stream.error).toBeInstanceOf(StaleSessionError);
    expect(errors).toEqual([hook.result.current.stream.error]);
    await push(e.busy());
    expect(hook.result.current.stream).toMatchObject({ status: "streaming", error: null });
  });

  it("a pending question suspends the turn deadline: no TimeoutError far past turnTimeoutMs; it resumes with a full window", async () => {
    const { server, hook, errors, e, push } = await started({ firstEventTimeoutMs: 5_000, turnTimeoutMs: 20_000 });
    await push(e.busy(), e.assistant(), e.question("que_1"));
    expect(hook.result.current.stream.status).toBe("awaiting-input");
    expect(hook.result.current.stream.watchdog).toMatchObject({ deadlineAt: null, remainingMs: null });
    expect(hook.result.current.questions?.questions.map((q) => q.id)).toEqual(["que_1"]);

    await advance(200_000);
    expect(hook.result.current.stream).toMatchObject({ status: "awaiting-input", error: null });
    expect(errors).toEqual([]);

    await act(() => hook.result.current.questions!.reply("que_1", [["Red"]]));
    expect(server.posts.at(-1)).toMatchObject({ path: "/question/que_1/reply", body: { answers: [["Red"]] } });
    const resumedAt = Date.now(); // fake time: the instant the reply event arrives
    await push(e.questionReplied("que_1"));
    expect(hook.result.current.stream.status).toBe("streaming");
    // A full window from the resume. remainingMs is read at render, which React 18's act() does
    // one fake millisecond later than React 19's: compare what a countdown shows (whole seconds).
    expect(hook.result.current.stream.watchdog).toMatchObject({ deadlineKind: "turn", deadlineAt: resumedAt + 20_000 });
    expect(Math.ceil(hook.result.current.stream.watchdog.remainingMs! / 1000)).toBe(20);
    await advance(20_000);
    expect(hook.result.current.stream.status).toBe("error");
    expect(hook.result.current.stream.error).toBeInstanceOf(TimeoutError);
    expect(errors.map((error) => error.constructor)).toEqual([TimeoutError]);
  });

  it("wedged with an IdleStreamError when the turn goes quiet (opt-in idleTimeoutMs)", async () => {
    const { hook, e, push } = await started({ idleTimeoutMs: 3_000 });
    await push(e.busy(), e.assistant(), e.text("prt_1", "thinking"));
    expect(hook.result.current.stream.watchdog.deadlineKind).toBe("idle");
    await advance(3_000);
    expect(hook.result.current.stream.status).toBe("wedged");
    expect(hook.result.current.stream.error).toBeInstanceOf(IdleStreamError);
    await push(e.delta("prt_1", " more"));
    expect(hook.result.current.stream).toMatchObject({ status: "streaming", error: null, text: "thinking more" });
  });

  it("the countdown re-renders at most once per second while a deadline runs, and never when idle", async () => {
    const { server, hook, e, push, feedTimers } = await started({ firstEventTimeoutMs: 60_000 }, false);
    const before = hook.history.length;
    // One act per 100 ms: act batches the updates inside it into one render.
    for (let i = 0; i < 50; i++) await advance(100);
    const ticks = hook.history.length - before;
    expect(ticks).toBeGreaterThanOrEqual(4);
    expect(ticks).toBeLessThanOrEqual(6);
    expect(hook.result.current.stream.watchdog.remainingMs).toBe(55_000);

    server.fake.instance().messages.set(server.sessionId, []);
    await push(e.busy(), e.idle());
    await advance(10);
    expect(hook.result.current.stream).toMatchObject({ status: "idle", watchdog: { deadlineAt: null, remainingMs: null } });
    const idleAt = hook.history.length;
    await advance(10_000);
    expect(hook.history.length).toBe(idleAt);
    expect(vi.getTimerCount()).toBe(feedTimers);
  });

  it("unmounting mid-turn cancels every timer and leaves the feed", async () => {
    const { server, hook } = await started({ firstEventTimeoutMs: 60_000, idleTimeoutMs: 5_000 }, false);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    hook.unmount();
    await advance(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(server.fake.openStreams()).toBe(0);
  });
});
