/**
 * The wake triggers in a (stubbed) browser: a late timer tick means the machine slept, the page
 * coming back or the network coming back means retry; hidden pages are never judged; stop() stops all.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { watchWake } from "../../src/core/events/wake-triggers";

interface FakeDocument extends EventTarget {
  visibilityState: "visible" | "hidden";
}

let doc: FakeDocument;
let win: EventTarget;
let clock: number;
const now = (): number => clock;

beforeEach(() => {
  vi.useFakeTimers();
  doc = Object.assign(new EventTarget(), { visibilityState: "visible" as "visible" | "hidden" });
  win = new EventTarget();
  vi.stubGlobal("document", doc);
  vi.stubGlobal("window", win);
  clock = 1_000_000;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function handlers(): { woke: Mock<() => void>; retry: Mock<() => void> } {
  return { woke: vi.fn<() => void>(), retry: vi.fn<() => void>() };
}

/** One interval tick, the clock having moved by `elapsed` since the previous one. */
function tick(elapsed: number, intervalMs: number): void {
  clock += elapsed;
  vi.advanceTimersByTime(intervalMs);
}

const setVisibility = (state: "visible" | "hidden"): void => {
  doc.visibilityState = state;
  doc.dispatchEvent(new Event("visibilitychange"));
};

describe("wake triggers", () => {
  it("a tick later than the interval plus lateByMs means the machine slept; one exactly that late does not", () => {
    const h = handlers();
    const stop = watchWake(h, { checkIntervalMs: 1_000, lateByMs: 500, now });
    tick(1_500, 1_000); // exactly interval + lateBy: not asleep
    expect(h.woke).not.toHaveBeenCalled();
    tick(1_501, 1_000);
    expect(h.woke).toHaveBeenCalledTimes(1);
    tick(1_000, 1_000); // measured from the previous tick, not from the start
    expect(h.woke).toHaveBeenCalledTimes(1);
    expect(h.retry).not.toHaveBeenCalled();
    stop();
  });

  it("a late tick while the page is hidden is not judged (hidden tabs' timers are throttled)", () => {
    const h = handlers();
    const stop = watchWake(h, { checkIntervalMs: 1_000, lateByMs: 500, now });
    doc.visibilityState = "hidden";
    tick(60_000, 1_000);
    expect(h.woke).not.toHaveBeenCalled();
    stop();
  });

  it("checkIntervalMs 0 runs no sleep detector: a clock jump is not a wake", () => {
    const h = handlers();
    const stop = watchWake(h, { checkIntervalMs: 0, lateByMs: 500, now });
    expect(vi.getTimerCount()).toBe(0); // no timer at all (an interval of 0 would spin)
    clock += 3_600_000;
    setVisibility("visible"); // and the page coming back after a long gap is a plain retry
    expect(h.retry).toHaveBeenCalledTimes(1);
    expect(h.woke).not.toHaveBeenCalled();
    stop();
  });

  it("the page coming back is a retry, or a wake when the gap since the last tick says it slept", () => {
    const h = handlers();
    const stop = watchWake(h, { checkIntervalMs: 1_000, lateByMs: 5_000, now });
    setVisibility("hidden");
    expect([h.retry.mock.calls.length, h.woke.mock.calls.length]).toEqual([0, 0]);
    clock += 5_500; // more than lateBy - interval, less than lateBy + interval
    setVisibility("visible");
    expect([h.retry.mock.calls.length, h.woke.mock.calls.length]).toEqual([1, 0]);
    clock += 6_000; // exactly interval + lateBy since the last visibility change
    setVisibility("visible");
    expect([h.retry.mock.calls.length, h.woke.mock.calls.length]).toEqual([2, 0]);
    clock += 6_001;
    setVisibility("visible");
    expect([h.retry.mock.calls.length, h.woke.mock.calls.length]).toEqual([2, 1]);
    clock += 10;
    setVisibility("visible");
    expect([h.retry.mock.calls.length, h.woke.mock.calls.length]).toEqual([3, 1]);
    stop();
  });

  it("the browser coming back online is a retry", () => {
    const h = handlers();
    const stop = watchWake(h, { checkIntervalMs: 1_000, now });
    win.dispatchEvent(new Event("online"));
    expect(h.retry).toHaveBeenCalledTimes(1);
    stop();
  });

  it("the default lateByMs is 15 s", () => {
    const h = handlers();
    const stop = watchWake(h, { checkIntervalMs: 1_000, now });
    tick(16_000, 1_000);
    expect(h.woke).not.toHaveBeenCalled();
    tick(16_001, 1_000);
    expect(h.woke).toHaveBeenCalledTimes(1);
    stop();
  });

  it("after stop() neither ticks, visibility nor online call anything", () => {
    const h = handlers();
    const stop = watchWake(h, { checkIntervalMs: 1_000, lateByMs: 500, now });
    stop();
    tick(60_000, 1_000);
    setVisibility("visible");
    win.dispatchEvent(new Event("online"));
    expect([h.retry.mock.calls.length, h.woke.mock.calls.length]).toEqual([0, 0]);
  });

  it("works where setInterval returns a number (browsers: no unref)", () => {
    vi.stubGlobal("setInterval", () => 7);
    vi.stubGlobal("clearInterval", () => undefined);
    const h = handlers();
    expect(() => watchWake(h, { checkIntervalMs: 1_000, now })()).not.toThrow();
  });

  it("a window without addEventListener (a closed test DOM) is left alone", () => {
    vi.stubGlobal("window", {});
    const h = handlers();
    expect(() => watchWake(h, { checkIntervalMs: 0, now })()).not.toThrow();
  });
});
