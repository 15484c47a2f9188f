/** The silence timer that drops a dead connection: when it fires, touch(), stop(), and learned windows. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLivenessTimer } from "../../src/core/events/liveness";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("liveness timer", () => {
  it("fires once, exactly after the window of silence", () => {
    const onSilent = vi.fn();
    createLivenessTimer(1_000, onSilent);
    vi.advanceTimersByTime(999);
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilent).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it("touch() starts the window again from the last byte", () => {
    const onSilent = vi.fn();
    const timer = createLivenessTimer(1_000, onSilent);
    vi.advanceTimersByTime(600);
    timer.touch();
    vi.advanceTimersByTime(999); // t = 1599: 999 ms after the touch
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1); // t = 1600
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it("stop() means it never fires, even when a shorter window is learned afterwards", () => {
    const onSilent = vi.fn();
    const timer = createLivenessTimer(1_000, onSilent);
    vi.advanceTimersByTime(500);
    timer.stop();
    timer.setTimeout(100);
    vi.advanceTimersByTime(5_000);
    expect(onSilent).not.toHaveBeenCalled();
  });

  it("after it fired, learning a new window does not make it fire again", () => {
    const onSilent = vi.fn();
    const timer = createLivenessTimer(1_000, onSilent);
    vi.advanceTimersByTime(1_000);
    timer.setTimeout(200);
    vi.advanceTimersByTime(5_000);
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it("0, a negative, NaN or an infinite window disables it, and its methods still work", () => {
    for (const timeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const onSilent = vi.fn();
      const timer = createLivenessTimer(timeoutMs, onSilent);
      timer.touch();
      timer.setTimeout(10);
      vi.advanceTimersByTime(60_000);
      timer.stop();
      expect(onSilent, String(timeoutMs)).not.toHaveBeenCalled();
    }
  });

  it("a shorter learned window applies at once, counted from the last byte", () => {
    const onSilent = vi.fn();
    const timer = createLivenessTimer(10_000, onSilent);
    vi.advanceTimersByTime(100);
    timer.touch(); // last byte at +100
    vi.advanceTimersByTime(100);
    timer.setTimeout(500); // silent from +600
    vi.advanceTimersByTime(399); // +599
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1); // +600
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it("a longer learned window postpones the firing", () => {
    const onSilent = vi.fn();
    const timer = createLivenessTimer(1_000, onSilent);
    timer.setTimeout(3_000);
    vi.advanceTimersByTime(2_999);
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it("an invalid learned window (0, negative, NaN, infinite) is ignored", () => {
    for (const next of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const onSilent = vi.fn();
      const timer = createLivenessTimer(1_000, onSilent);
      timer.setTimeout(next);
      vi.advanceTimersByTime(999);
      expect(onSilent, String(next)).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onSilent, String(next)).toHaveBeenCalledTimes(1);
      timer.stop();
    }
  });
});
