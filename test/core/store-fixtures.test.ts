/**
 * Replays every real capture of OpenCode 1.18.33 through a fake feed into a reply store (applied
 * synchronously, and batched per frame), answering the final fetch with the capture's stored
 * messages: the store must end where the server's storage says the turn ended.
 */
import { afterEach, describe, expect, test } from "vitest";
import { SessionError } from "../../src/core/errors";
import type { WireEvent } from "../../src/core/events/types";
import { createReplyStore, distill, type ReplyStatus, type ReplyStoreState } from "../../src/core/reply";
import type { StoreApi } from "zustand/vanilla";
import { createFakeReplyClient, settle, type FakeReplyClient } from "../support/fake-reply-client";
import { manualFrames } from "../support/manual-frames";
import { captureNames, readCapture } from "../support/read-capture";
import { storedTurn, toolStates } from "../support/stored-turn";
import { streamPins, type StreamPins } from "../support/stream-pins";

const FIXTURES = new URL("../fixtures/opencode-1.18.33/", import.meta.url);
const NAMES = captureNames(FIXTURES);


/** Consecutive distinct statuses the store published, the initial one included. */
function recordStatuses(store: StoreApi<ReplyStoreState>): ReplyStatus[] {
  const seen: ReplyStatus[] = [store.getState().status];
  store.subscribe((state) => {
    if (seen[seen.length - 1] !== state.status) seen.push(state.status);
  });
  return seen;
}

interface Replayed {
  store: StoreApi<ReplyStoreState>;
  client: FakeReplyClient;
  statuses: ReplyStatus[];
  stored: ReturnType<typeof storedTurn>;
  finished: number;
  pins: StreamPins;
}

const live: StoreApi<ReplyStoreState>[] = [];
afterEach(() => {
  for (const store of live.splice(0)) store.getState().dispose();
});

/**
 * send(), the capture's `server.connected` (the POST happens then), then the rest of its events;
 * in "frame" mode a frame runs every `every` events. The abort capture calls abort() where the
 * user did: before the server's MessageAbortedError.
 */
async function replay(name: string, mode: "sync" | "frame", every = 5): Promise<Replayed> {
  const capture = readCapture(FIXTURES, name);
  const stored = storedTurn(capture.messages);
  const client = createFakeReplyClient(capture.messages);
  const frames = manualFrames();
  let finished = 0;
  const store = createReplyStore({
    client,
    sessionId: stored.sessionId,
    ...(mode === "sync" ? { throttleMs: 0 } : { scheduler: frames.scheduler }),
    onFinish: () => (finished += 1),
  });
  live.push(store);
  const statuses = recordStatuses(store);
  const pins = streamPins(capture.events, capture.messages);
  // Before the final merge (which swaps in the stored parts): the stream itself.
  store.subscribe((state) => pins.update(state.parts));
  const current = (id: string): string | undefined => {
    const part = store.getState().partsById.get(id);
    return part?.type === "text" || part?.type === "reasoning" ? part.text : undefined;
  };
  const sending = store.getState().send("hi");
  const [connected, ...rest] = capture.events as WireEvent[];
  expect(connected?.type).toBe("server.connected");
  client.events.push(connected as WireEvent);
  await sending;
  let count = 0;
  for (const event of rest) {
    if (name === "abort" && event.type === "session.error") {
      frames.run();
      await store.getState().abort();
    }
    // Synchronous mode: the state is current before every event, so the deltas can be compared.
    if (mode === "sync") pins.before(event, current);
    client.events.push(event);
    if (mode === "frame" && ++count % every === 0) frames.run();
  }
  frames.run();
  await settle(50);
  return { store, client, statuses, stored, finished: finished, pins };
}

const isOrdered = (seen: readonly ReplyStatus[], expected: readonly ReplyStatus[]): boolean => {
  let at = 0;
  for (const status of seen) if (status === expected[at]) at += 1;
  return at === expected.length;
};

describe("reply store: capture replay (opencode 1.18.33)", () => {
  test("the captures are there", () => {
    const expected = ["hello", "reasoning", "abort", "todo", "question-reply", "tool-permission-once", "tool-permission-reject", "error-fatal400"];
    expect(NAMES).toEqual(expect.arrayContaining(expected));
  });

  describe.each(["sync", "frame"] as const)("%s", (mode) => {
    test.each(NAMES)("%s: the result equals what the server stored; one POST, one final fetch per turn", async (name) => {
      const { store, client, stored, statuses, finished } = await replay(name, mode);
      const state = store.getState();
      expect(state.result?.text).toBe(stored.text);
      expect(state.result?.reasoning).toBe(stored.reasoning);
      expect(distill(state).text).toBe(stored.text);
      expect(toolStates(state)).toEqual(stored.tools);
      expect(client.posts).toEqual([{ text: "hi" }]);
      // http-errors holds two turns (the second prompted by the capture's harness, seen on the feed).
      const turns = name === "http-errors" ? 2 : 1;
      expect(client.listCalls()).toBe(turns);
      expect(finished).toBe(turns);
      expect(isOrdered(statuses, ["idle", "connecting", "submitted", "streaming"]), statuses.join(" > ")).toBe(true);
      expect(state.watchdog.deadlineAt).toBeNull();
    });

    test.each(NAMES)("%s: at every update each streamed text is a prefix of its stored text; before the closing snapshot it equals the deltas", async (name) => {
      const { pins } = await replay(name, mode);
      expect(pins.violations).toEqual([]);
      if (mode === "sync" && !["error-fatal400", "http-errors"].includes(name)) expect(pins.closings).toBeGreaterThan(0);
    });
  });

  test.each(NAMES.filter((n) => !["error-fatal400", "http-errors"].includes(n)))("%s: connecting > submitted > streaming > idle", async (name) => {
    const { store, statuses } = await replay(name, "frame", 3);
    expect(store.getState()).toMatchObject({ status: "idle", error: null });
    expect(statuses[statuses.length - 1]).toBe("idle");
    expect(statuses.slice(0, 4)).toEqual(["idle", "connecting", "submitted", "streaming"]);
  });

  test.each(["question-reply", "tool-permission-once", "tool-permission-reject"])("%s passes through awaiting-input and back", async (name) => {
    for (const mode of ["sync", "frame"] as const) {
      const { statuses } = await replay(name, mode);
      expect(isOrdered(statuses, ["submitted", "streaming", "awaiting-input", "streaming", "idle"]), statuses.join(" > ")).toBe(true);
    }
  });

  test("error-fatal400 ends in error with a SessionError carrying the provider message", async () => {
    const { store, statuses } = await replay("error-fatal400", "frame");
    const state = store.getState();
    expect(state.status).toBe("error");
    expect(state.error).toBeInstanceOf(SessionError);
    expect(state.error).toMatchObject({ errorName: "APIError", message: "APIError: Fake bad request: this model refuses fatal400" });
    expect(statuses.slice(-2)).toEqual(["streaming", "error"]);
    expect(state.result).not.toBeNull();
  });

  test("abort ends idle with aborted, the streamed text kept, not an error", async () => {
    const { store, client } = await replay("abort", "frame");
    expect(store.getState()).toMatchObject({ status: "idle", aborted: true, error: null });
    expect(store.getState().result?.text).toBe("slow0 slow1 slow2 ");
    expect(client.aborts()).toBe(1);
  });
});
