// Tool parts (reducer/parts-tool.ts) beyond TL/TP: the time fields, attachments, a later snapshot
// without a name, a state that is not an object, a first snapshot with neither name nor status.
// Mutation testing found these unpinned.
import { describe, expect, test } from "vitest";
import { getPart, reduce, type ReplyToolPart } from "../../src/core/reply";
import { fold, snapshot, toolSnap } from "../support/reply-events";

const tool = (state: ReturnType<typeof fold>, id = "t1"): ReplyToolPart => {
  const part = getPart(state, id);
  if (part?.type !== "tool") throw new Error(`no tool part ${id}`);
  return part;
};

describe("reply reducer: tool part fields", () => {
  test("time: start, end and compacted as far as they are numbers; no time without any", () => {
    const timeOf = (time: unknown) => tool(fold([toolSnap("t1", "bash", { status: "running", time })])).time;
    expect(timeOf({ start: 1 })).toEqual({ start: 1 });
    expect(timeOf({ end: 2 })).toEqual({ end: 2 });
    expect(timeOf({ compacted: 3 })).toEqual({ compacted: 3 });
    expect(timeOf({ start: 1, end: 2, compacted: 3 })).toEqual({ start: 1, end: 2, compacted: 3 });
    expect(timeOf({})).toBeUndefined();
    expect(timeOf({ start: "soon" })).toBeUndefined();
  });

  test("attachments of a finished call are kept (objects only); an empty list adds none", () => {
    const file = { type: "file", mime: "image/png", url: "data:image/png;base64,AA==", filename: "shot.png" };
    const done = fold([toolSnap("t1", "screenshot", { status: "completed", output: "ok", attachments: [file, "junk"] })]);
    expect(tool(done).attachments).toEqual([file]);
    expect(tool(fold([toolSnap("t1", "bash", { status: "completed", attachments: [] })]))).not.toHaveProperty("attachments");
  });

  test("a later snapshot without a tool name keeps the name", () => {
    const state = fold([toolSnap("t1", "bash", { status: "running" }), snapshot({ id: "t1", type: "tool", callID: "call_1", state: { status: "completed", output: "ok" } })]);
    expect(tool(state)).toMatchObject({ tool: "bash", status: "completed", output: "ok" });
  });

  test("a snapshot whose state is null or a string changes only the name and ids", () => {
    const running = fold([toolSnap("t1", "bash", { status: "running", title: "ls" })]);
    for (const bad of [null, "completed"]) {
      const next = reduce(running, toolSnap("t1", "bash", bad, { callID: "call_9" }));
      expect(tool(next)).toMatchObject({ tool: "bash", status: "running", title: "ls", callID: "call_9" });
    }
  });

  test("a first snapshot with neither a name nor a status: both empty", () => {
    const state = fold([snapshot({ id: "t1", type: "tool", callID: "call_1", state: {} })]);
    expect(tool(state)).toMatchObject({ tool: "", status: "" });
  });
});
