// Event routing and turn bookkeeping of the reply reducer (reduce.ts, wire.ts, session-status.ts,
// usage.ts, state.ts, todos.ts) that mutation testing found unpinned: events of servers before
// 1.3.3 (session id only inside info or part), the status a turn ends or restarts with, numbers
// sent as strings, the user message learned from an assistant's parentID, the initial state.
import { describe, expect, test } from "vitest";
import {
  canonicalTodoStatus,
  distill,
  errorText,
  getPart,
  initialReplyState,
  reconcileTurn,
  reduce,
  reduceAll,
  type ReplyState,
} from "../../src/core/reply";
import type { WireEvent } from "../../src/core/events/types";
import { assistantMessage, ev, fold, MSG, SID, status, textSnap, toolSnap, USER, userMessage } from "../support/reply-events";
import { storedAssistant, storedList, storedText, storedUser } from "../support/reply-stored";

/** An event as servers before 1.3.3 send it: no top-level sessionID. */
const legacy = (type: string, properties: Record<string, unknown>): WireEvent => ({ type, properties });

describe("routing by session", () => {
  test("older servers: the session id inside info or part routes the event; another session's is ignored", () => {
    const start = fold([userMessage()]);
    const ownPart = legacy("message.part.updated", { part: { id: "p1", type: "text", text: "mine", sessionID: SID, messageID: MSG } });
    const otherPart = legacy("message.part.updated", { part: { id: "p1", type: "text", text: "theirs", sessionID: "ses_other", messageID: "msg_x" } });
    const ownInfo = legacy("message.updated", { info: { id: MSG, role: "assistant", sessionID: SID, parentID: USER } });
    const otherInfo = legacy("message.updated", { info: { id: "msg_x", role: "assistant", sessionID: "ses_other", parentID: "msg_ux" } });
    expect(distill(reduce(start, ownPart)).text).toBe("mine");
    expect(reduce(start, otherPart)).toBe(start);
    expect(Object.keys(reduce(start, ownInfo).messages)).toEqual([MSG]);
    expect(reduce(start, otherInfo)).toBe(start);
  });

  test("an event that names no session at all is the reply's (the feed it came from is the session's)", () => {
    const state = reduce(fold([userMessage()]), legacy("message.part.delta", { messageID: MSG, partID: "p1", field: "text", delta: "Hi" }));
    expect(distill(state).text).toBe("Hi");
  });

  test("an assistant message before any status or user message starts the turn (servers without session.status)", () => {
    expect(fold([assistantMessage(MSG)]).turn).toBe("running");
  });

  test("a part snapshot whose part is null changes nothing", () => {
    const start = fold([userMessage()]);
    expect(reduce(start, ev("message.part.updated", { part: null }))).toBe(start);
  });
});

describe("status and turn", () => {
  test("the idle that ends a turn replaces a busy or retry status; busy after the end shows busy again", () => {
    const afterBusy = fold([status("busy"), status("idle")]);
    expect(afterBusy.status).toEqual({ type: "idle" });
    const afterRetry = fold([status("retry", { attempt: 1, message: "overloaded" }), ev("session.idle")]);
    expect(afterRetry.status).toEqual({ type: "idle" });
    expect(reduce(afterBusy, status("busy")).status).toEqual({ type: "busy" });
  });

  test("a retry's attempt and next time sent as numeric strings count; blank or null ones are null", () => {
    expect(fold([status("retry", { attempt: "2", next: "1700000000000" })]).status).toEqual({ type: "retry", attempt: 2, message: "", next: 1700000000000 });
    for (const blank of ["", "  ", null, true]) {
      expect(fold([status("retry", { attempt: blank, next: blank })]).status, String(blank)).toEqual({ type: "retry", attempt: null, message: "", next: null });
    }
  });

  test("errorText of something that is not an error object is empty", () => {
    expect(errorText(null)).toBe("");
    expect(errorText("boom")).toBe("");
  });

  test("the initial reply: idle, no parts, no todos, no user messages", () => {
    const state = initialReplyState(SID);
    expect(state).toMatchObject({ turn: "idle", status: { type: "idle" }, partIds: [], todos: [], turnUserIds: [], userMessageId: null });
  });
});

describe("the turn's user message learned from an assistant's parentID", () => {
  test("learned only while none is known: an assistant info of another parent changes neither, and the final merge still finds the turn", () => {
    const state = fold([userMessage(), assistantMessage(MSG, { parentID: "msg_elsewhere" }), textSnap("p1", "Hi")]);
    expect(state.userMessageId).toBe(USER);
    expect(state.turnUserIds).toEqual([USER]);
    expect(distill(reconcileTurn(state, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hi!")])))).text).toBe("Hi!");
  });

  test("an assistant info without parentID names no user message; the final merge then takes the list's last one", () => {
    const state = fold([assistantMessage(MSG, { parentID: undefined }), textSnap("p1", "Hi")]);
    expect(state.userMessageId).toBeNull();
    expect(state.turnUserIds).toEqual([]);
    expect(distill(reconcileTurn(state, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hi!")])))).text).toBe("Hi!");
  });

  test("once learned, the prompt's parts stay out, and the answer to it stays through a queued prompt", () => {
    const state = fold([assistantMessage(MSG), textSnap("p1", "Hello")]);
    expect(state.userMessageId).toBe(USER);
    const prompt = ev("message.part.updated", { part: { id: "prompt", type: "text", text: "Say hello", sessionID: SID, messageID: USER } });
    expect(reduce(state, prompt)).toBe(state);
    const queued = reduceAll(state, [userMessage("msg_u2"), assistantMessage("msg_a2", { parentID: "msg_u2" }), textSnap("p2", "Again", "text", { messageID: "msg_a2" })], 1000);
    const final = reconcileTurn(queued, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello")]), storedUser("msg_u2"), storedAssistant("msg_a2", [storedText("p2", "Again")], "msg_u2")));
    expect(distill(final).text).toBe("Hello\n\nAgain");
  });
});

describe("todos", () => {
  test("a todo status that is not a string is kept as it is; a blank tool status becomes completed on refresh", () => {
    expect(canonicalTodoStatus(3)).toBe(3);
    const state: ReplyState = fold([toolSnap("t1", "todowrite", { status: "  ", input: { todos: [] } }), ev("todo.updated", { todos: [] })]);
    expect(getPart(state, "t1")).toMatchObject({ status: "completed" });
  });
});
