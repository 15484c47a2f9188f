// Parts that are neither text nor tools (reducer/parts-other.ts): every type the SDK names is kept
// in order for a UI to show (a subagent's `agent` part, a `retry` notice, a `compaction` marker, a
// `subtask`, a `snapshot`), never as text. Mutation testing found that removing any of agent,
// retry, compaction, subtask or snapshot from the list failed no test.
import { describe, expect, test } from "vitest";
import { distill, getPart, initialReplyState, reduce, reduceAll } from "../../src/core/reply";
import { delta, fold, MSG, SID, snapshot, stepFinish, textSnap } from "../support/reply-events";

const otherTypes = [
  { id: "o1", type: "step-start", snapshot: "snap_1" },
  { id: "o2", type: "file", mime: "text/plain", url: "file:///x.txt", filename: "x.txt" },
  { id: "o3", type: "snapshot", snapshot: "snap_2" },
  { id: "o4", type: "patch", hash: "h1", files: ["a.ts"] },
  { id: "o5", type: "agent", name: "explore" },
  { id: "o6", type: "retry", attempt: 1, error: { name: "APIError", data: { message: "overloaded" } }, time: { created: 1 } },
  { id: "o7", type: "compaction", auto: true },
  { id: "o8", type: "subtask", prompt: "look around", description: "explore", agent: "explore" },
];

describe("reply reducer: the other part types", () => {
  test("each one is kept in stream order with its message id and the server's snapshot, and adds no text", () => {
    const state = fold([textSnap("p1", "Hi"), ...otherTypes.map((part) => snapshot(part)), delta("p2", "Bye")]);
    expect(state.partIds).toEqual(["p1", ...otherTypes.map((p) => p.id), "p2"]);
    for (const part of otherTypes) {
      expect(getPart(state, part.id)).toMatchObject({ id: part.id, type: part.type, messageID: MSG, raw: part });
    }
    expect(distill(state)).toMatchObject({ text: "Hi\n\nBye", reasoning: "", toolParts: [] });
  });

  test("a later snapshot of the same part replaces the first", () => {
    const state = fold([snapshot({ id: "o6", type: "retry", attempt: 1 }), snapshot({ id: "o6", type: "retry", attempt: 2 })]);
    expect(state.partIds).toEqual(["o6"]);
    expect(getPart(state, "o6")?.raw).toMatchObject({ attempt: 2 });
  });

  test("a snapshot of another type for an id that is already a text part, or a step-finish for it, changes nothing", () => {
    const state = fold([textSnap("p1", "Hi")]);
    expect(reduce(state, snapshot({ id: "p1", type: "agent", name: "explore" }))).toBe(state);
    expect(reduce(state, stepFinish("p1", 1, { input: 3 }))).toBe(state);
  });

  test("a part without a message id is kept without one; a type this version does not know is not kept", () => {
    const state = reduceAll(initialReplyState(SID), [snapshot({ id: "o1", type: "step-start", messageID: undefined })], 1);
    expect(getPart(state, "o1")).not.toHaveProperty("messageID");
    expect(reduce(state, snapshot({ id: "o9", type: "brand-new" }))).toBe(state);
  });

  test("a step-finish keeps its message id (the store tells a late event of the previous turn by it)", () => {
    expect(getPart(fold([stepFinish("s1", 0.5, { input: 1 })]), "s1")).toMatchObject({ type: "step-finish", messageID: MSG });
  });
});
