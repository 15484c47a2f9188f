/**
 * The event batcher in front of a reply store: which events wait for the frame and which are
 * applied at once, the bound on a buffered event's age when the frame is starved, and what a
 * disposed batcher does. (store-batching.test.ts has the frame counts of the store as a whole.)
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { createEventBatcher, distill } from "../../src/core/reply";
import { MAX_BUFFERED } from "../../src/core/reply/store/batcher";
import { delta, ev, status, userMessage } from "../support/reply-events";
import { manualFrames } from "../support/manual-frames";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const todos = ev("todo.updated", { todos: [{ id: "t1", content: "Write the tests", status: "pending", priority: "high" }] });

describe("reply store: what waits for the frame", () => {
  test("a question reaches the store before the frame ends, with the text buffered before it; a todo list waits for the frame", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    frames.run();
    const before = h.notifications();
    // A todo list is like text: it waits for the frame, with the deltas around it (one update).
    h.push(delta("p1", "b"), todos, delta("p1", "c"));
    expect(h.notifications()).toBe(before);
    expect(h.state().todos).toEqual([]);
    expect(frames.pending).toBe(true);
    // A question does not wait: the user sees it (and the text before it) in this very frame.
    h.push(ev("question.asked", { id: "que_1", questions: [] }));
    expect(h.notifications()).toBe(before + 1);
    expect(Object.keys(h.state().questions)).toEqual(["que_1"]);
    expect(h.state().status).toBe("awaiting-input");
    expect(h.state().todos).toHaveLength(1);
    expect(distill(h.state()).text).toBe("abc");
  });

  test("a permission request reaches the store before the frame ends", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    frames.run();
    h.push(delta("p1", "b"), ev("permission.asked", { id: "per_1", permission: "bash", patterns: ["ls"] }));
    expect(Object.keys(h.state().permissions)).toEqual(["per_1"]);
    expect(h.state().status).toBe("awaiting-input");
    expect(distill(h.state()).text).toBe("ab");
    expect(frames.pending).toBe(false);
  });

  test.each([
    ["stalled", { firstEventTimeoutMs: 1_000 }, false],
    ["wedged", { idleTimeoutMs: 1_000 }, true],
  ] as const)("%s: the next event shows streaming at once, not at the next frame", async (watchdog, options, eventFirst) => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler, ...options });
    await startTurn(h);
    if (eventFirst) h.push(status("busy"), userMessage(), delta("p1", "a"));
    frames.run();
    vi.advanceTimersByTime(1_000);
    expect(h.state().status).toBe(watchdog);
    h.push(delta("p1", "b"));
    expect(h.state().status).toBe("streaming");
    expect(h.state().error).toBeNull();
  });

  test("an event still waiting for its frame when the idle deadline comes counts: not wedged", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["setTimeout", "clearTimeout", "Date"] });
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler, idleTimeoutMs: 1_000 });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    frames.run();
    vi.advanceTimersByTime(999);
    h.push(delta("p1", "b")); // buffered: the frame has not come yet
    vi.advanceTimersByTime(1);
    expect(h.state().status).toBe("streaming");
    expect(h.state().error).toBeNull();
    expect(distill(h.state()).text).toBe("ab");
    // Counted when it was applied (at most a frame late, never early): wedged a full window later.
    vi.advanceTimersByTime(1_000);
    expect(h.state().status).toBe("wedged");
  });

  test("a burst of deltas asks for one frame, not one per delta", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "a"));
    frames.run();
    const asked = frames.scheduled;
    for (let i = 0; i < 100; i++) h.push(delta("p1", "x"));
    expect(frames.scheduled).toBe(asked + 1);
  });
});

describe("event batcher", () => {
  const text = (i: number): WireEvent => delta(`p${i}`, "x");

  test("a buffered event older than maxAgeMs is applied by a later push when the frame never comes", () => {
    let now = 1_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const applied: number[] = [];
    // A frame that never comes (a timer starved by the feed's reads).
    const batcher = createEventBatcher({ scheduler: () => () => undefined, maxAgeMs: 16, apply: (events) => applied.push(events.length) });
    // Young events wait, however many arrive.
    for (let i = 0; i < 100; i++) batcher.push(text(i));
    expect(applied).toEqual([]);
    expect(batcher.size).toBe(100);
    // The oldest is now past the limit: a few pushes later everything buffered is applied.
    now += 20;
    for (let i = 100; i < 140 && applied.length === 0; i++) batcher.push(text(i));
    expect(applied).toHaveLength(1);
    expect(applied[0]).toBeGreaterThan(100);
    expect(batcher.size).toBe(0);
  });

  test("the age counts from the oldest buffered event, not the newest", () => {
    let now = 1_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const applied: number[] = [];
    const batcher = createEventBatcher({ scheduler: () => () => undefined, maxAgeMs: 16, apply: (events) => applied.push(events.length) });
    batcher.push(text(0));
    // A steady trickle: each event is young, the first one grows old.
    for (let i = 1; i < 200 && applied.length === 0; i++) {
      now += 1;
      batcher.push(text(i));
    }
    expect(applied).toHaveLength(1);
    expect(now - 1_000).toBeLessThan(50); // applied within a few pushes of the limit, not never
  });

  test("without maxAgeMs only the frame (or a full buffer) applies the buffer", () => {
    let now = 1_000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const frames = manualFrames();
    const applied: number[] = [];
    const batcher = createEventBatcher({ scheduler: frames.scheduler, apply: (events) => applied.push(events.length) });
    batcher.push(text(0));
    now += 10_000;
    for (let i = 1; i < 100; i++) batcher.push(text(i));
    expect(applied).toEqual([]);
    frames.run();
    expect(applied).toEqual([100]);
  });

  test("a buffer that no frame empties is applied once it holds MAX_BUFFERED entries, never more", () => {
    const applied: number[] = [];
    let largest = 0;
    const batcher = createEventBatcher({ scheduler: () => () => undefined, apply: (events) => applied.push(events.length) });
    for (let i = 0; i < 2 * MAX_BUFFERED + 10; i++) {
      batcher.push(text(i)); // deltas of ever new parts: nothing folds them
      largest = Math.max(largest, batcher.size);
    }
    expect(applied).toEqual([MAX_BUFFERED, MAX_BUFFERED]);
    expect(largest).toBe(MAX_BUFFERED - 1);
    expect(batcher.size).toBe(10);
  });

  test("after dispose, pushes are ignored: nothing applied, nothing buffered, no frame asked for", () => {
    const frames = manualFrames();
    const applied: WireEvent[][] = [];
    const batcher = createEventBatcher({ scheduler: frames.scheduler, apply: (events) => applied.push([...events]) });
    batcher.push(text(0));
    batcher.dispose();
    const asked = frames.scheduled;
    batcher.push(text(1));
    batcher.push(status("idle"), true);
    batcher.flush();
    frames.run();
    expect(applied).toEqual([]);
    expect(batcher.size).toBe(0);
    expect(frames.scheduled).toBe(asked);
  });

  test("after dispose, a synchronous batcher applies nothing either", () => {
    const applied: WireEvent[][] = [];
    const batcher = createEventBatcher({ scheduler: null, apply: (events) => applied.push([...events]) });
    batcher.push(text(0));
    batcher.dispose();
    batcher.push(text(1));
    expect(applied).toEqual([[text(0)]]);
  });

  test("a batch applied while another is being applied waits for it to finish (batches never interleave)", () => {
    const log: string[] = [];
    const batcher = createEventBatcher({
      scheduler: null,
      apply: (events) => {
        const type = events[0]?.type ?? "";
        log.push(`start ${type}`);
        if (type === "a") batcher.push({ type: "b", properties: {} });
        log.push(`end ${type}`);
      },
    });
    batcher.push({ type: "a", properties: {} });
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });
});
