/**
 * The one timer behind a reply store's watchdogs (watchdog-timer.ts): it fires at the nearest
 * deadline even when that deadline moved earlier, never churns while deadlines move later, and
 * works where `setTimeout` returns a number (browsers).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { IdleStreamError } from "../../src/core/errors";
import { createWatchdogTimer } from "../../src/core/reply/store/watchdog-timer";
import { delta, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("reply store: the watchdog timer", () => {
  test("an idle window shorter than the first-event window: wedged when the idle window ends", async () => {
    const h = harness({ firstEventTimeoutMs: 60_000, idleTimeoutMs: 5_000 });
    await startTurn(h);
    expect(h.state().watchdog.deadlineKind).toBe("first-event");
    vi.advanceTimersByTime(1_000);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    // The nearest deadline moved earlier (first event at +60 s, now idle at +6 s).
    expect(h.state().watchdog).toMatchObject({ deadlineKind: "idle", deadlineAt: Date.now() + 5_000 });
    vi.advanceTimersByTime(4_999);
    expect(h.state().status).toBe("streaming");
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("wedged");
    expect(h.state().error).toBeInstanceOf(IdleStreamError);
  });

  test("a stream of deltas in the same millisecond starts no timer per delta", async () => {
    const h = harness({ idleTimeoutMs: 5_000 });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    const spy = vi.spyOn(globalThis, "setTimeout");
    for (let i = 0; i < 200; i++) h.push(delta("p1", "x"));
    expect(spy.mock.calls.length).toBeLessThan(5);
    expect(h.state().watchdog.deadlineKind).toBe("idle");
  });
});

describe("watchdog timer", () => {
  test("fires once at the deadline, not before; pending until then", () => {
    const fired: number[] = [];
    const timer = createWatchdogTimer(() => fired.push(Date.now()));
    const at = Date.now() + 1_000;
    timer.schedule(at);
    expect(timer.pending).toBe(true);
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([at]);
    expect(timer.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(fired).toHaveLength(1);
  });

  test("a deadline moved earlier re-aims the timer; null and clear() stop it", () => {
    const fired: number[] = [];
    const timer = createWatchdogTimer(() => fired.push(Date.now()));
    const start = Date.now();
    timer.schedule(start + 5_000);
    timer.schedule(start + 1_000);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual([start + 1_000]);
    timer.schedule(start + 3_000);
    timer.schedule(null);
    expect(timer.pending).toBe(false);
    timer.schedule(start + 4_000);
    timer.clear();
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([start + 1_000]);
  });

  test("in a browser, where setTimeout returns a number, it schedules and clears", () => {
    const cleared: unknown[] = [];
    vi.stubGlobal("setTimeout", () => 42);
    vi.stubGlobal("clearTimeout", (handle: unknown) => cleared.push(handle));
    const timer = createWatchdogTimer(() => undefined);
    expect(() => timer.schedule(Date.now() + 1_000)).not.toThrow();
    expect(timer.pending).toBe(true);
    timer.clear();
    expect(cleared).toContain(42);
    expect(timer.pending).toBe(false);
  });
});
