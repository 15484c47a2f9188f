/**
 * The store's published `parts` array (parts-view.ts), kept up to date per change instead of
 * rebuilt: after any batch it holds exactly the reply's parts in order (what a UI renders), keeps
 * the array while no part changed (no re-render), and keeps each unchanged part's object.
 */
import { describe, expect, test } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { initialReplyState, listParts, reduceAll, type ReplyState } from "../../src/core/reply";
import { createPartsView, type PartsView } from "../../src/core/reply/store/parts-view";
import { delta, ev, MSG, SID, snapshot, textSnap, toolSnap } from "../support/reply-events";

/** A view and the reply it follows; `apply` folds a batch and notes it like the store does. */
function follow(): { view: PartsView; reply(): ReplyState; apply(...events: WireEvent[]): readonly unknown[]; set(next: ReplyState): void } {
  const view = createPartsView();
  let reply = initialReplyState(SID);
  view.view(reply);
  return {
    view,
    reply: () => reply,
    apply(...events) {
      const before = reply;
      reply = reduceAll(reply, events, 1000);
      view.note(before.parts, reply.parts, events);
      return view.view(reply);
    },
    set(next) {
      reply = next;
    },
  };
}

/** The array holds the reply's parts themselves, in order. */
function expectExact(list: readonly unknown[], reply: ReplyState): void {
  const parts = listParts(reply);
  expect(list.length).toBe(parts.length);
  parts.forEach((part, i) => expect(list[i]).toBe(part));
}

describe("the published parts array", () => {
  test("a delta replaces its own part's object only; the others keep theirs", () => {
    const f = follow();
    const first = f.apply(textSnap("p1", "a"), textSnap("p2", "b"), textSnap("p3", "c"));
    expectExact(first, f.reply());
    const next = f.apply(delta("p2", "+"));
    expectExact(next, f.reply());
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[2]).toBe(first[2]);
    expect(next[1]).not.toBe(first[1]);
  });

  test("parts appended at the end are added; a batch that changes no part keeps the array", () => {
    const f = follow();
    const first = f.apply(textSnap("p1", "a"));
    const grown = f.apply(delta("p1", "b"), textSnap("p2", "c"), textSnap("p3", "d"));
    expectExact(grown, f.reply());
    expect(grown.length).toBe(3);
    expect(f.apply(ev("session.status", { status: { type: "busy" } }))).toBe(grown);
    expect(first.length).toBe(1); // the old array was copied, not changed
  });

  test("a snapshot replacing a part, beside a delta to another one: both are current", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), textSnap("p2", "b"));
    const list = f.apply(textSnap("p1", "replaced"), delta("p2", "+"));
    expectExact(list, f.reply());
    expect(list[0]).toMatchObject({ text: "replaced" });
  });

  test("a write before the first noted batch (a merge, then a delta) is not missed", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), textSnap("p2", "b"));
    const merged = reduceAll(f.reply(), [textSnap("p2", "stored")], 1000);
    const after = reduceAll(merged, [delta("p1", "1")], 1000);
    f.view.note(merged.parts, after.parts, [delta("p1", "1")]);
    expectExact(f.view.view(after), after);
  });

  test("a write after the last noted batch is not missed", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), textSnap("p2", "b"));
    const before = f.reply();
    const noted = reduceAll(before, [delta("p1", "1")], 1000);
    f.view.note(before.parts, noted.parts, [delta("p1", "1")]);
    const merged = reduceAll(noted, [textSnap("p2", "stored")], 1000);
    expectExact(f.view.view(merged), merged);
  });

  test("several batches noted before one view: every part they named is current", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), textSnap("p2", "b"), textSnap("p3", "c"));
    const before = f.reply();
    const mid = reduceAll(before, [delta("p1", "1")], 1000);
    f.view.note(before.parts, mid.parts, [delta("p1", "1")]);
    const after = reduceAll(mid, [delta("p3", "3")], 1000);
    f.view.note(mid.parts, after.parts, [delta("p3", "3")]);
    f.set(after);
    expectExact(f.view.view(after), after);
  });

  test("a write between two noted batches (a merge) is not missed", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), textSnap("p2", "b"));
    const before = f.reply();
    const mid = reduceAll(before, [delta("p1", "1")], 1000);
    f.view.note(before.parts, mid.parts, [delta("p1", "1")]);
    // Something else rewrites p2 (the final merge), then another batch is noted.
    const merged = reduceAll(mid, [textSnap("p2", "stored")], 1000);
    const after = reduceAll(merged, [delta("p1", "2")], 1000);
    f.view.note(merged.parts, after.parts, [delta("p1", "2")]);
    expectExact(f.view.view(after), after);
  });

  test("a reply changed without a note (a merge, a new turn) is rebuilt", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), textSnap("p2", "b"));
    const merged = reduceAll(f.reply(), [textSnap("p2", "stored"), textSnap("p0", "z")], 1000);
    expectExact(f.view.view(merged), merged);
    const fresh = initialReplyState(SID);
    expect(f.view.view(fresh)).toEqual([]);
  });

  test("a todo list refreshes its tool part, which the event does not name", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), toolSnap("t1", "todowrite", { status: "completed", input: {}, output: "" }));
    // In one batch with a delta: the delta's part is looked up, the refreshed one must be too.
    const list = f.apply(delta("p1", "b"), ev("todo.updated", { todos: [{ id: "1", content: "x", status: "pending", priority: "high" }] }));
    expectExact(list, f.reply());
  });

  test("a question decorates its question tool part", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), toolSnap("q1", "question", { status: "running", input: { questions: [] } }, { callID: "call_q" }));
    const list = f.apply(delta("p1", "b"), ev("question.asked", { id: "que_1", questions: [], tool: { messageID: MSG, callID: "call_q" } }));
    expectExact(list, f.reply());
    expect(list[1]).toMatchObject({ question: { requestId: "que_1" } });
  });

  test("a user message whose parts came first takes them out", () => {
    const f = follow();
    f.apply(textSnap("p1", "answer"), snapshot({ id: "u1", type: "text", text: "prompt", messageID: "msg_u9" }));
    const list = f.apply(ev("message.updated", { info: { id: "msg_u9", role: "user", sessionID: SID, time: { created: 1 } } }));
    expectExact(list, f.reply());
    expect(list).toHaveLength(1);
  });

  test("parts reordered (not appended) are rebuilt in the new order", () => {
    const f = follow();
    f.apply(textSnap("p1", "a"), textSnap("p2", "b"));
    const before = f.reply();
    const grown = reduceAll(before, [textSnap("p3", "c")], 1000);
    // The same parts, p3 put first (a merge placing a stored part before the live ones).
    const reordered: ReplyState = { ...grown, partIds: ["p3", "p1", "p2"] };
    f.view.note(before.parts, reordered.parts, [textSnap("p3", "c")]);
    expectExact(f.view.view(reordered), reordered);
  });

  test("the cost of an update is the size of the change: a delta in a 500-part reply looks up its own part only", () => {
    const view = createPartsView();
    const parts = Array.from({ length: 500 }, (_, i) => textSnap(`p${String(i).padStart(3, "0")}`, "x"));
    let reply = reduceAll(initialReplyState(SID), parts, 1000);
    view.view(reply);
    // Counts the lookups the view makes in the parts table of the next reply.
    const counted = (next: ReplyState): { reply: ReplyState; lookups(): number } => {
      let lookups = 0;
      const table = next.parts;
      const proxy = new Proxy(table, {
        get(target, key) {
          if (key === "get") return (id: string) => ((lookups += 1), target.get(id));
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      return { reply: { ...next, parts: proxy }, lookups: () => lookups };
    };
    for (const batch of [[delta("p250", "y")], [textSnap("p100", "replaced"), delta("p101", "z")], [textSnap("p500", "appended")]]) {
      const next = counted(reduceAll(reply, batch, 1000));
      view.note(reply.parts, next.reply.parts, batch);
      const list = view.view(next.reply);
      // At most two per event (an appended part is placed, then refreshed); a rebuild makes 500.
      expect(next.lookups()).toBeLessThanOrEqual(2 * batch.length);
      expect(list.length).toBe(next.reply.partIds.length);
      expect(list.map((part) => part.id)).toEqual(next.reply.partIds);
      reply = next.reply;
    }
  });
});
