// Text and reasoning parts (reducer/parts-text.ts) beyond their text: the message id, time and
// snapshot a part carries through deltas, when a snapshot is news (an end time, a fixed type) and
// when it is not, and ids that belong to a tool. Mutation testing found these unpinned.
import { describe, expect, test } from "vitest";
import { getPart, initialReplyState, reduce, reduceAll, type ReplyState } from "../../src/core/reply";
import { delta, fold, MSG, SID, textSnap, toolSnap } from "../support/reply-events";

/** The time of a text or reasoning part (undefined for any other part). */
const timeOf = (state: ReplyState, id: string) => {
  const part = getPart(state, id);
  return part?.type === "text" || part?.type === "reasoning" ? part.time : undefined;
};

describe("reply reducer: text part fields", () => {
  test("a text delta or snapshot for an id that is a tool part changes nothing", () => {
    const state = fold([toolSnap("t1", "bash", { status: "running" })]);
    expect(reduce(state, delta("t1", "oops"))).toBe(state);
    expect(reduce(state, textSnap("t1", "oops"))).toBe(state);
    expect(reduce(state, textSnap("t1", "oops", "reasoning"))).toBe(state);
  });

  test("a part keeps its message id, time and snapshot through the deltas that follow", () => {
    const state = fold([textSnap("p1", "Hel", "text", { time: { start: 5 }, metadata: { itemId: "i1" } }), delta("p1", "lo")]);
    const part = getPart(state, "p1");
    expect(part).toMatchObject({ text: "Hello", messageID: MSG, time: { start: 5 } });
    expect(part?.raw).toMatchObject({ text: "Hel", metadata: { itemId: "i1" } });
  });

  test("a snapshot's time: start, end, both, or none when neither is a number", () => {
    const read = (time: unknown) => timeOf(fold([textSnap("p1", "x", "text", { time })]), "p1");
    expect(read({ start: 1 })).toEqual({ start: 1 });
    expect(read({ end: 9 })).toEqual({ end: 9 });
    expect(read({ start: 1, end: 9 })).toEqual({ start: 1, end: 9 });
    expect(read({})).toBeUndefined();
    expect(read({ start: "soon", end: null })).toBeUndefined();
  });

  test("a snapshot with the same text is news only when its time or type differs", () => {
    const started = fold([textSnap("p1", "hi", "text", { time: { start: 1 } })]);
    expect(reduce(started, textSnap("p1", "hi", "text", { time: { start: 1 } }))).toBe(started);
    expect(timeOf(reduce(started, textSnap("p1", "hi", "text", { time: { start: 1, end: 2 } })), "p1")).toEqual({ start: 1, end: 2 });
    expect(timeOf(reduce(started, textSnap("p1", "hi", "text", { time: { start: 2 } })), "p1")).toEqual({ start: 2 });
    // Deltas only, then a snapshot with the same text: without a time it is no news; with only an end it is.
    const streamed = fold([delta("p1", "hi")]);
    expect(reduce(streamed, textSnap("p1", "hi"))).toBe(streamed);
    expect(timeOf(reduce(streamed, textSnap("p1", "hi", "text", { time: { end: 3 } })), "p1")).toEqual({ end: 3 });
    // A part that had only an end time, then a snapshot without one: the snapshot is taken as it is.
    const ended = fold([textSnap("p1", "hi", "text", { time: { end: 3 } })]);
    expect(timeOf(reduce(ended, textSnap("p1", "hi")), "p1")).toBeUndefined();
    // The stream guessed "text" from a delta; a reasoning snapshot with the same text fixes the type.
    expect(getPart(reduce(streamed, textSnap("p1", "hi", "reasoning")), "p1")?.type).toBe("reasoning");
  });

  test("parts of a server that sends no message id: made by a delta or by a snapshot, without one", () => {
    const byDelta = reduceAll(initialReplyState(SID), [delta("p1", "Hi", "text", { messageID: undefined })], 1);
    expect(getPart(byDelta, "p1")).toEqual({ id: "p1", type: "text", text: "Hi" });
    const bySnapshot = reduceAll(initialReplyState(SID), [textSnap("p1", "Hi", "text", { messageID: undefined })], 1);
    expect(getPart(bySnapshot, "p1")).toMatchObject({ id: "p1", type: "text", text: "Hi" });
    expect(getPart(bySnapshot, "p1")).not.toHaveProperty("messageID");
  });

  test("firstTextSeen: set by the first text delta, also into a part a snapshot opened", () => {
    const opened = fold([textSnap("p1", "Hi")]);
    expect(opened.firstTextSeen).toBe(false);
    expect(reduce(opened, delta("p1", " there")).firstTextSeen).toBe(true);
  });
});
