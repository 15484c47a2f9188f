// Turn boundaries of a long-lived store (turn-reset.ts): what the next turn starts from, which
// events start it, and which late events belong to the previous turn. Mutation testing found
// these pinned only through whole-store runs (docs/mutation-testing.md).
import { describe, expect, test } from "vitest";
import { initialReplyState } from "../../src/core/reply";
import { eventMessageId, messageIdsOf, nextTurnState, startsTurn } from "../../src/core/reply/reducer/turn-reset";
import { assistantMessage, delta, ev, fold, MSG, SID, status, textSnap, toolSnap, USER, userMessage } from "../support/reply-events";

describe("nextTurnState", () => {
  test("starts empty, keeping only the last user message id, the children and the count of ended turns", () => {
    const ended = fold([
      userMessage(),
      toolSnap("prt_task", "task", { status: "running", input: {}, metadata: { sessionId: "ses_child" }, time: { start: 1 } }),
      textSnap("p1", "hello"),
      status("idle"),
    ]);
    expect(ended.turnsEnded).toBe(1);
    const next = nextTurnState(ended);
    expect(next.partIds).toEqual([]);
    expect(next.turn).toBe("idle");
    expect(next.userMessageIds).toEqual({ [USER]: true });
    expect(next.children).toEqual({ ses_child: true });
    expect(next.turnsEnded).toBe(1);
    expect(next.sessionId).toBe(SID);
    expect(nextTurnState(initialReplyState(SID)).userMessageIds).toEqual({});
  });
});

describe("startsTurn", () => {
  const done = fold([userMessage(), textSnap("p1", "x"), status("idle")]);

  test("a busy or retry status starts the next turn, as object or bare string; idle does not", () => {
    expect(startsTurn(done, status("busy"))).toBe(true);
    expect(startsTurn(done, status("retry", { attempt: 1 }))).toBe(true);
    expect(startsTurn(done, ev("session.status", { status: "busy" }))).toBe(true);
    expect(startsTurn(done, ev("session.status", { status: "retry" }))).toBe(true);
    expect(startsTurn(done, status("idle"))).toBe(false);
    expect(startsTurn(done, ev("session.status", { status: "idle" }))).toBe(false);
  });

  test("a user message not seen before starts it; the last one again, an assistant message or a delta does not", () => {
    expect(startsTurn(done, userMessage("msg_u2"))).toBe(true);
    expect(startsTurn(done, userMessage())).toBe(false);
    expect(startsTurn(done, assistantMessage("msg_a2"))).toBe(false);
    expect(startsTurn(done, ev("message.updated", { info: "x" }))).toBe(false);
    expect(startsTurn(done, ev("message.updated", { info: { role: "user" } }))).toBe(false);
    expect(startsTurn(done, delta("p9", "late"))).toBe(false);
    expect(startsTurn(done, ev("session.idle"))).toBe(false);
  });
});

describe("messageIdsOf and eventMessageId", () => {
  test("the previous turn's assistant messages: by their infos and by their parts", () => {
    const state = fold([userMessage(), assistantMessage("msg_info_only"), textSnap("p1", "x"), delta("p2", "y", "text", { messageID: "msg_by_delta" })]);
    expect([...messageIdsOf(state)].sort()).toEqual([MSG, "msg_by_delta", "msg_info_only"].sort());
    expect(messageIdsOf(initialReplyState(SID)).size).toBe(0);
  });

  test("names the assistant message of deltas, part snapshots and assistant infos only", () => {
    expect(eventMessageId(delta("p1", "x"))).toBe(MSG);
    expect(eventMessageId(textSnap("p1", "x"))).toBe(MSG);
    expect(eventMessageId(assistantMessage("msg_a9"))).toBe("msg_a9");
    expect(eventMessageId(userMessage())).toBeUndefined();
    expect(eventMessageId(ev("message.part.updated", { part: "x" }))).toBeUndefined();
    expect(eventMessageId(ev("message.updated", { info: "x" }))).toBeUndefined();
    expect(eventMessageId(status("busy"))).toBeUndefined();
  });
});
