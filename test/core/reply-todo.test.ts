import { describe, expect, test } from "vitest";
import {
  canonicalTodos,
  canonicalTodoStatus,
  distill,
  getPart,
  initialReplyState,
  isStreamOnly,
  reconcileTurn,
  reduce,
  type ReplyPart,
  type WireMessage,
} from "../../src/core/reply";
import { ev, fold, MSG, SID, toolSnap, USER, userMessage } from "../support/reply-events";

const todoEvent = (todos?: unknown) => ev("todo.updated", todos === undefined ? {} : { todos });
const plan = [{ content: "Plan", status: "in-progress", priority: "high" }];
/** The stored list of a turn whose one assistant message has these parts. */
const stored = (...parts: Record<string, unknown>[]) =>
  [{ info: { id: USER, role: "user" }, parts: [] }, { info: { id: MSG, role: "assistant", parentID: USER }, parts }] as unknown as WireMessage[];
const toolOf = (part: ReplyPart | undefined) => {
  if (part?.type !== "tool") throw new Error("not a tool part");
  return part;
};

describe("reply reducer: todos (TODO, TD, PS)", () => {
  test("TODO-01 the first todo.updated without a todo part synthesises one stream-only todowrite part", () => {
    const state = fold([todoEvent(plan)]);
    expect(state.partIds).toHaveLength(1);
    const part = toolOf(getPart(state, state.partIds[0] ?? ""));
    expect(part).toMatchObject({
      type: "tool",
      tool: "todowrite",
      status: "completed",
      input: { todos: [{ content: "Plan", status: "in_progress", priority: "high" }] },
      metadata: { source: "todo.updated" },
    });
    expect(isStreamOnly(part)).toBe(true);
    expect(state.todos).toEqual([{ content: "Plan", status: "in_progress", priority: "high" }]);
    expect(distill(state).toolParts).toEqual([part]);
  });

  test("TODO-02 canonical todos: '-' becomes '_', null status '', missing status stays missing", () => {
    const list = [{ content: "a", status: "not-started" }, { content: "b", status: null }, { content: "c" }, "junk"];
    expect(canonicalTodos(list)).toEqual([{ content: "a", status: "not_started" }, { content: "b", status: "" }, { content: "c" }, "junk"]);
    const state = fold([todoEvent(list)]);
    expect(toolOf(getPart(state, state.todoPartId ?? "")).input?.todos).toEqual(canonicalTodos(list));
  });

  test("TODO-02 divergence: state.todos is typed (objects only, string fields)", () => {
    const state = fold([todoEvent([{ content: "a", status: "in-progress", id: 7 }, "junk", { content: 5 }])]);
    expect(state.todos).toEqual([
      { content: "a", status: "in_progress", priority: "", id: 7 },
      { content: "", status: "", priority: "" },
    ]);
  });

  test("TODO-03 a later todo.updated refreshes the same part: input.todos replaced, other keys, status and title kept", () => {
    const first = fold([todoEvent(plan)]);
    const id = first.todoPartId ?? "";
    const second = reduce(first, todoEvent([{ content: "Done", status: "completed", priority: "low" }]));
    expect(second.partIds).toEqual(first.partIds);
    expect(toolOf(getPart(second, id))).toMatchObject({ status: "completed", input: { todos: [{ content: "Done" }] } });
  });

  test("TODO-04 an existing real todowrite part is refreshed instead of synthesising", () => {
    const state = fold([
      toolSnap("t1", "todowrite", { status: "running", title: "2 todos", input: { todos: [], extra: 1 } }),
      todoEvent(plan),
    ]);
    expect(state.partIds).toEqual(["t1"]);
    expect(toolOf(getPart(state, "t1"))).toMatchObject({
      status: "running",
      title: "2 todos",
      input: { todos: [{ content: "Plan", status: "in_progress", priority: "high" }], extra: 1 },
    });
  });

  test("TODO-04 a blank status becomes completed on refresh", () => {
    const state = fold([toolSnap("t1", "todoread", { status: "" }), todoEvent(plan)]);
    expect(toolOf(getPart(state, "t1")).status).toBe("completed");
  });

  test("TODO-05 the target is the latest todo tool part (a real one after a synthesised one)", () => {
    const state = fold([todoEvent(plan), toolSnap("t1", "todowrite", { status: "running" }), todoEvent([{ content: "New" }])]);
    expect(state.todoPartId).toBe("t1");
    expect(toolOf(getPart(state, "t1")).input?.todos).toEqual([{ content: "New" }]);
    const synthesised = toolOf(getPart(state, state.partIds[0] ?? ""));
    expect(synthesised.input?.todos).toEqual([{ content: "Plan", status: "in_progress", priority: "high" }]);
  });

  test("TODO-06 divergence: todos that is not a list changes nothing (same state)", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, todoEvent("nope"))).toBe(state);
  });

  test("TODO-07 a missing or empty todos list synthesises a part with an empty list", () => {
    for (const event of [todoEvent(), todoEvent([]), todoEvent(null)]) {
      const state = fold([event]);
      expect(state.todos).toEqual([]);
      expect(toolOf(getPart(state, state.todoPartId ?? "")).input).toEqual({ todos: [] });
    }
  });

  test("TODO-08 after the final merge the target is found again; with none a new part is synthesised", () => {
    const merged = reconcileTurn(
      fold([userMessage(), toolSnap("t9", "todowrite", { status: "running" })]),
      stored({ id: "t9", type: "tool", tool: "todowrite", callID: "c", messageID: MSG, state: { status: "completed", input: { todos: [] } } }),
    );
    expect(merged.todoPartId).toBe("t9");
    const noTodo = reconcileTurn(
      fold([userMessage(), toolSnap("t1", "bash", { status: "running" })]),
      stored({ id: "t1", type: "tool", tool: "bash", state: { status: "completed" } }),
    );
    expect(noTodo.todoPartId).toBeNull();
    const after = reduce(noTodo, todoEvent(plan));
    expect(after.partIds).toHaveLength(2);
    expect(isStreamOnly(getPart(after, after.todoPartId ?? "") as ReplyPart)).toBe(true);
  });

  test("TODO-09 the synthesised part survives the final merge in place", () => {
    const live = fold([userMessage(), todoEvent(plan), toolSnap("t1", "bash", { status: "completed", output: "x" })]);
    const merged = reconcileTurn(
      live,
      stored({ id: "t1", type: "tool", tool: "bash", callID: "call_1", messageID: MSG, state: { status: "completed", output: "x2" } }),
    );
    expect(distill(merged).toolParts.map((p) => [p.tool, p.output ?? null])).toEqual([["todowrite", null], ["bash", "x2"]]);
  });

  test("TODO-10 (callback order) does not apply: todos and the part change in the same state", () => {
    const state = fold([todoEvent(plan)]);
    expect(state.todos).toHaveLength(1);
    expect(state.partIds).toHaveLength(1);
  });

  test("TD-01 status mapping", () => {
    expect(canonicalTodoStatus("in-progress")).toBe("in_progress");
    expect(canonicalTodoStatus("a-b-c")).toBe("a_b_c");
    expect(canonicalTodoStatus(null)).toBe("");
    expect(canonicalTodoStatus("pending")).toBe("pending");
  });

  test("TD-02/TD-03 non-objects are kept as they are; a null list is []", () => {
    expect(canonicalTodos([1, "x", null])).toEqual([1, "x", null]);
    expect(canonicalTodos(null)).toEqual([]);
  });

  test("PS-01/PS-02 stream-only means metadata.source is 'todo.updated'", () => {
    const synthetic = toolOf(getPart(fold([todoEvent(plan)]), "todo_0"));
    expect(isStreamOnly(synthetic)).toBe(true);
    expect(isStreamOnly({ ...synthetic, metadata: { source: "other" } })).toBe(false);
    expect(isStreamOnly({ ...synthetic, metadata: undefined })).toBe(false);
    expect(isStreamOnly({ type: "text", id: "p", text: "x" })).toBe(false);
  });
});
