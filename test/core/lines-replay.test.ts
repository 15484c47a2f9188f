/**
 * Replays the captures of every certified server line (test/fixtures/opencode-<version>/, recorded
 * with test/harness/record-captures.ts) through the parser, the routing, the reducer and the reply
 * store: each line's turns must end where that server's storage says they ended. The wire
 * differences between lines (api.md section 6) are what this pins: no event ids and no top-level
 * `sessionID` before 1.3.3, three `session.idle` on an abort in 1.2, and so on.
 */
import { afterEach, describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import type { StoreApi } from "zustand/vanilla";
import { COMPAT_LINES } from "../harness/opencode-lines.mjs";
import { decodeEvent } from "../../src/core/events/decode-event";
import { sessionIdOf } from "../../src/core/events/route";
import type { WireEvent } from "../../src/core/events/types";
import { MalformedEventError, SessionError } from "../../src/core/errors";
import { createReplyStore, distill, initialReplyState, reconcileTurn, reduceAll, type ReplyStatus, type ReplyStoreState, type WireMessage } from "../../src/core/reply";
import { createFakeReplyClient, settle } from "../support/fake-reply-client";
import { readCapture } from "../support/read-capture";
import { renderTypes } from "../support/render-types";
import { feed, splitEvery } from "../support/sse-feed";
import { replyToolStates, storedTurn, toolStates } from "../support/stored-turn";

/** The scenarios recorded for every line. */
const SCENARIOS = ["hello", "tool-permission-once", "question-reply", "abort", "retry-flaky500", "error-fatal400"] as const;
const SESSION_SCOPED = /^(session|message|todo|question|permission)\./;
const HELLO_TEXT = "Hello there! I am a fake model.";

const dirOf = (version: string): URL => new URL(`../fixtures/opencode-${version}/`, import.meta.url);
const jsonOf = (version: string, file: string): unknown => JSON.parse(readFileSync(new URL(file, dirOf(version)), "utf8"));

/** Frames of a capture through the real parser (whole and byte by byte must agree), decoded. */
function parsed(version: string, name: string): WireEvent[] {
  const bytes = new Uint8Array(readFileSync(new URL(`${name}.sse`, dirOf(version))));
  const whole = feed([bytes]);
  expect(feed(splitEvery(bytes, 1))).toEqual(whole);
  return whole.data.map((data) => {
    const event = decodeEvent(data);
    if (event instanceof MalformedEventError) throw event;
    return event;
  });
}

const isOrdered = (seen: readonly ReplyStatus[], expected: readonly ReplyStatus[]): boolean => {
  let at = 0;
  for (const status of seen) if (status === expected[at]) at += 1;
  return at === expected.length;
};

const live: StoreApi<ReplyStoreState>[] = [];
afterEach(() => {
  for (const store of live.splice(0)) store.getState().dispose();
});

/** send(), the capture's events in order (abort() where the user aborted), then the final fetch. */
async function replayStore(version: string, name: string) {
  const capture = readCapture(dirOf(version), name);
  const stored = storedTurn(capture.messages);
  const client = createFakeReplyClient(capture.messages);
  const finished = { count: 0 };
  const store = createReplyStore({ client, sessionId: stored.sessionId, throttleMs: 0, onFinish: () => void finished.count++ });
  live.push(store);
  const statuses: ReplyStatus[] = [store.getState().status];
  store.subscribe((s) => statuses[statuses.length - 1] !== s.status && statuses.push(s.status));
  const sending = store.getState().send("hi");
  const [connected, ...rest] = capture.events;
  client.events.push(connected as WireEvent);
  await sending;
  let aborted = false;
  for (const event of rest) {
    // The user aborted before the server's MessageAbortedError (1.2 sends an idle before it too).
    if (name === "abort" && !aborted && (event.type === "session.error" || event.type === "session.idle")) {
      aborted = true;
      await store.getState().abort();
    }
    client.events.push(event);
  }
  await settle(50);
  return { store, client, stored, statuses, finished };
}

describe.each(COMPAT_LINES.map((l) => [l.line, l.version] as const))("opencode %s (%s) captures", (line, version) => {
  const created = (events: readonly WireEvent[]): string | undefined => events.filter((e) => e.type === "session.created").map(sessionIdOf)[0];

  describe.each(SCENARIOS)("%s", (name) => {
    test("parses identically whole and byte by byte, decodes, and its types match the .types.txt", () => {
      const events = parsed(version, name);
      expect(events[0]?.type).toBe("server.connected");
      expect(renderTypes(events)).toBe(readFileSync(new URL(`${name}.types.txt`, dirOf(version)), "utf8"));
    });

    test("every session-scoped event routes to the capture's session (top-level sessionID or not)", () => {
      const events = parsed(version, name);
      const id = created(events);
      expect(id).toMatch(/^ses_/);
      for (const event of events) {
        if (SESSION_SCOPED.test(event.type)) expect(sessionIdOf(event), event.type).toBe(id);
        else if (!event.type.startsWith("server.")) expect(sessionIdOf(event), event.type).toBeUndefined();
      }
    });

    test("the reducer folds the stream into what the server stored, and the turn ended", () => {
      const capture = readCapture(dirOf(version), name);
      const stored = storedTurn(capture.messages);
      const state = reduceAll(initialReplyState(stored.sessionId), capture.events.filter((e) => sessionIdOf(e) === stored.sessionId), 1_000);
      // 1.2 does not store the streamed text of an aborted turn (its stored text part is ""): the
      // live fold shows what streamed, the reconciled result what the server kept.
      const streamedOnly = name === "abort" && line === "1.2";
      expect(distill(state).text).toBe(streamedOnly ? "slow0 slow1 slow2 " : stored.text);
      expect(replyToolStates(state)).toEqual(stored.tools);
      expect(state.turn).toBe("done");
      expect(state.questions).toEqual({});
      expect(state.permissions).toEqual({});
      const merged = reconcileTurn(state, capture.messages as WireMessage[]);
      expect(distill(merged).text).toBe(stored.text);
      expect(distill(merged).parts.filter((p) => p.type === "text").map((p) => p.id)).toEqual(stored.textPartIds);
    });

    test("the reply store ends with the stored result after one POST and one final fetch", async () => {
      const { store, client, stored, statuses } = await replayStore(version, name);
      const state = store.getState();
      expect(state.result?.text).toBe(stored.text);
      expect(toolStates(state)).toEqual(stored.tools);
      expect(client.posts).toEqual([{ text: "hi" }]);
      expect(client.listCalls()).toBe(1);
      expect(isOrdered(statuses, ["idle", "connecting", "submitted", "streaming"]), statuses.join(" > ")).toBe(true);
      expect(state.watchdog.deadlineAt).toBeNull();
    });
  });

  test("hello streamed the scripted text", () => {
    expect(storedTurn(readCapture(dirOf(version), "hello").messages).text).toBe(HELLO_TEXT);
  });

  test("event ids: present from 1.14.34, absent before", () => {
    const ids = parsed(version, "hello").map((e) => e.id);
    const hasIds = line !== "1.2";
    expect(ids.every((id) => (hasIds ? typeof id === "string" && id !== "" : id === undefined))).toBe(true);
  });

  test("tool-permission-once: the store waits for input, then the tool completes with its output", async () => {
    const { store, statuses } = await replayStore(version, "tool-permission-once");
    expect(isOrdered(statuses, ["streaming", "awaiting-input", "streaming", "idle"]), statuses.join(" > ")).toBe(true);
    expect(toolStates(store.getState())).toEqual([["bash", "completed", "hi\n"]]);
    expect(jsonOf(version, "tool-permission-once.permission-reply.json")).toMatchObject({ status: 200, body: true });
  });

  test("question-reply: the question was answered with Red and the store went through awaiting-input", async () => {
    const { store, statuses } = await replayStore(version, "question-reply");
    expect(isOrdered(statuses, ["streaming", "awaiting-input", "streaming", "idle"]), statuses.join(" > ")).toBe(true);
    expect(store.getState().questions).toEqual({});
    expect(JSON.stringify(store.getState().result?.toolParts)).toContain("Red");
  });

  test("abort: aborted, not an error, the stored text kept, the turn ended once", async () => {
    const { store, client, stored, finished } = await replayStore(version, "abort");
    expect(store.getState()).toMatchObject({ status: "idle", aborted: true, error: null });
    expect(store.getState().result?.text).toBe(stored.text);
    // From 1.14 the server stores what streamed before the abort; 1.2 stores an empty text part.
    expect(stored.text).toMatch(line === "1.2" ? /^$/ : /^slow0 slow1 slow2 /);
    expect(client.aborts()).toBe(1);
    expect(finished.count).toBe(1);
  });

  test("retry-flaky500: two retry statuses, then the text; not an error", async () => {
    const events = parsed(version, "retry-flaky500");
    expect(events.filter((e) => e.type === "session.status" && (e.properties.status as { type?: string }).type === "retry")).toHaveLength(2);
    const { store } = await replayStore(version, "retry-flaky500");
    expect(store.getState()).toMatchObject({ status: "idle", error: null });
    expect(store.getState().result?.text).not.toBe("");
  });

  test("error-fatal400: the provider error ends the turn as a SessionError", async () => {
    const { store } = await replayStore(version, "error-fatal400");
    expect(store.getState().status).toBe("error");
    expect(store.getState().error).toBeInstanceOf(SessionError);
    expect(store.getState().error).toMatchObject({ errorName: "APIError", message: expect.stringContaining("fatal400") });
  });
});

describe("opencode 1.2: session.idle comes before the MessageAbortedError", () => {
  test("abort-marked-late-on-1.2: a turn the user aborted ends aborted even when idle and the final fetch beat the server's abort error", async () => {
    const capture = readCapture(dirOf("1.2.27"), "abort");
    const stored = storedTurn(capture.messages);
    const client = createFakeReplyClient(capture.messages);
    const finishes: boolean[] = [];
    const store = createReplyStore({ client, sessionId: stored.sessionId, throttleMs: 0, onFinish: (_result, info) => finishes.push(info.aborted) });
    live.push(store);
    const [connected, ...rest] = capture.events;
    const sending = store.getState().send("hi");
    client.events.push(connected as WireEvent);
    await sending;
    const firstIdle = rest.findIndex((e) => e.type === "session.idle");
    expect(rest.slice(firstIdle).some((e) => e.type === "session.error")).toBe(true);
    for (const event of rest.slice(0, firstIdle)) client.events.push(event);
    // The user presses stop; the server's idle arrives while the abort request is in flight.
    const aborting = store.getState().abort();
    client.events.push(rest[firstIdle] as WireEvent);
    await settle(50);
    await aborting;
    for (const event of rest.slice(firstIdle + 1)) client.events.push(event);
    await settle(50);
    expect(store.getState()).toMatchObject({ status: "idle", aborted: true, error: null });
    expect(finishes).toEqual([true]);
  });
});
