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

test("a run is broken by another message or session, and deltas that are not text strings are never folded", () => {
  const otherMessage = delta("p1", "b", "text", { messageID: "msg_other" });
  const otherSession = { ...delta("p1", "c"), properties: { ...delta("p1", "c").properties, sessionID: "ses_other" } };
  expect(mergeDeltaRuns([delta("p1", "a"), otherMessage]).map((e) => e.properties.delta)).toEqual(["a", "b"]);
  expect(mergeDeltaRuns([delta("p1", "a"), otherSession]).map((e) => e.properties.delta)).toEqual(["a", "c"]);
  // An empty delta, a non-string delta, a delta without a part id: each kept as it came.
  for (const odd of [delta("p1", ""), delta("p1", 5), delta(undefined, "x")]) {
    const events = [delta("p1", "a"), odd, delta("p1", "z")];
    expect(mergeDeltaRuns(events), JSON.stringify(odd.properties)).toBe(events);
  }
  // Another event type with the same fields is not a delta.
  const lookalike = { type: "message.part.updated", properties: delta("p1", "b").properties };
  expect(mergeDeltaRuns([delta("p1", "a"), lookalike]).map((e) => e.type)).toEqual(["message.part.delta", "message.part.updated"]);
});
