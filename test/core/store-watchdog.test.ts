/**
 * Watchdogs of the reply store under fake timers (WD-01..WD-16, RC-06, SUB-06, SUB-14): never
 * early, heartbeats never satisfy them, the turn deadline is suspended while the user is asked,
 * and no timer is left behind on any exit path.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { IdleStreamError, StaleSessionError } from "../../src/core/errors";
import { settle } from "../support/fake-reply-client";
import { delta, ev, status } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, type Harness } from "../support/store-harness";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
});

const FIRST = 120_000;
const TURN = 600_000;
const asked = (id = "que_1") => ev("question.asked", { id, questions: [{ question: "Colour?", header: "c", options: [] }] });

/** Advances the clock in `step` ms slices, with a heartbeat after each. */
function heartbeatsFor(h: Harness, ms: number, step = 10_000): void {
  for (let left = ms; left > 0; left -= step) {
    vi.advanceTimersByTime(Math.min(step, left));
    h.client.events.heartbeat();
  }
}

describe("first-event watchdog (WD-07..WD-10)", () => {
  test("never early: deadline - 1 ms nothing, at the deadline stalled with a StaleSessionError", async () => {
    const h = harness();
    await startTurn(h);
    const postedAt = Date.now();
    expect(h.state().watchdog).toMatchObject({ deadlineAt: postedAt + FIRST, deadlineKind: "first-event", lastEventAt: null });
    vi.advanceTimersByTime(FIRST - 1);
    expect(h.state()).toMatchObject({ status: "submitted", error: null });
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("stalled");
    expect(h.state().error).toBeInstanceOf(StaleSessionError);
    expect(h.state().error?.message).toBe("No events for session ses_1 within 120s");
    expect(h.errors).toHaveLength(1);
  });

  test("heartbeats do not satisfy it (WD-08)", async () => {
    const h = harness();
    await startTurn(h);
    heartbeatsFor(h, FIRST);
    expect(h.state().status).toBe("stalled");
    expect(h.state().watchdog.lastEventAt).toBeNull();
  });

  test("stalled recovers when an event arrives: streaming again, error cleared; it never fires twice (WD-10)", async () => {
    const h = harness({ turnTimeoutMs: 10 * TURN });
    await startTurn(h);
    vi.advanceTimersByTime(FIRST);
    expect(h.state().status).toBe("stalled");
    h.push(status("busy"));
    expect(h.state()).toMatchObject({ status: "streaming", error: null, watchdog: { lastEventAt: Date.now() } });
    vi.advanceTimersByTime(5 * FIRST);
    expect(h.state().status).toBe("streaming");
  });

  test("the feed never ready: stalled while connecting, and the prompt is still not posted (SUB-14)", async () => {
    const h = harness();
    void h.state().send("hi");
    vi.advanceTimersByTime(FIRST);
    await settle();
    expect(h.state().status).toBe("stalled");
    expect(h.client.posts).toEqual([]);
  });

  test("the windows restart when the POST returns (SUB-06)", async () => {
    const h = harness();
    const sending = h.state().send("hi");
    vi.advanceTimersByTime(FIRST - 10_000);
    h.client.events.connect();
    await sending;
    vi.advanceTimersByTime(FIRST - 1);
    expect(h.state().status).toBe("submitted");
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("stalled");
  });
});

describe("idle-stream watchdog (WD-11..WD-14)", () => {
  const IDLE = 30_000;

  test("off by default: a silent mid-turn gap never wedges", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"));
    heartbeatsFor(h, TURN - 1_000);
    expect(h.state().status).toBe("streaming");
  });

  test("not armed before the first meaningful event; then never early, and heartbeats do not reset it", async () => {
    const h = harness({ idleTimeoutMs: IDLE });
    await startTurn(h);
    heartbeatsFor(h, IDLE * 2);
    expect(h.state().status).toBe("submitted");
    h.push(status("busy"), delta("p1", "a"));
    const last = Date.now();
    expect(h.state().watchdog).toMatchObject({ lastEventAt: last, deadlineAt: last + IDLE, deadlineKind: "idle" });
    heartbeatsFor(h, IDLE - 1, 1_000);
    expect(h.state().status).toBe("streaming");
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("wedged");
    expect(h.state().error).toBeInstanceOf(IdleStreamError);
  });

  test("every meaningful event resets it; wedged recovers on the next event", async () => {
    const h = harness({ idleTimeoutMs: IDLE });
    await startTurn(h);
    h.push(status("busy"));
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(IDLE - 1);
      h.push(delta("p1", "x"));
    }
    expect(h.state().status).toBe("streaming");
    vi.advanceTimersByTime(IDLE);
    expect(h.state().status).toBe("wedged");
    h.push(delta("p1", "y"));
    expect(h.state()).toMatchObject({ status: "streaming", error: null });
    vi.advanceTimersByTime(IDLE);
    expect(h.state().status).toBe("wedged");
  });

  test("a pending question does not suspend it (WD-14)", async () => {
    const h = harness({ idleTimeoutMs: IDLE });
    await startTurn(h);
    h.client.events.push(asked());
    expect(h.state().status).toBe("awaiting-input");
    heartbeatsFor(h, IDLE);
    expect(h.state().status).toBe("wedged");
    expect(h.state().questions).toHaveProperty("que_1");
  });
});
