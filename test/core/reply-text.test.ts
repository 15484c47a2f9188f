import { describe, expect, test } from "vitest";
import { distill, getPart, initialReplyState, listParts, reduce } from "../../src/core/reply";
import { delta, ev, fold, MSG, SID, textSnap, userMessage, USER } from "../support/reply-events";

describe("reply reducer: text and reasoning (TXT)", () => {
  test("TXT-01 a delta for an unknown id creates a text part holding the delta", () => {
    const state = fold([delta("p1", "he")]);
    expect(state.partIds).toEqual(["p1"]);
    expect(getPart(state, "p1")).toEqual({ type: "text", id: "p1", messageID: MSG, text: "he" });
  });

  test("TXT-02 later deltas for the same id append in order", () => {
    expect(distill(fold([delta("p1", "he"), delta("p1", "llo")])).text).toBe("hello");
  });

  test("TXT-03 a field:reasoning delta for an unknown id creates a reasoning part", () => {
    expect(getPart(fold([delta("r1", "hmm", "reasoning")]), "r1")?.type).toBe("reasoning");
  });

  test("TXT-04 reasoning with field:text: the blank snapshot's type beats the field name", () => {
    const state = fold([
      textSnap("r1", "", "reasoning"),
      delta("r1", "think"),
      textSnap("r1", "thinking", "reasoning"),
    ]);
    expect(getPart(state, "r1")?.type).toBe("reasoning");
    expect(distill(state)).toMatchObject({ text: "", reasoning: "thinking" });
  });

  test("TXT-04 the memo holds before the final snapshot too (live reasoning is never shown as text)", () => {
    const state = fold([textSnap("r1", "", "reasoning"), delta("r1", "th"), delta("r1", "ink")]);
    expect(distill(state)).toMatchObject({ text: "", reasoning: "think" });
  });

  test("TXT-05 divergence: a later reasoning snapshot fixes the type of a delta-created text part", () => {
    const state = fold([delta("r1", "think"), textSnap("r1", "thinking", "reasoning")]);
    expect(getPart(state, "r1")?.type).toBe("reasoning");
    expect(distill(state)).toMatchObject({ text: "", reasoning: "thinking" });
    // Even a blank snapshot fixes it; the content stays.
    const blank = fold([delta("r2", "x"), textSnap("r2", "", "reasoning")]);
    expect(getPart(blank, "r2")).toMatchObject({ type: "reasoning", text: "x" });
  });

  test("TXT-06 deltas for other fields are ignored (same state)", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, delta("p1", "{", "input"))).toBe(state);
  });

  test("TXT-07 an empty or missing delta is ignored: no part, same state", () => {
    const state = fold([delta("p1", "a")]);
    expect(reduce(state, delta("p1", ""))).toBe(state);
    expect(reduce(state, delta("p2", undefined))).toBe(state);
    expect(reduce(state, delta("p3", null))).toBe(state);
  });

  test("TXT-08 a number delta is stringified; an object delta is ignored", () => {
    const state = fold([delta("p1", 5), delta("p1", true)]);
    expect(distill(state).text).toBe("5true");
    expect(reduce(state, delta("p1", { a: 1 }))).toBe(state);
  });

  test("TXT-09 divergence: a delta without partID is ignored (the reference appends a part each time)", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, delta(undefined, "x"))).toBe(state);
  });

  test("TXT-10 firstTextSeen: set by a text delta, not by reasoning or one-shot parts", () => {
    expect(fold([delta("r1", "x", "reasoning")]).firstTextSeen).toBe(false);
    expect(fold([textSnap("r1", "", "reasoning"), delta("r1", "x")]).firstTextSeen).toBe(false);
    expect(fold([textSnap("p1", "one shot")]).firstTextSeen).toBe(false);
    expect(fold([delta("p1", "x")]).firstTextSeen).toBe(true);
  });

  test("TXT-11 a snapshot equal to the content changes nothing (same state, no re-render)", () => {
    const state = fold([textSnap("p1", "", "text", { time: { start: 1 } }), delta("p1", "hi"), textSnap("p1", "hi", "text", { time: { start: 1 } })]);
    expect(reduce(state, textSnap("p1", "hi", "text", { time: { start: 1 } }))).toBe(state);
    // The end time is news: the part is finished.
    const ended = reduce(state, textSnap("p1", "hi", "text", { time: { start: 1, end: 2 } }));
    expect(getPart(ended, "p1")).toMatchObject({ text: "hi", time: { start: 1, end: 2 } });
  });

  test("TXT-12 tail drop: the final snapshot replaces what the deltas built", () => {
    const state = fold([delta("p1", "he"), textSnap("p1", "hello world")]);
    expect(distill(state).text).toBe("hello world");
  });

  test("TXT-13 a shorter or different final snapshot is authoritative", () => {
    expect(distill(fold([delta("p1", "hello world"), textSnap("p1", "hi")])).text).toBe("hi");
  });

  test("TXT-14 a blank snapshot for a known id does nothing", () => {
    const state = fold([delta("p1", "kept")]);
    for (const blank of [null, "", "  \n", undefined]) expect(reduce(state, textSnap("p1", blank))).toBe(state);
  });

  test("TXT-15 an unknown id with text becomes a part at once", () => {
    const state = fold([textSnap("p1", "whole")]);
    expect(listParts(state)).toMatchObject([{ type: "text", id: "p1", text: "whole" }]);
    expect(getPart(fold([textSnap("r1", "deep", "reasoning")]), "r1")?.type).toBe("reasoning");
  });

  test("TXT-16 after a one-shot part, a later snapshot reconciles it", () => {
    expect(distill(fold([textSnap("p1", "first"), textSnap("p1", "second")])).text).toBe("second");
  });

  test("TXT-17 an unknown id with blank text adds no part, only the type memo", () => {
    const state = fold([textSnap("r1", "", "reasoning")]);
    expect(state.partIds).toEqual([]);
    expect(state.typeMemo.get("r1")).toBe("reasoning");
    expect(reduce(state, textSnap("r1", "", "reasoning"))).toBe(state);
  });

  test("TXT-18 divergence: a text snapshot without id is ignored (the reference appends a part each time)", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, textSnap(undefined, "lost"))).toBe(state);
  });

  test("TXT-19 parts keep first-appearance order; distinct ids stay distinct", () => {
    const state = fold([delta("a", "1"), textSnap("b", "2"), delta("a", "3"), delta("c", "4", "reasoning")]);
    expect(state.partIds).toEqual(["a", "b", "c"]);
    expect(distill(state)).toMatchObject({ text: "13\n\n2", reasoning: "4" });
  });

  test("the prompt's own parts (user message) are not reply parts", () => {
    const state = fold([
      userMessage(),
      textSnap("u1", "hello", "text", { messageID: USER }),
      delta("u1", "x", "text", { messageID: USER }),
      textSnap("p1", "answer"),
    ]);
    expect(state.partIds).toEqual(["p1"]);
  });

  test("parts that arrived before their user message info are removed once it is known", () => {
    const state = fold([textSnap("u1", "hello", "text", { messageID: USER }), textSnap("p1", "answer"), userMessage()]);
    expect(state.partIds).toEqual(["p1"]);
  });

  test("events of another session are ignored (same state)", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, ev("message.part.delta", { sessionID: "ses_other", partID: "p", field: "text", delta: "x" }))).toBe(state);
  });
});
