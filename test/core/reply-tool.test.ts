import { describe, expect, test } from "vitest";
import { distill, getPart, initialReplyState, reduce, type ReplyToolPart } from "../../src/core/reply";
import { partFromWire } from "../../src/core/reply/reducer/wire-parts";
import { ev, fold, MSG, SID, toolSnap } from "../support/reply-events";

const tool = (state: ReturnType<typeof fold>, id = "t1"): ReplyToolPart => {
  const part = getPart(state, id);
  if (part?.type !== "tool") throw new Error(`no tool part ${id}`);
  return part;
};

describe("reply reducer: tool parts (TL, TP)", () => {
  test("TL-01 the first snapshot registers the part and merges its state", () => {
    const state = fold([toolSnap("t1", "bash", { status: "pending", input: {}, raw: "" })]);
    expect(state.partIds).toEqual(["t1"]);
    expect(tool(state)).toMatchObject({ type: "tool", id: "t1", tool: "bash", status: "pending", callID: "call_1", messageID: MSG });
    expect(tool(state).input).toBeUndefined();
  });

  test("TL-02 every later snapshot of the same id merges into the same part", () => {
    const state = fold([
      toolSnap("t1", "bash", { status: "pending", input: {} }),
      toolSnap("t1", "bash", { status: "running", input: { command: "ls" }, time: { start: 5 } }),
      toolSnap("t1", "bash", { status: "completed", input: { command: "ls" }, output: "a\n", title: "ls", metadata: { exit: 0 }, time: { start: 5, end: 9 } }),
    ]);
    expect(state.partIds).toEqual(["t1"]);
    expect(tool(state)).toMatchObject({ status: "completed", output: "a\n", title: "ls", metadata: { exit: 0 }, time: { start: 5, end: 9 } });
  });

  test("TL-03 fields left out or sent empty keep their values (the title survives an error)", () => {
    const state = fold([
      toolSnap("t1", "bash", { status: "pending" }),
      toolSnap("t1", "bash", { status: "running", input: { command: "ls" }, title: "Listing" }),
      toolSnap("t1", "bash", { status: "error", title: "", output: "", metadata: {}, input: {}, error: "boom" }),
    ]);
    expect(tool(state)).toMatchObject({ status: "error", title: "Listing", input: { command: "ls" }, error: "boom" });
    expect(tool(state).output).toBeUndefined();
  });

  test("TL-04 a rename to 'invalid' keeps the original tool name; status, error and input merge", () => {
    const state = fold([
      toolSnap("t1", "bash", { status: "running", input: { command: "x" } }),
      toolSnap("t1", "invalid", { status: "error", error: "bad args", input: { tool: "bash", error: "…" } }),
    ]);
    expect(tool(state)).toMatchObject({ tool: "bash", status: "error", error: "bad args", input: { tool: "bash" } });
  });

  test("TL-05 a first snapshot already named 'invalid' keeps that name", () => {
    expect(tool(fold([toolSnap("t1", "invalid", { status: "error", error: "e" })])).tool).toBe("invalid");
  });

  test("TL-06 callID and messageID: top level first, then inside state (older servers)", () => {
    const top = fold([toolSnap("t1", "bash", { status: "pending", callID: "c_state", messageID: "m_state" })]);
    expect(tool(top)).toMatchObject({ callID: "call_1", messageID: MSG });
    const old = fold([toolSnap("t1", "bash", { status: "pending", callID: "c_state", messageID: "m_state" }, { callID: undefined, messageID: undefined })]);
    expect(tool(old)).toMatchObject({ callID: "c_state", messageID: "m_state" });
  });

  test("TL-07 divergence: the error text is kept whole (issue 10 defect 12; the reference cuts it at 200)", () => {
    const state = fold([toolSnap("t1", "bash", { status: "error", error: "e".repeat(300) })]);
    expect(tool(state).error).toBe("e".repeat(300));
    expect((tool(state).raw?.state as { error: string }).error).toHaveLength(300);
  });

  test("TL-08 divergence: a tool snapshot without id is ignored (the reference appends a bare part)", () => {
    const state = initialReplyState(SID);
    expect(reduce(state, toolSnap(undefined, "bash", { status: "pending" }))).toBe(state);
  });

  test("TL-09 a todowrite or todoread part becomes the todo target", () => {
    expect(fold([toolSnap("t1", "todowrite", { status: "pending" })]).todoPartId).toBe("t1");
    expect(fold([toolSnap("t1", "todoread", { status: "pending" })]).todoPartId).toBe("t1");
    expect(fold([toolSnap("t1", "bash", { status: "pending" })]).todoPartId).toBeNull();
  });

  test("TL-10 only completed or failed tools are in toolParts", () => {
    const state = fold([
      toolSnap("t1", "a", { status: "pending" }),
      toolSnap("t2", "b", { status: "running" }),
      toolSnap("t3", "c", { status: "completed", output: "ok" }),
      toolSnap("t4", "d", { status: "error", error: "no" }),
    ]);
    expect(distill(state).toolParts.map((p) => p.id)).toEqual(["t3", "t4"]);
  });

  test("TP-06 a different valid name is accepted (bash -> edit)", () => {
    expect(tool(fold([toolSnap("t1", "bash", { status: "pending" }), toolSnap("t1", "edit", { status: "running" })])).tool).toBe("edit");
  });

  test("TP-07 status is updated whenever present, even when empty", () => {
    const state = fold([toolSnap("t1", "bash", { status: "running" }), toolSnap("t1", "bash", { status: "" })]);
    expect(tool(state).status).toBe("");
    expect(tool(reduce(state, toolSnap("t1", "bash", { title: "x" }))).status).toBe("");
  });

  test("TP-08 title/output only when non-blank; input/metadata replaced wholesale when non-empty", () => {
    const state = fold([
      toolSnap("t1", "bash", { status: "running", title: "T", output: "O", input: { a: 1, b: 2 }, metadata: { m: 1 } }),
      toolSnap("t1", "bash", { status: "running", title: "  ", output: "", input: { c: 3 }, metadata: {} }),
    ]);
    expect(tool(state)).toMatchObject({ title: "T", output: "O", input: { c: 3 }, metadata: { m: 1 } });
    expect(tool(state).input).not.toHaveProperty("a");
  });

  test("TP-09 see TL-06: callID/messageID fall back to the values inside state", () => {
    const state = fold([toolSnap("t1", "bash", { status: "x", callID: "c2" }, { callID: "" })]);
    expect(tool(state).callID).toBe("c2");
  });

  test("TP-10 a merge never removes a field; a non-object state changes only name and ids", () => {
    const state = fold([
      toolSnap("t1", "bash", { status: "running", title: "T", input: { a: 1 } }),
      toolSnap("t1", "grep", "not an object", { callID: "call_2" }),
    ]);
    expect(tool(state)).toMatchObject({ tool: "grep", callID: "call_2", status: "running", title: "T", input: { a: 1 } });
  });

  test("TP-01/TP-02 the stored form drops blank values and keeps an error only on a failed call", () => {
    const stored = { id: "t1", type: "tool", tool: "edit", callID: "c", messageID: "m", sessionID: SID };
    expect(partFromWire({ ...stored, state: { status: "completed", title: "", input: {}, metadata: { diff: "d" }, output: "" } })).toEqual({
      type: "tool",
      id: "t1",
      tool: "edit",
      status: "completed",
      callID: "c",
      messageID: "m",
      metadata: { diff: "d" },
      raw: expect.anything(),
    });
    expect(partFromWire({ ...stored, state: { status: "completed", error: "ignored" } })).not.toHaveProperty("error");
    expect(partFromWire({ ...stored, state: { status: "error", error: "x".repeat(250) } })).toMatchObject({ error: "x".repeat(250) });
  });

  test("a tool snapshot for an id that is a text part changes nothing", () => {
    const state = fold([ev("message.part.delta", { partID: "p1", field: "text", delta: "hi", messageID: MSG })]);
    expect(reduce(state, toolSnap("p1", "bash", { status: "pending" }))).toBe(state);
  });
});
