/**
 * The smallest client a reply store runs on, for the benchmark: an always-ready feed whose
 * routing is the hub's rule (session id by `sessionIdOf`, `server.*` to everyone) without the
 * hub's connection machinery, and instant HTTP answers.
 */
import { isServerEvent, sessionIdOf } from "../src/core/events/route";
import type { EventListener, WireEvent } from "../src/core/events/types";
import type { ReplyStoreClient } from "../src/core/reply";

/** A client plus the function that routes one decoded event to its subscribers. */
export interface BenchClient {
  readonly client: ReplyStoreClient;
  dispatch(event: WireEvent): void;
}

const none = (): void => undefined;

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
    messages: {
      list: () => Promise.resolve({ items: [], nextCursor: undefined }),
      sendAsync: () => Promise.resolve(),
    },
    sessions: {
      abort: () => Promise.resolve(true),
      status: () => Promise.resolve({}),
    },
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
