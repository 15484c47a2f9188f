/**
 * A frame-batched store (deltas folded as they arrive, statuses that change
 * nothing held for the frame) against a synchronous one fed the same events: the same reply once
 * the frame is applied, and turn ends, statuses and errors visible at once, never a frame late.
 */
import fc from "fast-check";
import { afterEach, expect, test } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { distill, type ReplyPart, type ReplyStoreState } from "../../src/core/reply";
import { settle } from "../support/fake-reply-client";
import { manualFrames } from "../support/manual-frames";
import { assistantMessage, delta, ev, status, stepFinish, textSnap, toolSnap, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, type Harness } from "../support/store-harness";

afterEach(disposeHarnesses);

/** A text part's `raw` may differ (coalescing may skip an older snapshot the reducer would keep). */
function withoutTextRaw(part: ReplyPart): unknown {
  if (part.type !== "text" && part.type !== "reasoning") return part;
  const { raw: _raw, ...rest } = part;
  return rest;
}

const ids = ["p1", "p2", "p3"];
const messages = ["msg_a1", "msg_a2", "msg_u1", "msg_u2"];
const event = fc.oneof(
  fc
    .record({ id: fc.constantFrom(...ids), text: fc.constantFrom<unknown>("", "a", "bc", 1), m: fc.constantFrom(...messages), field: fc.constantFrom("text", "reasoning", "input") })
    .map((e) => delta(e.id, e.text, e.field, { messageID: e.m })),
  fc
    .record({ id: fc.constantFrom(...ids), text: fc.constantFrom("", " ", "snap"), type: fc.constantFrom("text", "reasoning"), m: fc.constantFrom(...messages) })
    .map((e) => textSnap(e.id, e.text, e.type, { messageID: e.m })),
  fc.constantFrom(
    stepFinish("sf", 1, { input: 2 }),
    toolSnap("p3", "bash", { status: "running" }),
    userMessage("msg_u1"),
    userMessage("msg_u2"),
    assistantMessage("msg_a1"),
    assistantMessage("msg_a2", { parentID: "msg_u2" }),
    status("busy"),
    status("idle"),
    status("retry", { attempt: 1, message: "x" }),
    ev("session.idle", {}),
    ev("session.error", { error: { name: "MessageAbortedError" } }),
    ev("todo.updated", { todos: [{ content: "a", status: "pending" }] }),
  ),
);
/** Events, each maybe followed by a frame; long enough for batches past the coalescing threshold. */
const feed = fc.array(fc.tuple(event, fc.integer({ min: 0, max: 40 }).map((n) => n === 0)), { maxLength: 120 });

async function pair(): Promise<{ batched: Harness; sync: Harness; frames: ReturnType<typeof manualFrames> }> {
  const frames = manualFrames();
  const batched = harness({ scheduler: frames.scheduler, resume: false });
  const sync = harness({ throttleMs: 0, resume: false });
  await settle();
  return { batched, sync, frames };
}

type Check = (event: WireEvent, batched: ReplyStoreState, sync: ReplyStoreState) => void;

/** Feeds both stores the same events, a frame applied where the sequence says, `check` after each event. */
async function feedBoth(sequence: readonly (readonly [WireEvent, boolean])[], check?: Check): Promise<[ReplyStoreState, ReplyStoreState]> {
  const { batched, sync, frames } = await pair();
  for (const [e, frameEnds] of sequence) {
    batched.push(e);
    sync.push(e);
    check?.(e, batched.state(), sync.state());
    if (frameEnds) frames.run();
  }
  frames.run();
  const replies: [ReplyStoreState, ReplyStoreState] = [batched.state(), sync.state()];
  disposeHarnesses();
  return replies;
}

test("property: once the frame is applied, a batched store holds what a synchronous one does", async () => {
  await fc.assert(
    fc.asyncProperty(feed, async (sequence) => {
      const [a, b] = await feedBoth(sequence);
      expect(a.parts.map(withoutTextRaw)).toEqual(b.parts.map(withoutTextRaw));
      // The published list (updated per change, parts-view.ts) holds exactly the lookup's parts.
      for (const s of [a, b]) {
        expect(s.parts.length).toBe(s.partsById.size);
        for (const part of s.parts) expect(s.partsById.get(part.id)).toBe(part);
      }
      expect(distill(a).text).toBe(distill(b).text);
      expect([a.status, a.sessionStatus, a.totals, a.todos, a.aborted]).toEqual([b.status, b.sessionStatus, b.totals, b.todos, b.aborted]);
    }),
    { numRuns: 1000 },
  );
}, 120_000);

test("property: after a status, idle or error event, the turn, its status and its error are current at once", async () => {
  await fc.assert(
    fc.asyncProperty(feed, async (sequence) => {
      await feedBoth(sequence, (e, a, b) => {
        // Other events (a user message starting the next turn, text) may wait for the frame.
        if (e.type !== "session.status" && e.type !== "session.idle" && e.type !== "session.error") return;
        expect([a.status, a.sessionStatus, a.error, a.aborted]).toEqual([b.status, b.sessionStatus, b.error, b.aborted]);
      });
    }),
    { numRuns: 1000 },
  );
}, 120_000);

test("an idle status after buffered text ends the turn at once (the reply it is judged against lags the buffer)", async () => {
  const { batched, frames } = await pair();
  const text: WireEvent = delta("p1", "a");
  batched.push(text, status("idle"));
  expect(batched.client.listCalls()).toBe(1); // the final merge started: the turn ended
  expect(distill(batched.state()).text).toBe("a");
  expect(frames.pending).toBe(false);
});
