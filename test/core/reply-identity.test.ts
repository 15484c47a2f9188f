import { describe, expect, test } from "vitest";
import { getPart, initialReplyState, reduce, type ReplyState } from "../../src/core/reply";
import type { WireEvent } from "../../src/core/events/types";
import { delta, ev, fold, SID, status, textSnap, toolSnap } from "../support/reply-events";

function withParts(n: number): ReplyState {
  let state = initialReplyState(SID);
  for (let i = 0; i < n; i++) state = reduce(state, textSnap(`p${i}`, "x"), 1);
  return state;
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

  // Speed is measured by `npm run bench` (bench/scaling.ts), never asserted on a clock here: these
  // pin the structure that makes a delta O(size of the change).
  test("a delta into a reply with 1,000 parts touches only that part: order and every other part shared", () => {
    const state = withParts(1000);
    const next = reduce(state, delta("p500", "ab"), 1);
    expect(next.partIds).toBe(state.partIds);
    expect(next.parts.size).toBe(1000);
    for (const id of state.partIds) {
      if (id !== "p500") expect(getPart(next, id)).toBe(getPart(state, id));
    }
    expect(getPart(next, "p500")).toMatchObject({ text: "xab" });
    expect(getPart(state, "p500")).toMatchObject({ text: "x" });
  });

  test("a delta into a 1 MB text part appends: the new text extends the old one, the old state is intact", () => {
    const big = "x".repeat(1 << 20);
    const state = fold([textSnap("p", big), textSnap("q", "other")]);
    const next = reduce(state, delta("p", "ab"), 1);
    const part = getPart(next, "p");
    expect(part?.type === "text" && part.text.length).toBe((1 << 20) + 2);
    expect(part?.type === "text" && part.text.endsWith("xab")).toBe(true);
    expect(getPart(state, "p")).toMatchObject({ text: big });
    expect(getPart(next, "q")).toBe(getPart(state, "q"));
    expect(next.partIds).toBe(state.partIds);
  });
});
