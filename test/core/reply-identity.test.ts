import { describe, expect, test } from "vitest";
import { getPart, initialReplyState, reduce, type ReplyState } from "../../src/core/reply";
import type { WireEvent } from "../../src/core/events/types";
import { delta, ev, fold, SID, status, textSnap, toolSnap } from "../support/reply-events";

function withParts(n: number): ReplyState {
  let state = initialReplyState(SID);
  for (let i = 0; i < n; i++) state = reduce(state, textSnap(`p${i}`, "x"), 1);
  return state;
}

/** Best of three runs of `count` deltas into part `id` (ms). */
function deltaCost(state: ReplyState, id: string, count = 5000): number {
  const event = delta(id, "ab");
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    let s = state;
    const start = performance.now();
    for (let i = 0; i < count; i++) s = reduce(s, event, 1);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("reply reducer: identity and cost (RPL, OBS-03)", () => {
  test("OBS-03 divergence: parts are immutable; a delta to part A keeps part B's object", () => {
    const state = fold([textSnap("a", "A"), toolSnap("b", "bash", { status: "running" }), textSnap("c", "C")]);
    const next = reduce(state, delta("a", "+"));
    expect(next).not.toBe(state);
    expect(getPart(next, "b")).toBe(getPart(state, "b"));
    expect(getPart(next, "c")).toBe(getPart(state, "c"));
    expect(getPart(next, "a")).not.toBe(getPart(state, "a"));
    expect(getPart(state, "a")).toMatchObject({ text: "A" });
    // Only content changed: the order array is the same object.
    expect(next.partIds).toBe(state.partIds);
    expect(next.totals).toBe(state.totals);
    expect(next.questions).toBe(state.questions);
  });

  test("RPL-01 unknown events and the ones the reply does not handle return the same state", () => {
    const state = fold([textSnap("a", "A"), status("busy")]);
    const ignored: WireEvent[] = [
      { type: "server.connected", properties: {} },
      { type: "server.heartbeat", properties: {} },
      ev("session.updated", { info: { id: SID } }),
      ev("session.diff", { diff: [] }),
      ev("message.removed", { messageID: "msg_a1" }),
      ev("permission.updated", { id: "per_1" }),
      ev("question.v2.asked", { id: "q" }),
      ev("session.next.text.delta", { delta: "x" }),
      ev("totally.new.event", { anything: 1 }),
      { type: "message.part.delta", properties: "not an object" as unknown as Record<string, unknown> },
    ];
    for (const event of ignored) expect(reduce(state, event), event.type).toBe(state);
  });

  test("RPL-04 no event removes a part: message.part.removed is ignored", () => {
    const state = fold([textSnap("a", "A")]);
    expect(reduce(state, ev("message.part.removed", { messageID: "msg_a1", partID: "a" }))).toBe(state);
  });

  test("unknown fields change nothing: a known event with extra fields acts as without them", () => {
    const plain = fold([delta("a", "x")]);
    const extra = fold([delta("a", "x", "text", { future: { nested: true } })]);
    expect(extra.partIds).toEqual(plain.partIds);
    expect(getPart(extra, "a")).toEqual(getPart(plain, "a"));
  });

  test("an event whose sessionID is another session returns the same state", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, { type: "session.status", properties: { sessionID: "ses_child", status: { type: "busy" } } })).toBe(state);
  });

  test("a delta into a reply with 1,000 parts costs about the same as into a reply with one", () => {
    const small = deltaCost(withParts(1), "p0");
    const large = deltaCost(withParts(1000), "p500");
    expect(large).toBeLessThan(small * 4 + 5);
  });

  test("a delta into a 1 MB text part costs about the same as into a tiny one", () => {
    const tiny = deltaCost(fold([textSnap("p", "x")]), "p");
    const big = deltaCost(fold([textSnap("p", "x".repeat(1 << 20))]), "p");
    expect(big).toBeLessThan(tiny * 4 + 5);
  });
});
