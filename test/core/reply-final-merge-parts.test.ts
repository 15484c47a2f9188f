// The final merge (reducer/reconcile.ts, wire-parts.ts): which stored parts the reply keeps, how
// live and stored parts pair up (by id, then by position), where the stream-only todo part goes,
// and when a part keeps its object (no re-render) or takes the stored form. Mutation testing found
// these unpinned (docs/mutation-testing.md, "Survivors still open").
import { describe, expect, test } from "vitest";
import { distill, getPart, reconcileTurn, reduceAll, type ReplyState } from "../../src/core/reply";
import { partFromWire } from "../../src/core/reply/reducer/wire-parts";
import { delta, ev, fold, MSG, snapshot, textSnap, toolSnap, userMessage } from "../support/reply-events";
import { storedAssistant, storedList, storedReasoning, storedText, storedTool, storedUser, type Raw } from "../support/reply-stored";

const live = (...events: Parameters<typeof fold>[0]): ReplyState => fold([userMessage(), ...events]);
const finalMerge = (state: ReplyState, parts: Raw[]): ReplyState => reconcileTurn(state, storedList(storedUser(), storedAssistant(MSG, parts)));
const todos = ev("todo.updated", { todos: [{ content: "Plan", status: "pending", priority: "high" }] });

describe("reconcileTurn: which stored parts the reply keeps", () => {
  test("a stored part id seen twice is kept once; a part without id or of an unknown type is left out", () => {
    const merged = finalMerge(live(textSnap("a", "A")), [
      storedText("a", "A!"),
      storedText("a", "again"),
      { type: "text", text: "no id" },
      { id: "f1", type: "future-part", text: "" },
    ]);
    expect(merged.partIds).toEqual(["a"]);
    expect(distill(merged).text).toBe("A!");
  });

  test("one stored part in live form (the chat's stored messages use it too): nothing for a non-object or a part without id", () => {
    for (const junk of [null, "text", 7, { type: "text", text: "no id" }, { type: "tool", tool: "bash", state: {} }, { id: "x", text: "no type" }]) {
      expect(partFromWire(junk), JSON.stringify(junk)).toBeUndefined();
    }
    expect(partFromWire({ id: "p1", type: "text", text: "Hi" })).toMatchObject({ id: "p1", type: "text", text: "Hi" });
  });

  test("a stored part of an unknown type does not keep its live twin of the same id", () => {
    const merged = finalMerge(live(textSnap("a", "A"), toolSnap("t1", "bash", { status: "running" })), [storedText("a", "A"), { id: "t1", type: "mystery" }]);
    expect(merged.partIds).toEqual(["a"]);
  });

  test("reasoning like text: a stored blank reasoning wins over the stream, a stored null keeps the streamed one", () => {
    const state = live(textSnap("r1", "Thinking", "reasoning"), textSnap("r2", "More", "reasoning"));
    const merged = finalMerge(state, [storedReasoning("r1", ""), storedReasoning("r2", null)]);
    expect(distill(merged).reasoning).toBe("More");
    expect(getPart(merged, "r1")).toMatchObject({ type: "reasoning", text: "" });
  });

  test("a live part the stored turn does not have is dropped, even when every part before it is unchanged", () => {
    const state = live(textSnap("a", "A"), textSnap("b", "B"));
    const merged = finalMerge(state, [storedText("a", "A")]);
    expect(merged.partIds).toEqual(["a"]);
    expect(distill(merged).text).toBe("A");
  });

  test("a text or reasoning part takes the stored time and snapshot (the stream had only deltas)", () => {
    const state = live(delta("p1", "Hello"), delta("r1", "Hm", "reasoning"));
    const time = { start: 1, end: 2 };
    const merged = finalMerge(state, [storedText("p1", "Hello", { time }), storedReasoning("r1", "Hm", { time })]);
    for (const id of ["p1", "r1"]) {
      expect(getPart(merged, id)).toMatchObject({ time });
      expect(getPart(merged, id)?.raw).toMatchObject({ id, time });
    }
  });
});

describe("reconcileTurn: pairing live and stored parts", () => {
  test("the stream-only todo part stays after the live part it followed, when the part after it is replaced by position", () => {
    // Live: a, todo, x (a tool the server did not keep); stored: a, y. y takes x's place.
    const state = live(textSnap("a", "A"), todos, toolSnap("x", "bash", { status: "running" }));
    const merged = finalMerge(state, [storedText("a", "A"), storedText("y", "Y")]);
    expect(merged.partIds).toEqual(["a", "todo_1", "y"]);
  });

  test("the stream-only todo part follows the stored part that took the place of the live part before it", () => {
    // Live: a, x, todo; stored: a, y. The todo part followed x, so it follows y.
    const state = live(textSnap("a", "A"), toolSnap("x", "bash", { status: "running" }), todos);
    const merged = finalMerge(state, [storedText("a", "A"), storedText("y", "Y")]);
    expect(merged.partIds).toEqual(["a", "y", "todo_2"]);
  });

  test("after the merge, todo.updated still refreshes the todowrite part (not the part after it)", () => {
    const state = live(toolSnap("t1", "todowrite", { status: "completed", input: { todos: [] } }), textSnap("p1", "Planned"));
    const merged = finalMerge(state, [storedTool("t1", "todowrite", { status: "completed", input: { todos: [] } }, { callID: "call_1" }), storedText("p1", "Planned.")]);
    const after = reduceAll(merged, [todos], 1000);
    expect(after.partIds).toEqual(["t1", "p1"]);
    expect(getPart(after, "t1")).toMatchObject({ input: { todos: [{ content: "Plan", status: "pending", priority: "high" }] } });
  });
});

describe("reconcileTurn: the live object or the stored form", () => {
  test("text, reasoning and tool parts keep their objects when the stored snapshot differs only in fields the reply does not read", () => {
    const state = live(
      textSnap("a", "A"),
      textSnap("r", "R", "reasoning"),
      toolSnap("t", "bash", { status: "completed", input: { args: ["-l", "-a"] }, output: "o" }),
      textSnap("b", "B"),
    );
    const extra = { metadata: { openai: { itemId: "item_1" } } };
    const merged = finalMerge(state, [
      storedText("a", "A", extra),
      storedReasoning("r", "R", extra),
      storedTool("t", "bash", { status: "completed", input: { args: ["-l", "-a"] }, output: "o" }, { callID: "call_1", ...extra }),
      storedText("b", "B!"),
    ]);
    for (const id of ["a", "r", "t"]) expect(getPart(merged, id)).toBe(getPart(state, id));
    expect(distill(merged).text).toBe("A\n\nB!");
  });

  test("a tool whose stored input list changed takes the stored form (longer, or one item different)", () => {
    const edits = (list: string[]) => ({ status: "completed", input: { edits: list }, output: "ok" });
    const state = live(toolSnap("t", "edit", edits(["x"])), toolSnap("u", "edit", edits(["x", "y"]), { callID: "call_2" }));
    const merged = finalMerge(state, [storedTool("t", "edit", edits(["x", "y"]), { callID: "call_1" }), storedTool("u", "edit", edits(["x", "z"]), { callID: "call_2" })]);
    expect(getPart(merged, "t")).toMatchObject({ input: { edits: ["x", "y"] } });
    expect(getPart(merged, "u")).toMatchObject({ input: { edits: ["x", "z"] } });
  });

  test("a stored field the stream never delivered (a tool's output) appears after the merge", () => {
    const state = live(toolSnap("t", "bash", { status: "completed", input: { command: "ls" } }));
    const merged = finalMerge(state, [storedTool("t", "bash", { status: "completed", input: { command: "ls" }, output: "a.txt" }, { callID: "call_1" })]);
    expect(getPart(merged, "t")).toMatchObject({ status: "completed", output: "a.txt" });
  });

  test("another part type (a patch) takes the stored snapshot when it differs", () => {
    const state = live(snapshot({ id: "f1", type: "patch", hash: "h1", files: ["a.ts"] }));
    const merged = finalMerge(state, [{ id: "f1", type: "patch", hash: "h1", files: ["a.ts", "b.ts"] }]);
    expect(getPart(merged, "f1")?.raw).toMatchObject({ files: ["a.ts", "b.ts"] });
  });
});
