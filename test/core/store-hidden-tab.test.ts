// @vitest-environment jsdom
/**
 * Issue 10 defect 5: a hidden tab. Browsers run no animation frame in a hidden tab while the shared
 * feed keeps streaming there, so a store waiting for a frame must still flush (a timer when no frame
 * comes), and its buffer must never grow without bound.
 */
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { distill } from "../../src/core/reply";
import { delta, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

let frames = 0;
beforeEach(() => {
  frames = 0;
  // A tab hidden after the frame was requested: the frame never comes.
  vi.stubGlobal("requestAnimationFrame", () => ++frames);
  vi.stubGlobal("cancelAnimationFrame", () => undefined);
});
afterEach(() => {
  disposeHarnesses();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

test("defect 5: buffered events still flush in a hidden tab, when no animation frame comes", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }); // the stubbed frame stays
  const h = harness({ throttleMs: "frame" });
  await startTurn(h);
  h.push(status("busy"), userMessage(), delta("p1", "while hidden"));
  expect(frames).toBeGreaterThan(0); // a frame was asked for, and will never come
  await vi.advanceTimersByTimeAsync(1000);
  expect(distill(h.state()).text).toBe("while hidden");
});

test("defect 5: the buffer never grows without bound while no flush comes", async () => {
  // performance too: the batcher also flushes by age (performance.now()), and on a busy machine
  // 6,000 real pushes outlast that age, which flushed early and left < 4,000 parts applied.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
  const h = harness({ throttleMs: "frame" });
  await startTurn(h);
  h.push(status("busy"), userMessage());
  // Deltas of ever new parts: nothing folds them into one entry.
  for (let i = 0; i < 6000; i++) h.push(delta(`p${i}`, "x"));
  // No timer ran, no frame came: the store applied them anyway once the buffer was full.
  expect(h.state().parts.length).toBeGreaterThan(4000);
});
