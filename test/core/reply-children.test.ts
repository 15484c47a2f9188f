// The reply and its child sessions (subagents of the task tool), and the reducer's routing by
// session and event type: which events of other sessions reach the reply, which start the turn.
// Mutation testing found these unpinned at the reducer level (docs/mutation-testing.md).
import { describe, expect, test } from "vitest";
import { getPart, initialReplyState, reduce } from "../../src/core/reply";
import type { WireEvent } from "../../src/core/events/types";
import { delta, ev, fold, MSG, SID, textSnap, toolSnap, USER, userMessage } from "../support/reply-events";

const CHILD = "ses_child";
const questions = [{ question: "Color?", header: "Color", options: [{ label: "Red", description: "red" }] }];
const childEvent = (type: string, properties: Record<string, unknown>): WireEvent => ({ type, properties: { sessionID: CHILD, ...properties } });
const childQuestion = (id = "que_c") => childEvent("question.asked", { id, questions });
const childPermission = (id = "per_c") => childEvent("permission.asked", { id, permission: "bash", patterns: ["ls"], always: [], metadata: {} });
const taskPart = (metadata: unknown, tool = "task") => toolSnap("prt_task", tool, { status: "running", input: {}, metadata, time: { start: 1 } });
const sessionEvent = (type: string, info: Record<string, unknown>, extra: Record<string, unknown> = {}): WireEvent => ({
  type,
  properties: { info, ...extra },
});

describe("child sessions: learned from a task tool part", () => {
  test("the child's question and permission requests become the reply's, another session's do not", () => {
    const state = fold([taskPart({ sessionId: CHILD }), childQuestion(), childPermission(), { type: "question.asked", properties: { sessionID: "ses_other", id: "que_o", questions } }]);
    expect(state.children).toEqual({ [CHILD]: true });
    expect(Object.keys(state.questions)).toEqual(["que_c"]);
    expect(Object.keys(state.permissions)).toEqual(["per_c"]);
  });

  test("the child's other events (its text, its status) leave the reply alone", () => {
    const state = fold([taskPart({ sessionId: CHILD })]);
    const after = fold(
      [
        childEvent("message.part.delta", { messageID: "msg_c", partID: "prt_c", field: "text", delta: "child text" }),
        childEvent("session.status", { status: { type: "busy" } }),
        childEvent("session.idle", {}),
      ],
      state,
    );
    expect(after).toBe(state);
  });

  test("only the task tool names a child, and only through an object state with object metadata", () => {
    expect(fold([taskPart({ sessionId: CHILD }, "bash")]).children).toEqual({});
    expect(fold([taskPart("not an object")]).children).toEqual({});
    expect(fold([toolSnap("prt_task", "task", "pending")]).children).toEqual({});
    expect(fold([taskPart({})]).children).toEqual({});
    // Without a child, a question of that session is not the reply's.
    expect(fold([taskPart({ sessionId: CHILD }, "bash"), childQuestion()]).questions).toEqual({});
  });

  test("the reply's own session named as a child, or a child named twice, changes nothing", () => {
    const once = fold([taskPart({ sessionId: CHILD })]);
    const snapshotAgain = toolSnap("prt_task", "task", { status: "running", input: {}, metadata: { sessionId: CHILD }, time: { start: 1 } });
    expect(reduce(once, snapshotAgain).children).toBe(once.children);
    expect(fold([taskPart({ sessionId: SID })]).children).toEqual({});
  });
});

describe("child sessions: learned from session.created / session.updated", () => {
  test("a session whose parent is the reply's session is a child, by its info.id or else the event's sessionID", () => {
    for (const type of ["session.created", "session.updated"]) {
      const byInfo = fold([sessionEvent(type, { id: CHILD, parentID: SID }, { sessionID: CHILD })]);
      expect(byInfo.children, type).toEqual({ [CHILD]: true });
      const byProps = fold([sessionEvent(type, { parentID: SID }, { sessionID: CHILD })]);
      expect(byProps.children, type).toEqual({ [CHILD]: true });
      expect(fold([sessionEvent(type, { id: CHILD, parentID: SID }, { sessionID: CHILD }), childQuestion()]).questions.que_c, type).toBeDefined();
    }
  });

  test("a session of another parent, or without an info object, is not a child", () => {
    const start = initialReplyState(SID);
    expect(reduce(start, sessionEvent("session.created", { id: CHILD, parentID: "ses_other" }, { sessionID: CHILD }))).toBe(start);
    expect(reduce(start, { type: "session.created", properties: { sessionID: CHILD, info: "x" } })).toBe(start);
    expect(reduce(start, sessionEvent("session.deleted", { id: CHILD, parentID: SID }, { sessionID: CHILD }))).toBe(start);
  });
});

describe("reducer routing", () => {
  test("another session's events change nothing", () => {
    const start = fold([userMessage(), textSnap("p1", "hi")]);
    const other = (event: WireEvent): WireEvent => ({ type: event.type, properties: { ...event.properties, sessionID: "ses_other" } });
    for (const event of [delta("p1", " more"), textSnap("p1", "other"), ev("session.idle"), ev("session.status", { status: { type: "busy" } })]) {
      expect(reduce(start, other(event)), event.type).toBe(start);
    }
  });

  test("an event without an object of properties, or without a string type, changes nothing", () => {
    const start = initialReplyState(SID);
    expect(reduce(start, { type: "message.part.delta", properties: null } as unknown as WireEvent)).toBe(start);
    expect(reduce(start, { type: 7, properties: { sessionID: SID } } as unknown as WireEvent)).toBe(start);
  });

  test("the user message's parts and deltas are not the reply", () => {
    const start = fold([userMessage()]);
    const userPart = ev("message.part.updated", { part: { id: "prt_u", type: "text", text: "prompt", sessionID: SID, messageID: USER } });
    const userDelta = ev("message.part.delta", { messageID: USER, partID: "prt_u", field: "text", delta: "prompt" });
    expect(reduce(start, userPart)).toBe(start);
    expect(reduce(start, userDelta)).toBe(start);
    expect(reduce(start, ev("message.part.updated", { part: "not a part" }))).toBe(start);
    expect(reduce(start, ev("message.part.updated", { part: { id: "p", sessionID: SID, messageID: MSG } }))).toBe(start);
  });

  test("text or a part snapshot starts the turn; a todo list does not", () => {
    for (const event of [delta("p1", "x"), textSnap("p1", "x")]) {
      expect(fold([event]).turn, event.type).toBe("running");
    }
    expect(getPart(fold([delta("p1", "x")]), "p1")).toBeDefined();
    expect(fold([ev("todo.updated", { todos: [{ id: "t", content: "c", status: "pending", priority: "low" }] })]).turn).toBe("idle");
  });

  test("a permission reply keeps its reply word, and a reply without one records none", () => {
    const asked = ev("permission.asked", { id: "per_1", permission: "bash", patterns: ["ls"], always: [], metadata: {} });
    expect(fold([asked, ev("permission.replied", { requestID: "per_1", reply: "always" })]).lastResolved).toEqual({
      id: "per_1",
      kind: "permission",
      outcome: "replied",
      reply: "always",
      askedAt: 1000,
      resolvedAt: 1000,
    });
    const without = fold([asked, ev("permission.replied", { requestID: "per_1" })]).lastResolved;
    expect(without).toMatchObject({ id: "per_1", outcome: "replied" });
    expect(without !== null && "reply" in without).toBe(false);
  });
});
