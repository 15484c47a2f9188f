/**
 * The default frame scheduler of a reply store (frame-scheduler.ts): one flush per requested frame,
 * a timer when the frame never comes (a tab hidden after the request), nothing after a cancel.
 * The animation frame is a hand-driven stub; timers are fake.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createFrameScheduler, FALLBACK_FRAME_MS, frameScheduler } from "../../src/core/reply";
import { FRAME_GRACE_MS } from "../../src/core/reply/store/frame-scheduler";

/** A hand-driven `requestAnimationFrame`: `frame()` runs the callbacks not cancelled. */
function stubFrames(): { frame(): void; readonly requested: number; readonly cancelled: number[] } {
  let next = 0;
  const callbacks = new Map<number, FrameRequestCallback>();
  const cancelled: number[] = [];
  let requested = 0;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    requested += 1;
    callbacks.set(++next, callback);
    return next;
  });
  vi.stubGlobal("cancelAnimationFrame", (handle: number) => {
    cancelled.push(handle);
    callbacks.delete(handle);
  });
  return {
    frame() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback(0);
    },
    get requested() {
      return requested;
    },
    cancelled,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("frame scheduler", () => {
  test("the frame flushes once; its grace timer does not flush again", () => {
    const frames = stubFrames();
    const flush = vi.fn();
    frameScheduler()(flush);
    expect(frames.requested).toBe(1);
    expect(flush).not.toHaveBeenCalled();
    frames.frame();
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * FRAME_GRACE_MS);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  test("a frame that never comes (the tab was hidden meanwhile): the timer flushes once, and the frame is cancelled", () => {
    const frames = stubFrames();
    const flush = vi.fn();
    frameScheduler()(flush);
    vi.advanceTimersByTime(FRAME_GRACE_MS - 1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(frames.cancelled).toEqual([1]);
    frames.frame();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  test("cancelled: neither the frame nor the timer flushes", () => {
    const frames = stubFrames();
    const flush = vi.fn();
    const cancel = frameScheduler()(flush);
    cancel();
    frames.frame();
    vi.advanceTimersByTime(10 * FRAME_GRACE_MS);
    expect(flush).not.toHaveBeenCalled();
  });

  test("a page already hidden gets a timer of one frame, no animation frame", () => {
    const frames = stubFrames();
    vi.stubGlobal("document", { visibilityState: "hidden" });
    const flush = vi.fn();
    frameScheduler()(flush);
    expect(frames.requested).toBe(0);
    vi.advanceTimersByTime(FALLBACK_FRAME_MS);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  test("a visible page gets the animation frame", () => {
    const frames = stubFrames();
    vi.stubGlobal("document", { visibilityState: "visible" });
    frameScheduler()(() => undefined);
    expect(frames.requested).toBe(1);
  });

  test("without an argument createFrameScheduler batches per frame; 0 means synchronous", () => {
    const frames = stubFrames();
    const flush = vi.fn();
    const schedule = createFrameScheduler();
    expect(schedule).not.toBeNull();
    schedule?.(flush);
    expect(frames.requested).toBe(1);
    expect(createFrameScheduler(0)).toBeNull();
  });
});
