/**
 * Replays real captures of OpenCode 1.18.33 through the reducer and checks the result against
 * what the server stored for the turn (GET /session/:id/message right after).
 */
import { describe, expect, test } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { distill, getPart, initialReplyState, listParts, reconcileTurn, reduce, reduceAll, type ReplyState, type WireMessage } from "../../src/core/reply";
import { captureNames, readCapture } from "../support/read-capture";
import { replyToolStates, storedTurn } from "../support/stored-turn";
import { streamPins } from "../support/stream-pins";

const FIXTURES = new URL("../fixtures/opencode-1.18.33/", import.meta.url);

type Dict = Record<string, unknown>;
type Stored = ReturnType<typeof storedTurn>;

function sessionOf(event: WireEvent): unknown {
  const p = event.properties;
  return p.sessionID ?? (p.info as Dict | undefined)?.sessionID ?? (p.part as Dict | undefined)?.sessionID;
}

function replay(name: string): { state: ReplyState; stored: Stored; messages: readonly unknown[] } {
  const capture = readCapture(FIXTURES, name);
  const stored = storedTurn(capture.messages);
  const events = capture.events.filter((e) => sessionOf(e) === stored.sessionId);
  return { state: reduceAll(initialReplyState(stored.sessionId), events, 1_000), stored, messages: capture.messages };
}

const toolStates = replyToolStates;

describe("fixture replay (opencode 1.18.33 captures)", () => {
  const names = captureNames(FIXTURES);

  test("the captures are there", () => {
    const expected = ["hello", "reasoning", "abort", "todo", "question-reply", "tool-permission-once", "tool-permission-reject", "error-fatal400"];
    expect(names).toEqual(expect.arrayContaining(expected));
  });

  test.each(names)("%s: the folded stream equals what the server stored, and the turn ended", (name) => {
    const { state, stored } = replay(name);
    const result = distill(state);
    expect(result.text).toBe(stored.text);
    expect(result.reasoning).toBe(stored.reasoning);
    expect(toolStates(state)).toEqual(stored.tools);
    expect(result.tokens.input).toBe(stored.inputTokens);
    expect(state.turn).toBe("done");
    expect(state.questions).toEqual({});
    expect(state.permissions).toEqual({});
  });

  test.each(names)("%s: after every event each streamed text is a prefix of its stored text; before the closing snapshot it equals the deltas", (name) => {
    const capture = readCapture(FIXTURES, name);
    const stored = storedTurn(capture.messages);
    const events = capture.events.filter((e) => sessionOf(e) === stored.sessionId);
    const pins = streamPins(events, capture.messages);
    let state = initialReplyState(stored.sessionId);
    const current = (id: string): string | undefined => {
      const part = getPart(state, id);
      return part?.type === "text" || part?.type === "reasoning" ? part.text : undefined;
    };
    for (const event of events) {
      pins.before(event, current);
      state = reduce(state, event, 1_000);
      pins.update(listParts(state));
    }
    expect(pins.violations).toEqual([]);
  });

  test.each(names)("%s: reconcileTurn gives the same result and never doubles text", (name) => {
    const { state, stored, messages } = replay(name);
    const merged = reconcileTurn(state, messages as WireMessage[]);
    const result = distill(merged);
    expect(result.text).toBe(stored.text);
    expect(result.reasoning).toBe(stored.reasoning);
    expect(toolStates(merged)).toEqual(stored.tools);
    const textIds = result.parts.filter((p) => p.type === "text").map((p) => p.id);
    expect(textIds).toEqual(stored.textPartIds);
    expect(merged.totals.tokens.input).toBe(stored.inputTokens);
  });

  test("abort: aborted, not an error, and the turn ended once despite two idle pairs", () => {
    const { state } = replay("abort");
    expect(state).toMatchObject({ aborted: true, error: null, turnsEnded: 1 });
    expect(distill(state).text).toBe("slow0 slow1 slow2 ");
  });

  test("error-fatal400: the provider error is a SessionError", () => {
    const { state } = replay("error-fatal400");
    expect(state.error).toMatchObject({ errorName: "APIError", message: "APIError: Fake bad request: this model refuses fatal400" });
    expect(state.turnsEnded).toBe(1);
  });

  test("reasoning: reasoning deltas with field 'text' end up as reasoning", () => {
    const { state } = replay("reasoning");
    expect(distill(state)).toMatchObject({ reasoning: "Let me think about this carefully.", text: "After thinking: 42." });
  });

  test("question-reply: the question was answered and the question part linked to it", () => {
    const { state } = replay("question-reply");
    expect(state.lastResolved).toMatchObject({ kind: "question", outcome: "replied", answers: [["Red"]] });
    const part = distill(state).toolParts[0];
    expect(part?.type === "tool" && part.question?.requestId).toBe("que_20f63d359001aiM5Or1o9WVB69");
  });

  test("todo: todos are canonical and the real todowrite part was refreshed, not duplicated", () => {
    const { state } = replay("todo");
    expect(state.todos.map((t) => t.status)).toEqual(["completed", "in_progress", "pending"]);
    expect(distill(state).toolParts.map((p) => p.tool)).toEqual(["todowrite"]);
  });

  test("tool-permission-reject: the rejected tool failed with the server's message", () => {
    const { state } = replay("tool-permission-reject");
    expect(state.lastResolved).toMatchObject({ kind: "permission", reply: "reject" });
    expect(distill(state).toolParts[0]).toMatchObject({ tool: "bash", status: "error", error: expect.stringContaining("rejected permission") });
  });
});
