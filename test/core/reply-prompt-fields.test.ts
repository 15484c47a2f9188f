// Pending questions and permissions (reducer/prompts.ts) as a UI reads them: the asking session,
// the permission's patterns, question items that are objects; a request without an id; the
// store's "gone" event for a request answered while the feed was down. Mutation testing found
// these unpinned.
import { describe, expect, test } from "vitest";
import { initialReplyState, pendingPermissionOf, pendingQuestionOf, reduce } from "../../src/core/reply";
import { PENDING_GONE } from "../../src/core/reply/reducer/prompts";
import { ev, fold, SID } from "../support/reply-events";

const question = { question: "Color?", header: "Color", options: [{ label: "Red", description: "red" }] };
const gone = (requestID?: string) => ({ type: PENDING_GONE, properties: { sessionID: SID, ...(requestID === undefined ? {} : { requestID }) } });

describe("pending questions and permissions", () => {
  test("a pending request names the session that asked; its lists keep only what has the right type", () => {
    const state = fold([
      ev("question.asked", { id: "que_1", questions: [question, "junk", null] }),
      ev("permission.asked", { id: "per_1", permission: "bash", patterns: ["ls", 3, null], always: ["ls *", false] }),
    ]);
    expect(state.questions.que_1).toMatchObject({ sessionId: SID, questions: [question] });
    expect(state.permissions.per_1).toMatchObject({ sessionId: SID, permission: "bash", patterns: ["ls"], always: ["ls *"], metadata: {} });
  });

  test("an item of GET /question or /permission with fields missing: empty session, name and lists", () => {
    expect(pendingQuestionOf({ id: "que_1" }, 5)).toEqual({ id: "que_1", kind: "question", sessionId: "", questions: [], askedAt: 5, raw: { id: "que_1" } });
    expect(pendingPermissionOf({ id: "per_1" }, 5)).toEqual({
      id: "per_1",
      kind: "permission",
      sessionId: "",
      permission: "",
      patterns: [],
      always: [],
      metadata: {},
      askedAt: 5,
      raw: { id: "per_1" },
    });
    expect(pendingPermissionOf({ permission: "bash" }, 5)).toBeUndefined();
  });

  test("a permission request without a string id is ignored", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, ev("permission.asked", { permission: "bash", patterns: ["ls"] }))).toBe(state);
  });

  test("resolving a question leaves the pending permissions as they were (the same object), and the other way round", () => {
    const state = fold([ev("question.asked", { id: "que_1", questions: [question] }), ev("permission.asked", { id: "per_1", permission: "bash" })]);
    const answered = reduce(state, ev("question.replied", { requestID: "que_1", answers: [["Red"]] }));
    expect(answered.permissions).toBe(state.permissions);
    const allowed = reduce(state, ev("permission.replied", { requestID: "per_1", reply: "once" }));
    expect(allowed.questions).toBe(state.questions);
  });

  test("a request gone from the server (answered while the feed was down) leaves without a recorded resolution", () => {
    const state = fold([ev("question.asked", { id: "que_1", questions: [question] }), ev("permission.asked", { id: "per_1", permission: "bash" })]);
    const noQuestion = reduce(state, gone("que_1"));
    expect(Object.keys(noQuestion.questions)).toEqual([]);
    expect(Object.keys(noQuestion.permissions)).toEqual(["per_1"]);
    expect(noQuestion.lastResolved).toBeNull();
    const noPermission = reduce(state, gone("per_1"));
    expect(Object.keys(noPermission.questions)).toEqual(["que_1"]);
    expect(Object.keys(noPermission.permissions)).toEqual([]);
    expect(reduce(state, gone("que_unknown"))).toBe(state);
    expect(reduce(state, gone())).toBe(state);
  });
});
