import type { ResolvedConfig } from "../config";
import { createServerFeed, type ServerFeedOptions } from "./server-feed";
import type { LiveEventHub } from "./types";

/** Test seams of {@link createEventHub}; applications never need them. */
export type EventHubOptions = ServerFeedOptions;

/**
 * Creates the shared event feed of one client directory (`config.directory`): a hub opened by the
 * first subscriber and closed when the last one leaves (on a 0 ms timer, so React StrictMode's
 * mount/unmount/mount keeps a single connection). With a directory it rides ONE `/global/event`
 * connection per server (falling back to `/event` where that is missing or refused); without one
 * it opens `/event`. Reconnects after a close, a network drop or `livenessTimeoutMs` of silence,
 * with capped exponential backoff reset by `server.connected`; a 401 is fatal (`unauthorized`), an
 * HTML page or another 4xx too (`unsupported`), until `restart()`. Events that arrive before
 * `server.connected` are delivered too: readiness is a separate signal (`ready()`), and whoever
 * must not act on them (the prompt handshake) waits for it. Listener errors go to `onError`.
 * @example
 * const hub = createEventHub(resolveConfig({ baseUrl, password }))
 * const off = hub.subscribe((event) => console.log(event.type), { sessionId: "ses_1" })
 * await hub.ready()
 */
export function createEventHub(config: ResolvedConfig, options: EventHubOptions = {}): LiveEventHub {
  return createServerFeed(config, options).hub(config.directory);
}
