/**
 * Render batching of the reply store: one store update per frame however many events arrived, and
 * status/errors/prompts never wait behind text.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { SessionError } from "../../src/core/errors";
import { createEventBatcher, createFrameScheduler, distill, frameScheduler } from "../../src/core/reply";
import { delta, ev, status, userMessage } from "../support/reply-events";
import { manualFrames } from "../support/manual-frames";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("frame batching", () => {
  test("1,000 deltas within one frame: exactly one store notification, and the text is right", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "start "));
    frames.run();
    const before = h.notifications();
    for (let i = 0; i < 1000; i++) h.push(delta("p1", `${i % 10}`));
    expect(h.notifications()).toBe(before);
    expect(frames.run()).toBe(true);
    expect(h.notifications()).toBe(before + 1);
    expect(distill(h.state()).text).toBe(`start ${"0123456789".repeat(100)}`);
  });

  test("the default scheduler in Node is a 16 ms timer: one notification per frame", async () => {
    vi.useFakeTimers();
    const h = harness({ throttleMs: "frame" });
    await startTurn(h);
    h.push(status("busy"));
    const before = h.notifications();
    for (let i = 0; i < 1000; i++) h.push(delta("p1", "a"));
    vi.advanceTimersByTime(15);
    expect(h.notifications()).toBe(before);
    vi.advanceTimersByTime(1);
    expect(h.notifications()).toBe(before + 1);
    expect(distill(h.state()).text).toHaveLength(1000);
  });

  test("a session.error arriving mid-frame is visible at once, after the text buffered before it", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(status("busy"), delta("p1", "partial"));
    h.push(ev("session.error", { error: { name: "APIError", data: { message: "boom" } } }));
    expect(h.state().status).toBe("error");
    expect(h.state().error).toBeInstanceOf(SessionError);
    expect(distill(h.state()).text).toBe("partial");
    expect(frames.pending).toBe(false);
  });

  test("status changes, questions and permissions flush immediately", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(status("busy"), delta("p1", "a"));
    h.push(ev("question.asked", { id: "que_1", questions: [] }));
    expect(h.state().status).toBe("awaiting-input");
    h.push(ev("question.replied", { requestID: "que_1", answers: [] }), delta("p1", "b"));
    expect(h.state().status).toBe("streaming");
    h.push(ev("permission.asked", { id: "per_1", permission: "bash" }));
    expect(h.state().permissions).toHaveProperty("per_1");
    expect(distill(h.state()).text).toBe("ab");
  });

  test("a status that changes nothing (a repeated busy, the session.idle after an idle status) waits for the frame", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(status("busy"), delta("p1", "a"));
    frames.run();
    const before = h.notifications();
    // The server sends a busy status per model step: no store update of its own.
    h.push(delta("p1", "b"), status("busy"));
    expect(h.notifications()).toBe(before);
    expect(frames.pending).toBe(true);
    // A real change (the turn ends) is applied at once, with the text buffered before it.
    h.push(status("idle"));
    expect(h.notifications()).toBe(before + 1);
    expect(h.client.listCalls()).toBe(1); // the turn ended: its final merge started
    expect(distill(h.state()).text).toBe("ab");
    h.push(ev("session.idle", {}));
    expect(h.notifications()).toBe(before + 1);
    frames.run();
    expect(h.client.listCalls()).toBe(1);
  });

  test("a run of deltas is folded as it arrives: the buffer holds one entry for it", () => {
    const applied: number[] = [];
    const frames = manualFrames();
    const batcher = createEventBatcher({ scheduler: frames.scheduler, apply: (events) => applied.push(events.length) });
    for (let i = 0; i < 500; i++) batcher.push(delta("p1", "x"));
    batcher.push(delta("p2", "y"));
    for (let i = 0; i < 500; i++) batcher.push(delta("p1", "z"));
    expect(batcher.size).toBe(3);
    frames.run();
    expect(applied).toEqual([3]);
  });

  test("the first event of a turn flushes at once: submitted never lingers behind a frame", async () => {
    const frames = manualFrames();
    const h = harness({ scheduler: frames.scheduler });
    await startTurn(h);
    h.push(delta("p1", "x"));
    expect(h.state().status).toBe("streaming");
  });

  test("throttleMs 0 applies every event synchronously; a number is a timer of that many ms", async () => {
    const sync = harness({ throttleMs: 0 });
    sync.push(delta("p1", "a"), delta("p1", "b"));
    expect(sync.notifications()).toBe(2);
    expect(createFrameScheduler(0)).toBeNull();
    vi.useFakeTimers();
    const slow = harness({ throttleMs: 100 });
    slow.push(delta("p1", "a"), delta("p1", "b"));
    slow.push(delta("p1", "c"));
    vi.advanceTimersByTime(99);
    expect(distill(slow.state()).text).toBe("");
    vi.advanceTimersByTime(1);
    expect(distill(slow.state()).text).toBe("abc");
  });

  test("requestAnimationFrame is used when the host has one, a timer when the page is hidden", () => {
    const raf = vi.fn((_cb: FrameRequestCallback) => 7);
    const cancel = vi.fn();
    vi.stubGlobal("requestAnimationFrame", raf);
    vi.stubGlobal("cancelAnimationFrame", cancel);
    const flush = vi.fn();
    frameScheduler()(flush)();
    expect(raf).toHaveBeenCalledTimes(1);
    expect(cancel).toHaveBeenCalledWith(7);
    vi.stubGlobal("document", { visibilityState: "hidden" });
    vi.useFakeTimers();
    frameScheduler()(flush);
    expect(raf).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  test("the batcher never interleaves batches when applying causes another event", () => {
    const batches: string[][] = [];
    const batcher = createEventBatcher({
      scheduler: null,
      apply: (events) => {
        batches.push(events.map((e) => e.type));
        if (events[0]?.type === "a") batcher.push({ type: "b", properties: {} });
      },
    });
    batcher.push({ type: "a", properties: {} });
    expect(batches).toEqual([["a"], ["b"]]);
  });
});
