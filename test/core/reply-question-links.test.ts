// Which tool part a question links to (reducer/prompts.ts linkQuestion, reducer/question-link.ts
// drainParked): only a `question` tool part with the question's call id, and on servers that send
// no messageID the parked payload with that call id, not just any parked one. Mutation
// testing found these unpinned.
import { describe, expect, test } from "vitest";
import { getPart, reduce, type ReplyState, type ReplyToolPart } from "../../src/core/reply";
import { ev, fold, MSG, textSnap, toolSnap } from "../support/reply-events";

const questions = [{ question: "Color?", header: "Color", options: [{ label: "Red", description: "red" }] }];
const asked = (id: string, callID: string, messageID = MSG) => ev("question.asked", { id, questions, tool: { messageID, callID } });
const tool = (state: ReplyState, id: string): ReplyToolPart => {
  const part = getPart(state, id);
  if (part?.type !== "tool") throw new Error(`no tool part ${id}`);
  return part;
};

describe("question links", () => {
  test("question.asked decorates the question part with its call id, not an earlier text, another tool with that call id, or another question", () => {
    const state = fold([
      textSnap("p1", "Let me ask"),
      toolSnap("b1", "bash", { status: "completed" }, { callID: "call_7" }),
      toolSnap("q0", "question", { status: "completed" }, { callID: "call_0" }),
      toolSnap("q7", "question", { status: "pending" }, { callID: "call_7" }),
      asked("que_7", "call_7"),
    ]);
    expect(tool(state, "q7").question?.requestId).toBe("que_7");
    expect(getPart(state, "p1")).not.toHaveProperty("question");
    expect(tool(state, "b1")).not.toHaveProperty("question");
    expect(tool(state, "q0")).not.toHaveProperty("question");
  });

  test("Q-15 a question part without messageID (older servers) takes the parked payload with its own call id", () => {
    const parked = fold([asked("que_1", "call_1"), asked("que_2", "call_2")]);
    const state = reduce(parked, toolSnap("q2", "question", { status: "pending" }, { callID: "call_2", messageID: undefined }));
    expect(tool(state, "q2").question?.requestId).toBe("que_2");
    expect(Object.values(state.parkedQuestions).map((link) => link.requestId)).toEqual(["que_1"]);
  });

  test("a parked payload is taken only by a question part: another tool with the same message and call id leaves it parked", () => {
    const parked = fold([asked("que_1", "call_1")]);
    const bash = reduce(parked, toolSnap("b1", "bash", { status: "running" }, { callID: "call_1" }));
    expect(tool(bash, "b1")).not.toHaveProperty("question");
    expect(Object.keys(bash.parkedQuestions)).toEqual([`${MSG}:call_1`]);
    const old = reduce(parked, toolSnap("b1", "bash", { status: "running" }, { callID: "call_1", messageID: undefined }));
    expect(tool(old, "b1")).not.toHaveProperty("question");
  });

  test("a question whose tool reference lacks its call id or message id has no tool, decorates nothing and parks nothing", () => {
    for (const ref of [{ messageID: MSG }, { callID: "call_1" }]) {
      const state = fold([toolSnap("q1", "question", { status: "pending" }, { callID: undefined, messageID: undefined }), ev("question.asked", { id: "que_1", questions, tool: ref })]);
      expect(state.questions.que_1).not.toHaveProperty("tool");
      expect(tool(state, "q1")).not.toHaveProperty("question");
      expect(state.parkedQuestions).toEqual({});
    }
  });
});
