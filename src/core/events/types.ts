import type { Event as SdkEvent } from "@opencode-ai/sdk/v2";

/**
 * `server.heartbeat`: sent every 10 s by current servers; not in the SDK's Event union.
 * @example const beat: ServerHeartbeatEvent = { type: "server.heartbeat", properties: {} };
 */
export interface ServerHeartbeatEvent {
  type: "server.heartbeat";
  properties: Record<string, never>;
  id?: string;
}

/**
 * One event of the `/event` feed: the SDK's `Event` union plus `server.heartbeat`. Servers add
 * types and fields often; the feed passes unknown types through unchanged, so read `properties`
 * defensively (the reducers do).
 * @example function onEvent(event: OpencodeEvent) { if (event.type === "session.idle") console.log(event.properties.sessionID); }
 */
export type OpencodeEvent = SdkEvent | ServerHeartbeatEvent;

/**
 * The decoded frame as it came off the wire: a JSON object with a string `type`.
 * @example const event: WireEvent = { type: "session.idle", properties: { sessionID: "ses_1" } };
 */
export interface WireEvent {
  type: string;
  properties: Record<string, unknown>;
  id?: string;
}

/**
 * Called with every event a subscription receives, in feed order.
 * @example
 * const log: EventListener = (event) => console.log(event.type);
 * const off = client.events.subscribe(log);
 */
export type EventListener = (event: WireEvent) => void;

/**
 * Connection state of the shared feed. `reconnecting`: waiting for the next attempt (see
 * `nextAttemptAt`); `offline`: the same while the browser says it is offline (retried as soon as
 * it is back); `unauthorized`: the password was refused (no retry until `restart()`);
 * `unsupported`: the server answered something that is not an event stream (an HTML page, a 4xx):
 * retried on `restart()`, when the page becomes visible or the browser comes back online.
 * @example client.events.onStatus((status: FeedStatus) => setOnline(status === "open"));
 */
export type FeedStatus = "idle" | "connecting" | "open" | "reconnecting" | "offline" | "unauthorized" | "unsupported" | "closed";

/**
 * The stream serving a hub: one `/global/event` connection shared by every directory of the
 * server, or one `/event` connection for this directory (the fallback where `/global/event` is
 * missing or refused, and always for a client without a directory).
 * @example if (client.events.transport === "directory") console.info("one connection per directory");
 */
export type FeedTransport = "global" | "directory";

/**
 * What `onReconnect` listeners receive: the feed is open again and events may have been missed.
 * @example client.events.onReconnect((info: ReconnectInfo) => console.log("reconnected, connection", info.connection));
 */
export interface ReconnectInfo {
  /** How many connections this feed has opened so far (2 on the first reconnect). */
  connection: number;
}

/**
 * Options of `events.subscribe`.
 * @example
 * const options: SubscribeOptions = { sessionId: "ses_1" };
 * const off = client.events.subscribe((e) => console.log(e.type), options);
 */
export interface SubscribeOptions {
  /** Only events of this session (plus `server.*`); omit for every event. */
  sessionId?: string;
}

/**
 * The shared, reference-counted event feed of one client directory (its events ride one
 * `/global/event` connection per server, or its own `/event` where that is missing), opened by the
 * first subscriber and closed when the last leaves.
 * @example const off = client.events.subscribe((e) => console.log(e.type), { sessionId })
 */
export interface EventHub {
  /** Registers a listener; the first one opens the connection. Returns the unsubscribe function. */
  subscribe(listener: EventListener, options?: SubscribeOptions): () => void;
  /** Resolves once the current connection has seen `server.connected`; rejects on a fatal feed error or abort. */
  ready(options?: { signal?: AbortSignal }): Promise<void>;
  /** Called after every reconnect (never on the first connection): re-fetch, the server never replays. */
  onReconnect(listener: (info: ReconnectInfo) => void): () => void;
  /** Called with every reported problem: dropped frames, malformed data, failed attempts, fatal errors. */
  onError(listener: (error: Error) => void): () => void;
  /** Called when the connection state changes. */
  onStatus(listener: (status: FeedStatus) => void): () => void;
  /** Current connection state. */
  readonly status: FeedStatus;
  /** Number of live subscriptions. */
  readonly subscriberCount: number;
}

/**
 * The hub of a client (`client.events`): an {@link EventHub} that can also be restarted, scoped
 * to another directory of the same server and disposed.
 * @example
 * client.events.onStatus((status) => status === "unsupported" && showRetry(() => client.events.restart()));
 */
export interface LiveEventHub extends EventHub {
  /**
   * Reconnects now with a fresh backoff, also after a fatal failure (`unauthorized`,
   * `unsupported`); pending `ready()` waiters keep waiting for the new connection.
   */
  restart(): void;
  /** Readiness is stale (a request failed on the network): reconnect now and re-sync after. */
  markStale(): void;
  /** Closes every connection and timer of the server feed for good; later subscriptions stay inert. */
  dispose(): void;
  /** The stream serving this hub now (undefined before the first attempt). */
  readonly transport: FeedTransport | undefined;
  /** While `reconnecting` or `offline`: when the next attempt starts (epoch ms). */
  readonly nextAttemptAt: number | undefined;
  /** The failure behind the current status (`unauthorized`, `unsupported`, `reconnecting`, `offline`). */
  readonly lastError: Error | undefined;
  /** The directory this hub serves (undefined: the server's default directory, over `/event`). */
  readonly directory: string | undefined;
}
