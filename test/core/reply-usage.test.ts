import { describe, expect, test } from "vitest";
import { distill, getPart, initialReplyState, reduce } from "../../src/core/reply";
import { assistantMessage, ev, fold, MSG, SID, snapshot, stepFinish, textSnap, USER, userMessage } from "../support/reply-events";

const tokens = (input: unknown, output: unknown, reasoning: unknown = 0, read: unknown = 0, write: unknown = 0) => ({
  input,
  output,
  reasoning,
  cache: { read, write },
});

describe("reply reducer: usage and message info (USG)", () => {
  test("USG-01 a step-finish adds its cost and tokens (divergence: it is also kept as a part)", () => {
    const state = fold([stepFinish("s1", 0.5, tokens(10, 5, 3, 2, 1))]);
    expect(state.totals).toEqual({ cost: 0.5, tokens: tokens(10, 5, 3, 2, 1) });
    expect(getPart(state, "s1")?.type).toBe("step-finish");
    expect(distill(state)).toMatchObject({ text: "", cost: 0.5, tokens: { input: 10, output: 5 } });
  });

  test("USG-02 numeric strings count, missing values are 0 (divergence: reasoning and cache are summed)", () => {
    const state = fold([stepFinish("s1", "0.25", tokens("4", undefined, "2", "7")), stepFinish("s2", undefined, undefined)]);
    expect(state.totals).toEqual({ cost: 0.25, tokens: tokens(4, 0, 2, 7, 0) });
  });

  test("USG-03 several step-finishes accumulate (divergence: the same part id is counted once)", () => {
    const state = fold([stepFinish("s1", 1, tokens(1, 1)), stepFinish("s2", 2, tokens(2, 2))]);
    expect(state.totals).toMatchObject({ cost: 3, tokens: { input: 3, output: 3 } });
    const replayed = fold([stepFinish("s1", 1, tokens(1, 1)), stepFinish("s1", 1.5, tokens(1, 2))]);
    expect(replayed.totals).toMatchObject({ cost: 1.5, tokens: { input: 1, output: 2 } });
    // Without an id there is nothing to dedupe by.
    expect(fold([stepFinish(undefined, 1, {}), stepFinish(undefined, 1, {})]).totals.cost).toBe(2);
  });

  test("USG-04 other part types change neither text nor totals (divergence: kept as parts for a UI)", () => {
    const state = fold([
      snapshot({ id: "a", type: "step-start" }),
      snapshot({ id: "b", type: "file", mime: "text/plain", url: "file:///x" }),
      snapshot({ id: "c", type: "patch", hash: "h", files: [] }),
      snapshot({ id: "d", type: "brand-new-type" }),
    ]);
    expect(state.partIds).toEqual(["a", "b", "c"]);
    expect(distill(state)).toMatchObject({ text: "", reasoning: "", toolParts: [], cost: 0 });
    expect(getPart(state, "b")).toMatchObject({ type: "file", raw: { url: "file:///x" } });
  });

  test("USG-05 message.updated keeps the latest info per assistant message and the turn's user message", () => {
    const state = fold([userMessage(), assistantMessage(MSG, { cost: 1 }), assistantMessage(MSG, { cost: 2, finish: "stop" }), assistantMessage("msg_a2")]);
    expect(state.userMessageId).toBe(USER);
    expect(Object.keys(state.messages)).toEqual([MSG, "msg_a2"]);
    expect(state.messages[MSG]).toMatchObject({ cost: 2, finish: "stop" });
  });

  test("USG-05 the user message id is learned from parentID when its own info was missed", () => {
    expect(fold([assistantMessage()]).userMessageId).toBe(USER);
  });

  test("USG-05 a known user message coming back (summary update) changes nothing", () => {
    const state = fold([userMessage(), assistantMessage()]);
    expect(reduce(state, userMessage())).toBe(state);
  });

  test("USG-06 message.updated without an object info is ignored", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, ev("message.updated", {}))).toBe(state);
    expect(reduce(state, ev("message.updated", { info: "x" }))).toBe(state);
    expect(reduce(state, ev("message.updated", { info: { role: "assistant" } }))).toBe(state);
    expect(reduce(state, ev("message.updated", { info: { id: "m", role: "system" } }))).toBe(state);
  });

  test("a step-finish of the user's message is not counted", () => {
    const state = fold([userMessage(), snapshot({ id: "s", type: "step-finish", cost: 9, messageID: USER })]);
    expect(state.totals.cost).toBe(0);
    expect(distill(fold([userMessage(), textSnap("p", "x")])).text).toBe("x");
  });
});
