/**
 * What the devtools record of the client's event feed: its status, how many times it
 * reconnected, and the last events with their types and sizes. Framework-free.
 */
import type { OpencodeClient } from "../core/client";
import type { FeedStatus } from "../core/events/types";

/**
 * One recorded event.
 * @example const row: FeedEventRecord = { type: "session.idle", bytes: 61, at: Date.now(), sessionId: "ses_1" };
 */
export interface FeedEventRecord {
  readonly type: string;
  /** Size of the event's JSON in UTF-8 bytes (the SSE frame's payload). */
  readonly bytes: number;
  /** Arrival (epoch ms). */
  readonly at: number;
  readonly sessionId: string | null;
}

/**
 * A snapshot of the feed.
 * @example const { status, reconnects, events } = monitor.snapshot();
 */
export interface FeedSnapshot {
  readonly status: FeedStatus;
  readonly reconnects: number;
  readonly errors: number;
  /** Newest first. */
  readonly events: readonly FeedEventRecord[];
  readonly totalEvents: number;
}

/**
 * A running record of the feed; `stop()` ends its subscription.
 * @example const monitor = monitorFeed(client, 50, () => render(monitor.snapshot()));
 */
export interface FeedMonitor {
  snapshot(): FeedSnapshot;
  stop(): void;
}

const encoder = new TextEncoder();

/**
 * Subscribes to every event of the client's feed (so it holds the connection open while it runs)
 * and keeps the newest `limit` events.
 * @example const monitor = monitorFeed(client, 50, () => setSnapshot(monitor.snapshot()));
 */
export function monitorFeed(client: OpencodeClient, limit: number, onChange: () => void): FeedMonitor {
  let events: FeedEventRecord[] = [];
  let totalEvents = 0;
  let reconnects = 0;
  let errors = 0;
  let current: FeedSnapshot | undefined;
  const changed = (): void => {
    current = undefined;
    onChange();
  };
  const offs = [
    client.events.subscribe((event) => {
      const sessionId = typeof event.properties.sessionID === "string" ? event.properties.sessionID : null;
      const bytes = encoder.encode(JSON.stringify(event)).length;
      events = [{ type: event.type, bytes, at: Date.now(), sessionId }, ...events].slice(0, limit);
      totalEvents += 1;
      changed();
    }),
    client.events.onReconnect(() => {
      reconnects += 1;
      changed();
    }),
    client.events.onError(() => {
      errors += 1;
      changed();
    }),
    client.events.onStatus(changed),
  ];
  return {
    snapshot() {
      current ??= { status: client.events.status, reconnects, errors, events, totalEvents };
      return current;
    },
    stop() {
      for (const off of offs) off();
    },
  };
}
