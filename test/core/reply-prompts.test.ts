import { describe, expect, test } from "vitest";
import { getPart, initialReplyState, isAwaitingInput, reduce, type ReplyState } from "../../src/core/reply";
import { ev, fold, MSG, SID, status, toolSnap } from "../support/reply-events";

const questions = [{ question: "Color?", header: "Color", options: [{ label: "Red", description: "red" }] }];
const asked = (id: unknown, tool?: { messageID: string; callID: string }) =>
  ev("question.asked", { id, questions, ...(tool ? { tool } : {}) });
const replied = (requestID?: string, answers?: unknown) =>
  ev("question.replied", { ...(requestID ? { requestID } : {}), ...(answers === undefined ? {} : { answers }) });
const permAsked = (id: string) =>
  ev("permission.asked", {
    id,
    permission: "bash",
    patterns: ["echo hi"],
    always: ["echo *"],
    metadata: { command: "echo hi" },
    tool: { messageID: MSG, callID: "call_1" },
  });
const permReplied = (requestID: string, reply = "once") => ev("permission.replied", { requestID, reply });
const questionPart = (state: ReplyState, id = "q1") => {
  const part = getPart(state, id);
  if (part?.type !== "tool") throw new Error("no tool part");
  return part;
};
const link = { messageID: MSG, callID: "call_1" };
const linked = { requestId: "que_1", messageID: MSG, callID: "call_1", questions };

describe("reply reducer: questions and permissions (Q)", () => {
  test("Q-01 question.asked becomes pending, stamped with now", () => {
    const state = fold([asked("que_1")], undefined, 42);
    expect(state.questions.que_1).toMatchObject({ id: "que_1", kind: "question", questions, askedAt: 42 });
    expect(isAwaitingInput(state)).toBe(true);
  });

  test("Q-02 without a string id the question is ignored entirely", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, asked(undefined))).toBe(state);
    expect(reduce(state, asked(7))).toBe(state);
  });

  test("Q-03 question.replied resolves it; answers default to []", () => {
    const state = fold([asked("que_1")], undefined, 10);
    const done = reduce(state, replied("que_1", [["Red"]]), 25);
    expect(isAwaitingInput(done)).toBe(false);
    expect(done.lastResolved).toEqual({ id: "que_1", kind: "question", outcome: "replied", answers: [["Red"]], askedAt: 10, resolvedAt: 25 });
    expect(reduce(state, replied("que_1"), 25).lastResolved?.answers).toEqual([]);
  });

  test("Q-04 question.rejected resolves it", () => {
    const done = fold([asked("que_1"), ev("question.rejected", { requestID: "que_1" })]);
    expect(done.questions).toEqual({});
    expect(done.lastResolved).toMatchObject({ id: "que_1", outcome: "rejected", kind: "question" });
  });

  test("Q-05 a resolution without requestID is ignored; an unknown id is recorded with askedAt null", () => {
    const state = fold([asked("que_1")]);
    expect(reduce(state, replied())).toBe(state);
    const unknown = reduce(state, replied("que_x"), 5);
    expect(unknown.lastResolved).toMatchObject({ id: "que_x", kind: null, askedAt: null, resolvedAt: 5 });
    expect(unknown.questions).toBe(state.questions);
  });

  test("Q-06 permission.asked becomes pending and never decorates a tool part", () => {
    const state = fold([toolSnap("t1", "bash", { status: "running", input: { command: "echo hi" } }), permAsked("per_1")], undefined, 7);
    expect(state.permissions.per_1).toMatchObject({
      kind: "permission",
      permission: "bash",
      patterns: ["echo hi"],
      always: ["echo *"],
      metadata: { command: "echo hi" },
      tool: link,
      askedAt: 7,
    });
    expect(questionPart(state, "t1").input).toEqual({ command: "echo hi" });
  });

  test("Q-07 permission.replied resolves it with the reply", () => {
    const state = fold([permAsked("per_1"), permReplied("per_1", "always")], undefined, 3);
    expect(state.permissions).toEqual({});
    expect(state.lastResolved).toMatchObject({ id: "per_1", kind: "permission", outcome: "replied", reply: "always", askedAt: 3 });
  });

  test("Q-08 blocked across q.asked, q.replied, p.asked, p.replied, idle", () => {
    const events = [asked("que_1"), replied("que_1"), permAsked("per_1"), permReplied("per_1"), status("idle")];
    const blocked: boolean[] = [];
    let state = initialReplyState(SID);
    for (const event of events) {
      state = reduce(state, event, 1);
      blocked.push(isAwaitingInput(state));
    }
    expect(blocked).toEqual([true, false, true, false, false]);
  });

  test("Q-09 requests resolve by id whatever their kind; asking again resets the time", () => {
    expect(fold([permAsked("per_1"), replied("per_1")]).permissions).toEqual({});
    const again = fold([asked("que_1")], fold([asked("que_1")], undefined, 1), 9);
    expect(again.questions.que_1?.askedAt).toBe(9);
  });

  test("Q-10 question.asked links the existing question tool part (its input stays the server's: issue 10 defect 12)", () => {
    const state = fold([toolSnap("q1", "question", { status: "pending", input: {} }), asked("que_1", link)]);
    expect(questionPart(state).input).toBeUndefined(); // a blank input stays absent: nothing was written into it
    expect(questionPart(state).question).toEqual(linked);
  });

  test("Q-11 the first question part with that callID is decorated; messageID is not compared; empty callID decorates nothing", () => {
    const state = fold([
      toolSnap("q1", "question", { status: "pending" }, { messageID: "msg_other" }),
      toolSnap("q2", "question", { status: "pending" }),
      asked("que_1", link),
    ]);
    expect(questionPart(state, "q1").question?.requestId).toBe("que_1");
    expect(questionPart(state, "q2").question).toBeUndefined();
    const empty = fold([toolSnap("q1", "question", { status: "pending" }, { callID: "" }), asked("que_1", { messageID: MSG, callID: "" })]);
    expect(questionPart(empty).question).toBeUndefined();
    expect(empty.parkedQuestions).toEqual({});
  });

  test("Q-12 question-before-tool: the payload is parked and merged when the part appears", () => {
    const parked = fold([asked("que_1", link)]);
    expect(Object.keys(parked.parkedQuestions)).toEqual([`${MSG}:call_1`]);
    expect(parked.questions.que_1).toBeDefined();
    const state = reduce(parked, toolSnap("q1", "question", { status: "pending", input: {} }));
    expect(questionPart(state).question).toEqual(linked);
    expect(state.parkedQuestions).toEqual({});
    // A part of another message does not take it.
    const other = reduce(parked, toolSnap("q1", "question", { status: "pending" }, { messageID: "msg_other" }));
    expect(questionPart(other).question).toBeUndefined();
  });

  test("Q-13 divergence: a link applied at once is not parked; later snapshots keep it, and no opencode_* key is written into input", () => {
    const state = fold([toolSnap("q1", "question", { status: "pending" }), asked("que_1", link)]);
    expect(state.parkedQuestions).toEqual({});
    const later = reduce(state, toolSnap("q1", "question", { status: "running", input: { questions } }));
    expect(questionPart(later).question).toEqual(linked);
    expect(questionPart(later).input).toEqual({ questions });
  });

  test("Q-14 divergence: the link survives every snapshot that replaces input", () => {
    const state = fold([
      asked("que_1", link),
      toolSnap("q1", "question", { status: "pending" }),
      toolSnap("q1", "question", { status: "running", input: { questions } }),
      toolSnap("q1", "question", { status: "completed", input: { questions }, output: "Red" }),
    ]);
    expect(questionPart(state)).toMatchObject({ status: "completed", output: "Red", input: { questions }, question: linked });
  });

  test("Q-15 divergence: a part without messageID (older servers) drains the parked payload by callID", () => {
    const state = fold([asked("que_1", link), toolSnap("q1", "question", { status: "pending" }, { messageID: undefined })]);
    expect(questionPart(state).question?.requestId).toBe("que_1");
    expect(state.parkedQuestions).toEqual({});
  });

  test("Q-16 question.replied leaves tool parts alone; question.asked without tool decorates nothing", () => {
    const decorated = fold([toolSnap("q1", "question", { status: "pending" }), asked("que_1", link)]);
    const after = reduce(decorated, replied("que_1", [["Red"]]));
    expect(after.parts).toBe(decorated.parts);
    const plain = fold([toolSnap("q1", "question", { status: "pending" }), asked("que_2")]);
    expect(questionPart(plain).question).toBeUndefined();
    expect(plain.parkedQuestions).toEqual({});
  });
});
