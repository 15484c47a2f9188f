/**
 * The turn deadline of the reply store under fake timers (WD-01..WD-06, WD-16, RC-06): never early,
 * suspended while the user is asked, final when it fires; and no timer is left behind on any exit.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { TimeoutError } from "../../src/core/errors";
import { settle } from "../support/fake-reply-client";
import { delta, ev, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, type Harness } from "../support/store-harness";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
});

const TURN = 600_000;
const asked = (id = "que_1") => ev("question.asked", { id, questions: [{ question: "Colour?", header: "c", options: [] }] });
const replied = (id = "que_1") => ev("question.replied", { requestID: id, answers: [["Red"]] });

/** Advances the clock in `step` ms slices, with a heartbeat after each. */
function heartbeatsFor(h: Harness, ms: number, step = 10_000): void {
  for (let left = ms; left > 0; left -= step) {
    vi.advanceTimersByTime(Math.min(step, left));
    h.client.events.heartbeat();
  }
}

describe("turn watchdog (WD-01..WD-06, RC-06)", () => {
  test("never early; a TimeoutError is final: later events neither clear it nor trigger a merge", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage());
    for (let i = 0; i < 59; i++) {
      vi.advanceTimersByTime(10_000);
      h.push(delta("p1", "."));
    }
    vi.advanceTimersByTime(TURN - 59 * 10_000 - 1);
    expect(h.state().status).toBe("streaming");
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("error");
    expect(h.state().error).toBeInstanceOf(TimeoutError);
    expect(vi.getTimerCount()).toBe(0);
    h.push(delta("p1", "late"), status("idle"));
    await settle();
    expect(h.state().status).toBe("error");
    expect(h.client.listCalls()).toBe(0);
  });

  test("suspended while a question is pending; the full window restarts when it is answered (WD-03, WD-04)", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"));
    vi.advanceTimersByTime(TURN - 5_000);
    h.client.events.push(asked());
    expect(h.state().watchdog.deadlineAt).toBeNull();
    heartbeatsFor(h, 3 * TURN);
    expect(h.state()).toMatchObject({ status: "awaiting-input", error: null });
    h.client.events.push(replied());
    const answeredAt = Date.now();
    expect(h.state().watchdog).toMatchObject({ deadlineAt: answeredAt + TURN, deadlineKind: "turn" });
    vi.advanceTimersByTime(TURN - 1);
    expect(h.state().status).toBe("streaming");
    vi.advanceTimersByTime(1);
    expect(h.state().error).toBeInstanceOf(TimeoutError);
  });

  test("a permission suspends it too, until the last pending request resolves", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), ev("permission.asked", { id: "per_1", permission: "bash", patterns: ["ls"] }), asked("que_2"));
    vi.advanceTimersByTime(2 * TURN);
    h.push(ev("permission.replied", { requestID: "per_1", reply: "once" }));
    expect(h.state().status).toBe("awaiting-input");
    vi.advanceTimersByTime(2 * TURN);
    expect(h.state().error).toBeNull();
    h.push(replied("que_2"));
    vi.advanceTimersByTime(TURN);
    expect(h.state().error).toBeInstanceOf(TimeoutError);
  });

  test("a question pending while the feed is down does not hold the deadline (RC-06)", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), asked());
    vi.advanceTimersByTime(2 * TURN);
    h.client.events.drop();
    const droppedAt = Date.now();
    expect(h.state().watchdog.deadlineAt).toBe(droppedAt + TURN);
    vi.advanceTimersByTime(TURN);
    expect(h.state().error).toBeInstanceOf(TimeoutError);
  });

  test("simultaneous deadlines report the turn timeout first (WD-16)", async () => {
    const h = harness({ firstEventTimeoutMs: 50_000, turnTimeoutMs: 50_000 });
    await startTurn(h);
    vi.advanceTimersByTime(50_000);
    expect(h.state().error).toBeInstanceOf(TimeoutError);
  });

  test("deadlineAt is the nearest active deadline", async () => {
    const h = harness({ idleTimeoutMs: 30_000, firstEventTimeoutMs: 45_000 });
    await startTurn(h);
    const t0 = Date.now();
    expect(h.state().watchdog).toMatchObject({ deadlineAt: t0 + 45_000, deadlineKind: "first-event" });
    vi.advanceTimersByTime(1_000);
    h.push(status("busy"));
    expect(h.state().watchdog).toMatchObject({ deadlineAt: t0 + 31_000, deadlineKind: "idle" });
  });
});

describe("no timer left behind", () => {
  test("after the turn completes", async () => {
    const h = harness({ idleTimeoutMs: 30_000 });
    await startTurn(h);
    expect(vi.getTimerCount()).toBe(1);
    h.push(status("busy"), userMessage(), delta("p1", "x"), status("idle"));
    await settle();
    expect(h.state().status).toBe("idle");
    expect(vi.getTimerCount()).toBe(0);
  });

  test("after a failed POST", async () => {
    const h = harness({ idleTimeoutMs: 30_000 });
    h.client.postAnswer = () => Promise.reject(new Error("refused"));
    await startTurn(h);
    expect(h.state().status).toBe("error");
    expect(vi.getTimerCount()).toBe(0);
  });

  test("after an error", async () => {
    const h = harness({ idleTimeoutMs: 30_000 });
    await startTurn(h);
    h.push(status("busy"), ev("session.error", { error: { name: "APIError", data: { message: "boom" } } }));
    expect(h.state().status).toBe("error");
    expect(vi.getTimerCount()).toBe(0);
  });

  test("after abort, before and after the POST", async () => {
    const before = harness({ idleTimeoutMs: 30_000 });
    void before.state().send("hi");
    await before.state().abort();
    expect(vi.getTimerCount()).toBe(0);
    before.state().dispose();
    const after = harness({ idleTimeoutMs: 30_000 });
    await startTurn(after);
    after.push(status("busy"), delta("p1", "x"));
    await after.state().abort();
    expect(vi.getTimerCount()).toBe(0);
  });

  test("after dispose, with a frame pending and a send waiting for the feed", async () => {
    const h = harness({ throttleMs: "frame", idleTimeoutMs: 30_000 });
    void h.state().send("hi");
    h.push(delta("p1", "x"));
    expect(vi.getTimerCount()).toBe(2);
    h.state().dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("a re-sync that outlives its turn's watch", () => {
  test("pending lists answered after the turn timed out bring no question back (the watch was given up)", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"));
    let answer: (list: readonly unknown[]) => void = () => undefined;
    h.client.questionsAnswer = () => new Promise((resolve) => (answer = resolve));
    h.client.events.drop();
    h.client.events.connect();
    await settle();
    expect(h.client.listCalls()).toBe(1); // the re-sync is under way; its question list is still in flight
    vi.advanceTimersByTime(TURN);
    expect(h.state().error).toBeInstanceOf(TimeoutError);
    answer([{ id: "que_late", sessionID: "ses_1", questions: [{ question: "Colour?", header: "c", options: [] }] }]);
    await settle();
    expect(h.state().status).toBe("error");
    expect(Object.keys(h.state().questions)).toEqual([]);
    expect(h.state().error).toBeInstanceOf(TimeoutError);
  });
});
