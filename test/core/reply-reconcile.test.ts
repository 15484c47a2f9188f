import { describe, expect, test } from "vitest";
import { distill, getPart, reconcileTurn, type ReplyState, type WireMessage } from "../../src/core/reply";
import { ev, fold, MSG, SID, stepFinish, textSnap, toolSnap, USER, userMessage } from "../support/reply-events";

type Raw = Record<string, unknown>;
const user = (id = USER, parts: Raw[] = []) => ({ info: { id, sessionID: SID, role: "user" }, parts });
const assistant = (id: string, parts: Raw[], parentID = USER) => ({
  info: { id, sessionID: SID, role: "assistant", parentID, cost: 0, tokens: {} },
  parts: parts.map((p) => ({ sessionID: SID, messageID: id, ...p })),
});
const list = (...messages: unknown[]) => messages as WireMessage[];
const text = (id: string, t: unknown): Raw => ({ id, type: "text", text: t });
const toolPart = (id: string, tool: string, state: Raw): Raw => ({ id, type: "tool", tool, callID: `call_${id}`, state });
const live = (...events: Parameters<typeof fold>[0]): ReplyState => fold([userMessage(), ...events]);

describe("reconcileTurn: the final merge (FX)", () => {
  test("FX-02 the turn is the known user message and its assistant messages; earlier turns are left out", () => {
    const state = live(textSnap("p1", "streamed"));
    const merged = reconcileTurn(
      state,
      list(
        user("msg_u0"),
        assistant("msg_old", [text("old", "previous answer")], "msg_u0"),
        user(),
        assistant(MSG, [text("p1", "streamed")]),
        assistant("msg_a2", [text("p2", "more")]),
      ),
    );
    expect(distill(merged).text).toBe("streamed\n\nmore");
  });

  test("FX-02 without a known user message, the last user message's turn is used", () => {
    const state = fold([textSnap("p1", "x")]);
    const merged = reconcileTurn(state, list(user("msg_u0"), assistant("msg_old", [text("old", "previous")], "msg_u0"), user(), assistant(MSG, [text("p1", "x!")])));
    expect(distill(merged).text).toBe("x!");
    expect(merged.userMessageId).toBe(USER);
  });

  test("FX-03 an empty list, a list without the turn's parts, or a stale list keep the streamed state", () => {
    const state = live(textSnap("p1", "streamed"));
    expect(reconcileTurn(state, [])).toBe(state);
    expect(reconcileTurn(state, list(user()))).toBe(state);
    expect(reconcileTurn(state, list(user(), assistant(MSG, [])))).toBe(state);
    expect(reconcileTurn(state, list(user("msg_other"), assistant(MSG, [text("p1", "x")], "msg_other")))).toBe(state);
    expect(reconcileTurn(state, "nonsense" as unknown as WireMessage[])).toBe(state);
  });

  test("FX-04 by position: replace, keep stream-only parts in place, drop surplus live, append surplus wire", () => {
    const state = live(ev("todo.updated", { todos: [] }), textSnap("a", "A"), textSnap("b", "B"), textSnap("c", "C"));
    const merged = reconcileTurn(state, list(user(), assistant(MSG, [text("x", "X"), text("y", "Y")])));
    expect(merged.partIds).toEqual(["todo_0", "x", "y"]);
    const longer = reconcileTurn(live(textSnap("a", "A")), list(user(), assistant(MSG, [text("x", "X"), text("y", "Y")])));
    expect(distill(longer).text).toBe("X\n\nY");
  });

  test("FX-05 a multi-assistant tool loop does not duplicate text", () => {
    const state = live(
      ev("todo.updated", { todos: [{ content: "Plan", status: "in-progress", priority: "high" }] }),
      toolSnap("p_skill", "skill", { status: "completed", output: "s" }),
      toolSnap("p_task", "task", { status: "completed", output: "t", metadata: { sessionId: "ses_child" } }),
      textSnap("p_text", "SUBAGENT_OK"),
      textSnap("p_text_replay", "SUBAGENT_OK"),
    );
    const merged = reconcileTurn(
      state,
      list(
        user("msg_u0"),
        assistant("msg_old", [text("old", "previous answer")], "msg_u0"),
        user(),
        assistant("msg_a1", [toolPart("p_skill", "skill", { status: "completed", output: "s" })]),
        assistant("msg_a2", [toolPart("p_task", "task", { status: "completed", output: "t", metadata: { sessionId: "ses_child" } })]),
        assistant("msg_a3", [text("p_text", "SUBAGENT_OK")]),
      ),
    );
    const result = distill(merged);
    expect(result.text).toBe("SUBAGENT_OK");
    expect(result.toolParts.map((p) => p.tool)).toEqual(["todowrite", "skill", "task"]);
    expect(merged.todos).toEqual([{ content: "Plan", status: "in_progress", priority: "high" }]);
    expect(result.toolParts[2]?.metadata).toEqual({ sessionId: "ses_child" });
  });

  test("FX-06 the stored text wins over the streamed text", () => {
    const merged = reconcileTurn(live(textSnap("p1", "Hello")), list(user(), assistant(MSG, [text("p1", "Hello there")])));
    expect(distill(merged).text).toBe("Hello there");
  });

  test("FX-07 live tool parts take the stored form (no question decorations)", () => {
    const state = live(
      toolSnap("q1", "question", { status: "running", input: { questions: [] } }),
      ev("question.asked", { id: "que_1", questions: [], tool: { messageID: MSG, callID: "call_1" } }),
    );
    expect(getPart(state, "q1")).toHaveProperty("question");
    const stored = { ...toolPart("q1", "question", { status: "completed", input: { questions: [] }, output: "Red" }), callID: "call_1" };
    const merged = reconcileTurn(state, list(user(), assistant(MSG, [stored])));
    const part = getPart(merged, "q1");
    expect(part).toMatchObject({ status: "completed", output: "Red", input: { questions: [] } });
    expect(part).not.toHaveProperty("question");
  });

  test("FX-08 a longer stored list [reasoning R, text A] against live [text A] gives [R, A]", () => {
    const merged = reconcileTurn(live(textSnap("a", "A")), list(user(), assistant(MSG, [{ id: "r", type: "reasoning", text: "R" }, text("a", "A")])));
    expect(merged.partIds).toEqual(["r", "a"]);
    expect(distill(merged)).toMatchObject({ text: "A", reasoning: "R" });
  });

  test("FX-09 trailing live parts are dropped and totals are recomputed from the stored steps", () => {
    const state = live(textSnap("a", "A"), textSnap("b", "B"), stepFinish("s1", 1, { input: 5 }), stepFinish("s1x", 1, { input: 5 }));
    const merged = reconcileTurn(
      state,
      list(
        user(),
        assistant(MSG, [
          text("a", "A"),
          { id: "s1", type: "step-finish", cost: 0.25, tokens: { input: 3, output: 2, reasoning: 1, cache: { read: 4, write: 0 } } },
        ]),
      ),
    );
    expect(merged.partIds).toEqual(["a", "s1"]);
    expect(merged.totals).toEqual({ cost: 0.25, tokens: { input: 3, output: 2, reasoning: 1, cache: { read: 4, write: 0 } } });
  });

  test("FX-12 divergence: a stored text with null text does not erase the streamed text", () => {
    const merged = reconcileTurn(live(textSnap("a", "A"), textSnap("b", "B")), list(user(), assistant(MSG, [text("a", null), text("b", "B")])));
    expect(distill(merged).text).toBe("A\n\nB");
  });

  test("regression (real midstream retry): a stored empty text wins over the streamed text of the failed attempt", () => {
    // opencode 1.18.33 stores "" for the text part of an attempt it retried; the stream had shown "Starting then ".
    const merged = reconcileTurn(live(textSnap("a", "Starting then "), textSnap("b", "You said: midstream")), list(user(), assistant(MSG, [text("a", ""), text("b", "You said: midstream")])));
    expect(distill(merged).text).toBe("You said: midstream");
  });

  test("FX-13 divergence: parts align by id first; only leftovers align by position", () => {
    // The live list has a part the server does not keep (x); by position it would shift every pairing.
    const state = live(toolSnap("x", "bash", { status: "running" }), textSnap("a", "A"), textSnap("b", "B"));
    const merged = reconcileTurn(state, list(user(), assistant(MSG, [text("a", "A"), text("b", "B2")])));
    expect(merged.partIds).toEqual(["a", "b"]);
    expect(distill(merged).text).toBe("A\n\nB2");
    expect(getPart(merged, "a")).toBe(getPart(state, "a"));
    // Ids that do not match at all fall back to position.
    const positional = reconcileTurn(live(textSnap("l1", "one"), textSnap("l2", "two")), list(user(), assistant(MSG, [text("w1", "ONE")])));
    expect(positional.partIds).toEqual(["w1"]);
  });

  test("a merge that changes nothing returns the same state; unchanged parts keep their identity", () => {
    const bash = { ...toolPart("t", "bash", { status: "completed", output: "o" }), callID: "call_1" };
    const stored = list(user(), assistant(MSG, [text("a", "A"), bash, text("b", "B")]));
    const info = assistant(MSG, []).info;
    const state = live(
      ev("message.updated", { info }),
      textSnap("a", "A"),
      toolSnap("t", "bash", { status: "completed", output: "o" }),
      textSnap("b", "B"),
    );
    expect(reconcileTurn(state, stored)).toBe(state);
    const changed = reconcileTurn(state, list(user(), assistant(MSG, [text("a", "A"), bash, text("b", "B!")])));
    expect(getPart(changed, "a")).toBe(getPart(state, "a"));
    expect(getPart(changed, "t")).toBe(getPart(state, "t"));
    expect(getPart(changed, "b")).not.toBe(getPart(state, "b"));
  });
});
