/** The batcher's folding of same-part delta runs: exact, and broken by any other event or part. */
import { expect, test } from "vitest";
import { mergeDeltaRuns } from "../../src/core/reply";
import { delta, status } from "../support/reply-events";

test("runs of deltas of one part fold into one delta; other events and parts break a run", () => {
  const events = [delta("p1", "a"), delta("p1", "b"), delta("p2", "x"), delta("p1", "c"), delta("p1", "d", "reasoning"), status("busy"), delta("p1", "e"), delta("p1", "f")];
  const merged = mergeDeltaRuns(events);
  expect(merged.map((e) => [e.properties.partID, e.properties.delta])).toEqual([
    ["p1", "ab"], ["p2", "x"], ["p1", "c"], ["p1", "d"], [undefined, undefined], ["p1", "ef"],
  ]);
  expect(mergeDeltaRuns([delta("p1", "a"), delta("p2", "b")])).toHaveLength(2);
});
