/**
 * Replays a real capture (fixtures/opencode-1.18.33) to the streaming hooks through the fake
 * server: the session exists, `messages.list` answers the capture's stored messages, and the
 * prompt POST is answered 204 without side effects, so the capture's own events (pushed by the
 * test after the POST) are the only ones the feed carries. Also records what the POSTs saw.
 */
import { pathToFileURL } from "node:url";
import { act } from "@testing-library/react";
import type { QueryClient } from "@tanstack/react-query";
import type { SessionStatus } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../../src/core/api";
import type { OpencodeClient } from "../../src/core/client";
import type { OpencodeClientConfig } from "../../src/core/config";
import type { FeedStatus, WireEvent } from "../../src/core/events/types";
import { createFakeOpencode, type FakeOpencode } from "./fake-opencode";
import { readCapture, type Capture } from "./read-capture";
import { fakeClient, sleep, testQueryClient } from "./render-opencode";

// From the working directory: under jsdom, import.meta.url is not a file URL.
export const FIXTURES = new URL("test/fixtures/opencode-1.18.33/", pathToFileURL(`${process.cwd()}/`));

/** A POST the wrapper answered itself. */
export interface RecordedPost {
  readonly path: string;
  readonly body: unknown;
  /** The client's feed status when the POST left: "open" means after `server.connected`. */
  readonly feed: FeedStatus;
}

/** The server of one replay. */
export interface ReplayServer {
  readonly capture: Capture;
  readonly sessionId: string;
  readonly fake: FakeOpencode;
  readonly client: OpencodeClient;
  readonly queryClient: QueryClient;
  /** prompt_async, question and permission answers, in order. */
  readonly posts: RecordedPost[];
  /** Pushes the next capture events, one per macrotask, stopping before the first `stop` matches (returned). */
  play(stop?: (event: WireEvent) => boolean): Promise<WireEvent | undefined>;
}

const ANSWER = /^\/(question\/[^/]+\/(reply|reject)|permission\/[^/]+\/reply)$/;

/** The fake server for `name`, and a client of it. */
export function replayServer(name: string, config: OpencodeClientConfig = {}): ReplayServer {
  const capture = readCapture(FIXTURES, name);
  const messages = capture.messages as MessageWithParts[];
  const sessionId = String(messages[0]?.info.sessionID);
  const fake = createFakeOpencode();
  fake.instance().addSession({ id: sessionId });
  fake.instance().messages.set(sessionId, messages);
  const posts: RecordedPost[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? "GET").toUpperCase();
    const answered = url.pathname === `/session/${sessionId}/prompt_async` || ANSWER.test(url.pathname);
    if (method !== "POST" || !answered) return fake.fetch(input, init);
    const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    // `client` is declared below: fetch only runs once it exists.
    posts.push({ path: url.pathname, body, feed: client.events.status });
    if (url.pathname.endsWith("prompt_async")) return new Response(null, { status: 204 });
    return new Response("true", { status: 200, headers: { "content-type": "application/json" } });
  };
  const client: OpencodeClient = fakeClient(fake, { fetch, ...config });
  // Everything after the capture's own server.connected (the fake's stream sends its own).
  const events = capture.events.slice(capture.events.findIndex((e) => e.type === "server.connected") + 1);
  let cursor = 0;
  const status = (event: WireEvent): void => {
    if (event.type !== "session.status" || event.properties.sessionID !== sessionId) return;
    const next = event.properties.status as SessionStatus;
    const map = { ...fake.instance().status };
    if (next.type === "idle") delete map[sessionId];
    else map[sessionId] = next;
    fake.instance().status = map;
  };
  return {
    capture,
    sessionId,
    fake,
    client,
    queryClient: testQueryClient(),
    posts,
    async play(stop) {
      while (cursor < events.length) {
        const event = events[cursor] as WireEvent;
        if (stop?.(event)) return event;
        cursor += 1;
        status(event);
        await act(async () => {
          fake.emit(event);
          await sleep(1);
        });
      }
      return undefined;
    },
  };
}

/** Consecutive distinct values (a render history of statuses, deduplicated). */
export function distinct<T>(values: readonly T[]): T[] {
  return values.filter((value, i) => i === 0 || values[i - 1] !== value);
}
