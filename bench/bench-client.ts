/**
 * The smallest client a reply store runs on, for the benchmark: an always-ready feed whose
 * routing is the hub's rule (session id by `sessionIdOf`, `server.*` to everyone) without the
 * hub's connection machinery, and instant HTTP answers.
 */
import { resolveConfig } from "../src/core/config";
import { MalformedEventError } from "../src/core/errors";
import { decodeEvent } from "../src/core/events/decode-event";
import type { FeedDriver, FeedRun } from "../src/core/events/feed-driver";
import { createEventHub } from "../src/core/events/hub";
import { isServerEvent, sessionIdOf } from "../src/core/events/route";
import { createSseParser, type SseParser } from "../src/core/events/sse-parser";
import type { EventListener, WireEvent } from "../src/core/events/types";
import type { ReplyStoreClient } from "../src/core/reply";

/** A client plus the function that routes one decoded event to its subscribers. */
export interface BenchClient {
  readonly client: ReplyStoreClient;
  dispatch(event: WireEvent): void;
}

const none = (): void => undefined;

/** The HTTP side of a bench client: every answer at once (no messages stored, no session busy). */
const INSTANT_HTTP: Pick<ReplyStoreClient, "messages" | "sessions"> = {
  messages: {
    list: () => Promise.resolve({ items: [], nextCursor: undefined }),
    sendAsync: () => Promise.resolve(),
  },
  sessions: {
    abort: () => Promise.resolve(true),
    status: () => Promise.resolve({}),
  },
};

/** Creates the bench client. */
export function createBenchClient(): BenchClient {
  const subscribers: { listener: EventListener; sessionId: string | undefined }[] = [];
  const client: ReplyStoreClient = {
    events: {
      subscribe(listener, options) {
        const entry = { listener, sessionId: options?.sessionId };
        subscribers.push(entry);
        return () => void subscribers.splice(subscribers.indexOf(entry), 1);
      },
      ready: () => Promise.resolve(),
      onReconnect: () => none,
      onError: () => none,
      onStatus: () => none,
      status: "open",
      get subscriberCount() {
        return subscribers.length;
      },
    },
    ...INSTANT_HTTP,
  };
  const dispatch = (event: WireEvent): void => {
    const everyone = isServerEvent(event);
    const session = everyone ? undefined : sessionIdOf(event);
    for (const entry of subscribers) {
      if (everyone || entry.sessionId === undefined || entry.sessionId === session) entry.listener(event);
    }
  };
  return { client, dispatch };
}

/** A client on the real hub, plus the byte end of its (only) connection. */
export interface HubBenchClient {
  readonly client: ReplyStoreClient;
  /** One network read: the chunk goes through the parser, decodeEvent and the hub's routing. */
  push(chunk: Uint8Array): void;
  /** Closes the feed (all subscribers must be gone for the hub to drop its run). */
  close(): void;
}

/**
 * The real feed path without a socket: `createEventHub` (listener registry, readiness, status)
 * with a driver that hands the bytes to the same parser -> decodeEvent glue `connection.ts` runs
 * on each read. The driver opens one attempt when the first subscriber arrives and never ends it.
 */
export function createHubBenchClient(): HubBenchClient {
  const config = resolveConfig({ fetch: () => Promise.reject(new Error("the bench never fetches")) });
  let run: FeedRun | undefined;
  const driver: FeedDriver = (_config, feedRun) => {
    run = feedRun;
    feedRun.attempting();
    return new Promise((resolve) => feedRun.signal.addEventListener("abort", () => resolve(), { once: true }));
  };
  const hub = createEventHub(config, { driver });
  let parser: SseParser | undefined;
  const parserFor = (feedRun: FeedRun): SseParser =>
    createSseParser(
      {
        // As connection.ts `consume` does it.
        onData(data) {
          const decoded = decodeEvent(data);
          if (decoded instanceof MalformedEventError) feedRun.handlers.onProblem(decoded);
          else feedRun.handlers.onEvent(decoded);
        },
        onOversize: () => undefined,
      },
      { maxFrameBytes: config.events.maxFrameBytes },
    );
  const client: ReplyStoreClient = {
    events: hub,
    ...INSTANT_HTTP,
  };
  return {
    client,
    push(chunk) {
      if (run === undefined) throw new Error("bench: subscribe before pushing bytes (the hub opens on its first subscriber)");
      parser ??= parserFor(run);
      parser.push(chunk);
    },
    close() {
      parser?.end();
      parser = undefined;
    },
  };
}
