/**
 * Replays every real capture of OpenCode 1.18.33 as raw SSE BYTES, cut into small random chunks,
 * through a real event hub (HTTP, parser, decoder, session routing) into a reply store whose
 * final fetch FAILS. So nothing the server stored can paper over the stream: the store's streamed
 * state alone must equal what messages.json says the server stored for the turn.
 *
 * The capture's prompt was posted by the capture tool, not by this store: the store follows the
 * turn as one started elsewhere (it watches turns it sees on the feed; `resume: false` because
 * the session was idle when the store was created, so there is nothing to take over).
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, test } from "vitest";
import type { MessagePage } from "../../src/core/api";
import { SessionError } from "../../src/core/errors";
import { createReplyStore, distill, type ReplyStoreClient, type ReplyStoreState } from "../../src/core/reply";
import type { StoreApi } from "zustand/vanilla";
import { createFeedFixture, disposeFeedFixtures } from "../support/feed-fixture";
import { until } from "../support/sse-server";
import { captureNames, readCapture } from "../support/read-capture";
import { storedTurn, toolStates } from "../support/stored-turn";

const FIXTURES = new URL("../fixtures/opencode-1.18.33/", import.meta.url);
const NAMES = captureNames(FIXTURES);


/** A small deterministic PRNG (mulberry32): the chunking is random but a failure replays. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `bytes` into chunks of 1..max bytes (so frames, lines and UTF-8 sequences split anywhere). */
function chunks(bytes: Uint8Array, random: () => number, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * max);
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

const live: StoreApi<ReplyStoreState>[] = [];
afterEach(async () => {
  for (const store of live.splice(0)) store.getState().dispose();
  await disposeFeedFixtures();
});

interface Fed {
  store: StoreApi<ReplyStoreState>;
  stored: ReturnType<typeof storedTurn>;
  listCalls: () => number;
  posts: () => number;
  errors: Error[];
  finished: number;
}

/**
 * Serves the capture's raw bytes through a real hub into a store with a failing final fetch, and
 * waits until every turn of the capture has ended (the store tried its final fetch per turn).
 */
async function feed(name: string, seed: number, turns: number): Promise<Fed> {
  const raw = new Uint8Array(readFileSync(new URL(`${name}.sse`, FIXTURES)));
  const stored = storedTurn(readCapture(FIXTURES, name).messages);
  const fixture = await createFeedFixture();
  // The capture starts with its own server.connected frame: the server must not add one.
  fixture.server.setDefault({ connected: false });
  let lists = 0;
  let posts = 0;
  const client: ReplyStoreClient = {
    events: fixture.hub,
    messages: {
      // The final fetch fails: the streamed state is all the store has.
      async list(): Promise<MessagePage> {
        lists += 1;
        throw new Error("final fetch refused by the test");
      },
      async sendAsync() {
        posts += 1;
      },
    },
    sessions: {
      abort: async () => true,
      // Idle when the store was created (unused with resume: false, but the store may ask).
      status: async () => ({}),
    },
  };
  const errors: Error[] = [];
  let finished = 0;
  const store = createReplyStore({
    client,
    sessionId: stored.sessionId,
    throttleMs: 0,
    resume: false,
    onError: (error) => errors.push(error),
    onFinish: () => (finished += 1),
  });
  live.push(store);
  const stream = await fixture.server.stream(1);
  const random = prng(seed);
  let written = 0;
  for (const chunk of chunks(raw, random, 48)) {
    stream.write(chunk);
    // Now and then let the socket deliver, so the hub really sees the bytes in pieces.
    if (++written % 16 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await until(() => lists >= turns && finished >= turns, `${name}: ${turns} finished turn(s), ${lists} final fetch(es)`, 5000);
  return { store, stored, listCalls: () => lists, posts: () => posts, errors, finished };
}

describe("reply store: capture bytes through a real hub, final fetch failing (opencode 1.18.33)", () => {
  test("the captures are there", () => {
    const expected = ["hello", "reasoning", "abort", "todo", "question-reply", "tool-permission-once", "tool-permission-reject", "error-fatal400"];
    expect(NAMES).toEqual(expect.arrayContaining(expected));
  });

  // Two seeds: two different chunkings of the same bytes.
  describe.each([1, 7])("seed %i", (seed) => {
    test.each(NAMES)("%s: the streamed state alone equals what the server stored", async (name) => {
      // http-errors holds two turns (the second prompted by the capture's harness); storedTurn is the last.
      const turns = name === "http-errors" ? 2 : 1;
      const { store, stored, listCalls, posts, errors, finished } = await feed(name, seed, turns);
      const state = store.getState();
      expect(distill(state).text).toBe(stored.text);
      expect(distill(state).reasoning).toBe(stored.reasoning);
      expect(toolStates(state)).toEqual(stored.tools);
      // The result is the streamed reply (the merge had nothing to merge).
      expect(state.result?.text).toBe(stored.text);
      expect(state.result?.reasoning).toBe(stored.reasoning);
      // The store followed a turn started elsewhere: it posted nothing and fetched once per turn.
      expect(posts()).toBe(0);
      expect(listCalls()).toBe(turns);
      expect(finished).toBe(turns);
      // The failed final fetch is reported, and does not fail the turn.
      expect(errors.some((e) => e.message.includes("final fetch refused"))).toBe(true);
      // Both captures end in a session.error on the wire (a provider 400; an unknown model in
      // http-errors' turns), so the turn fails with the server's error; the others end idle.
      if (name === "error-fatal400" || name === "http-errors") {
        expect(state.status).toBe("error");
        expect(state.error).toBeInstanceOf(SessionError);
      } else {
        expect(state.status).toBe("idle");
        expect(state.error).toBeNull();
      }
      expect(state.watchdog.deadlineAt).toBeNull();
    });
  });
});
