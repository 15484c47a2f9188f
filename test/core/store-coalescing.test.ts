/**
 * Coalescing of a buffered batch: covered deltas and superseded snapshots are dropped and runs of
 * deltas folded, and reducing the result always equals reducing every event.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { coalesceEvents, initialReplyState, listParts, mergeDeltaRuns, reduceAll, type ReplyPart } from "../../src/core/reply";
import { delta, ev, SID, status, stepFinish, textSnap, toolSnap, userMessage } from "../support/reply-events";

describe("snapshot coalescing", () => {
  test("deltas covered by a later snapshot of the same part are dropped; the creating delta stays", () => {
    const events = [textSnap("p1", ""), delta("p1", "a"), delta("p1", "b"), delta("p2", "other"), delta("p1", "c"), textSnap("p1", "abc")];
    const kept = coalesceEvents(events, initialReplyState(SID));
    expect(kept).toEqual([events[0], events[1], events[3], events[5]]);
  });

  test("snapshots: latest wins for text and other parts; tool snapshots are all kept (they merge)", () => {
    const state = reduceAll(initialReplyState(SID), [delta("p1", "x"), textSnap("s1", "", "step-start")]);
    const events = [
      textSnap("p1", "one"),
      textSnap("p1", "two"),
      toolSnap("t1", "bash", { status: "running", title: "ls" }),
      toolSnap("t1", "bash", { status: "completed" }),
      snapOther("s1"),
      snapOther("s1"),
    ];
    expect(coalesceEvents(events, state)).toEqual([events[1], events[2], events[3], events[5]]);
  });

  test("runs of deltas of one part fold into one delta; other events and parts break a run", () => {
    const events = [delta("p1", "a"), delta("p1", "b"), delta("p2", "x"), delta("p1", "c"), delta("p1", "d", "reasoning"), status("busy"), delta("p1", "e"), delta("p1", "f")];
    const merged = mergeDeltaRuns(events);
    expect(merged.map((e) => [e.properties.partID, e.properties.delta])).toEqual([
      ["p1", "ab"], ["p2", "x"], ["p1", "c"], ["p1", "d"], [undefined, undefined], ["p1", "ef"],
    ]);
    expect(mergeDeltaRuns([delta("p1", "a"), delta("p2", "b")])).toHaveLength(2);
  });

  test("a batch without a covering snapshot is returned as is", () => {
    const events = [delta("p1", "a"), textSnap("p1", " ")];
    expect(coalesceEvents(events, initialReplyState(SID))).toBe(events);
  });

  test("property: reducing the coalesced batch gives the same reply as reducing every event", () => {
    const ids = ["p1", "p2", "p3", "p4"];
    const event = fc.oneof(
      fc
        .record({ id: fc.constantFrom(...ids), text: fc.constantFrom<unknown>("", "a", "bc", "\n", 1), m: fc.constantFrom("msg_a1", "msg_a2", "msg_u1") })
        .map((e) => delta(e.id, e.text, "text", { messageID: e.m })),
      fc.record({ id: fc.constantFrom(...ids), text: fc.constantFrom("", " ", "final", "x") }).map((e) => delta(e.id, e.text, "reasoning")),
      fc
        .record({
          id: fc.constantFrom(...ids),
          text: fc.constantFrom("", "  ", "snap", "other"),
          type: fc.constantFrom("text", "reasoning"),
          end: fc.constantFrom(undefined, 5),
        })
        .map((e) => textSnap(e.id, e.text, e.type, e.end === undefined ? {} : { time: { start: 1, end: e.end } })),
      fc.constantFrom(
        stepFinish("sf", 1, { input: 2 }),
        stepFinish("sf", 3, { input: 4 }),
        toolSnap("p3", "bash", { status: "running" }),
        textSnap("s1", "", "step-start"),
        userMessage("msg_u1"),
        ev("todo.updated", { todos: [{ content: "a", status: "pending" }] }),
        status("busy"),
      ),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 15 }), fc.array(event, { maxLength: 25 }), (first, batch) => {
        const start = reduceAll(initialReplyState(SID), first, 1);
        const all = reduceAll(start, batch, 1);
        const coalesced = reduceAll(start, coalesceEvents(mergeDeltaRuns(batch), start), 1);
        expect(listParts(coalesced).map(withoutTextRaw)).toEqual(listParts(all).map(withoutTextRaw));
        expect(coalesced.firstTextSeen).toBe(all.firstTextSeen);
        expect(coalesced.totals).toEqual(all.totals);
        expect(coalesced.todos).toEqual(all.todos);
        expect(coalesced.turn).toBe(all.turn);
      }),
      { numRuns: 5000 },
    );
  });
});

/**
 * A text part's `raw` may differ: the reducer keeps an older snapshot as `raw` when a newer one
 * changes nothing, and coalescing may skip that older one. What a UI reads is compared.
 */
function withoutTextRaw(part: ReplyPart): unknown {
  if (part.type !== "text" && part.type !== "reasoning") return part;
  const { raw: _raw, ...rest } = part;
  return rest;
}

function snapOther(id: string): WireEvent {
  return textSnap(id, "", "step-start");
}
