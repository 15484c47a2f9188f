import { describe, expect, test } from "vitest";
import { distill, initialReplyState, listParts, reduce } from "../../src/core/reply";
import { delta, ev, fold, SID, stepFinish, textSnap, toolSnap } from "../support/reply-events";

describe("distill (RES)", () => {
  test("RES-01 text parts are joined with a blank line", () => {
    expect(distill(fold([textSnap("a", "hi"), textSnap("b", "there")])).text).toBe("hi\n\nthere");
  });

  test("RES-02 reasoning parts are joined the same way, apart from the text", () => {
    const state = fold([delta("r1", "one", "reasoning"), textSnap("t", "answer"), delta("r2", "two", "reasoning")]);
    expect(distill(state)).toMatchObject({ text: "answer", reasoning: "one\n\ntwo" });
  });

  test("RES-03 no parts gives empty text and reasoning", () => {
    expect(distill(initialReplyState(SID))).toMatchObject({ text: "", reasoning: "", toolParts: [], parts: [], cost: 0 });
  });

  test("RES-04 toolParts: finished tools in order, the synthesised todowrite included", () => {
    const state = fold([
      ev("todo.updated", { todos: [] }),
      toolSnap("t1", "bash", { status: "completed" }),
      toolSnap("t2", "bash", { status: "running" }),
      toolSnap("t3", "edit", { status: "error", error: "x" }),
    ]);
    expect(distill(state).toolParts.map((p) => p.tool)).toEqual(["todowrite", "bash", "edit"]);
  });

  test("RES-05 parts is the whole ordered list", () => {
    const state = fold([textSnap("a", "x"), toolSnap("t", "bash", { status: "pending" }), stepFinish("s", 1, {})]);
    expect(distill(state).parts.map((p) => p.id)).toEqual(["a", "t", "s"]);
    expect(distill(state).parts).toBe(listParts(state));
    // A change that touches no part keeps the list (no re-render for a parts selector).
    expect(listParts(reduce(state, ev("session.status", { status: { type: "busy" } })))).toBe(listParts(state));
  });

  test("RES-06 every tool part counts in parts, whatever its status", () => {
    const state = fold([toolSnap("t1", "a", { status: "pending" }), toolSnap("t2", "b", { status: "completed" })]);
    expect(distill(state).parts.filter((p) => p.type === "tool")).toHaveLength(2);
  });

  test("RES-07 distill is pure and cached per state object", () => {
    const state = fold([textSnap("a", "x"), stepFinish("s", 0.5, { input: 1 })]);
    expect(distill(state)).toBe(distill(state));
    expect(distill(state)).toMatchObject({ cost: 0.5, tokens: { input: 1 } });
    const next = reduce(state, delta("a", "y"));
    expect(distill(next)).not.toBe(distill(state));
    expect(distill(next).text).toBe("xy");
    expect(distill(state).text).toBe("x");
  });
});
