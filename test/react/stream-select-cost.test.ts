/**
 * Issue 10 defect 11: what `useStream` selects costs O(size of the change) per store update: no
 * `distill` over the whole reply per flush, the text joined from the parts that changed.
 */
import { afterEach, expect, test, vi } from "vitest";
import type * as DistillModule from "../../src/core/reply/reducer/distill";
import { createStreamViewSelector } from "../../src/react/stream/stream-view";
import { delta, status, textSnap, toolSnap, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

const calls = vi.hoisted(() => ({ distill: 0 }));
vi.mock("../../src/core/reply/reducer/distill", async (importOriginal) => {
  const actual = await importOriginal<typeof DistillModule>();
  return {
    ...actual,
    distill: (...args: Parameters<typeof actual.distill>) => {
      calls.distill += 1;
      return actual.distill(...args);
    },
  };
});

afterEach(disposeHarnesses);

test("defect 11: useStream's selection never runs distill per store update, and keeps what did not change", async () => {
  const h = harness({ throttleMs: 0 });
  await startTurn(h);
  const select = createStreamViewSelector();
  const views: ReturnType<typeof select>[] = [];
  h.store.subscribe((state) => views.push(select(state)));
  h.push(status("busy"), userMessage(), textSnap("p1", "First part."), toolSnap("t1", "bash", { status: "completed", output: "ok" }));
  calls.distill = 0;
  for (let i = 0; i < 200; i++) h.push(delta("p2", "x"));
  expect(calls.distill).toBe(0);
  const last = views[views.length - 1];
  expect(last?.text).toBe(`First part.\n\n${"x".repeat(200)}`);
  // The tool list keeps its identity while text streams (a memoised list does not recompute).
  expect(new Set(views.slice(-200).map((view) => view.toolParts)).size).toBe(1);
  expect(last?.toolParts.map((part) => part.id)).toEqual(["t1"]);
});
