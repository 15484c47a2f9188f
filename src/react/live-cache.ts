/**
 * The live cache: while held, ONE subscription per (QueryClient, scope) to the client's event
 * feed patches the caches with every event, and every reconnect invalidates the scope (the
 * server never replays what was missed). Framework-free; `useLiveCache` is the React binding.
 */
import type { Query, QueryClient } from "@tanstack/react-query";
import type { OpencodeClient } from "../core/client";
import { applyEventToCache } from "./cache/apply-event";
import { createDeltaBuffer } from "./cache/delta-buffer";
import { opencodeKeys, scopeOf } from "../query/keys";

interface Holder {
  count: number;
  /** Holds per client object: the attachment follows a live one when the app swaps clients (A2). */
  readonly clients: Map<OpencodeClient, number>;
  /** The client the feed subscription is on. */
  client: OpencodeClient | undefined;
  detach: (() => void) | undefined;
  /** Pending detach: StrictMode's unmount/mount (and route changes) re-hold before it fires. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

const holders = new WeakMap<QueryClient, Map<string, Holder>>();

/** Health is not fed by events; everything else of the scope is. */
function isLiveQuery(query: Query): boolean {
  return query.queryKey[2] !== "health";
}

/**
 * Marks every live query of the client's scope stale and refetches the observed ones.
 * @example invalidateLiveQueries(queryClient, client)
 */
export function invalidateLiveQueries(queryClient: QueryClient, client: OpencodeClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: opencodeKeys.scope(client), predicate: isLiveQuery });
}

/**
 * Subscribes the caches to the client's feed (every event, no session filter) and to its
 * reconnects. Text deltas are folded and written at most once per frame (see delta-buffer.ts);
 * every other event is applied at once, after the buffered deltas. Returns the detach function.
 * Prefer {@link holdLiveCache}, which shares one attachment between all holders.
 * @example const detach = attachLiveCache(client, queryClient)
 */
export function attachLiveCache(client: OpencodeClient, queryClient: QueryClient): () => void {
  const buffer = createDeltaBuffer(queryClient, client);
  const offEvents = client.events.subscribe((event) => {
    if (!buffer.push(event)) applyEventToCache(queryClient, client, event);
  });
  const offReconnect = client.events.onReconnect(() => {
    buffer.flush();
    void invalidateLiveQueries(queryClient, client);
  });
  return () => {
    buffer.flush();
    buffer.dispose();
    offEvents();
    offReconnect();
  };
}

/**
 * A1: once the feed is ready after an attach, refetch what may have missed events. With the feed
 * down at attach, that is every live query loaded or loading before readiness (their GETs may
 * predate events nobody applied); with the feed already open, the queries loaded before the attach.
 */
function resync(client: OpencodeClient, queryClient: QueryClient, holder: Holder): void {
  const detach = holder.detach;
  const attachedAt = Date.now();
  const feedWasOpen = client.events.status === "open";
  client.events.ready().then(
    () => {
      if (holder.detach !== detach) return;
      void queryClient.invalidateQueries({
        queryKey: opencodeKeys.scope(client),
        predicate: (query) => {
          if (!isLiveQuery(query)) return false;
          const { dataUpdatedAt, fetchStatus } = query.state;
          if (feedWasOpen) return fetchStatus !== "fetching" && dataUpdatedAt > 0 && dataUpdatedAt < attachedAt;
          return fetchStatus === "fetching" || dataUpdatedAt > 0;
        },
      });
    },
    () => undefined, // the feed failed or closed: its own error reporting covers it
  );
}

function attach(holder: Holder, client: OpencodeClient, queryClient: QueryClient): void {
  holder.client = client;
  holder.detach = attachLiveCache(client, queryClient);
  resync(client, queryClient, holder);
}

/**
 * Holds the live cache of this client's scope in this QueryClient; reference-counted, so any
 * number of hooks share one feed subscription. The last release detaches on a 0 ms timer. Every
 * attach refetches, once the feed is ready, what was loaded before it (A1: events were missed
 * meanwhile); a client swap moves the subscription to a client still held (A2).
 * @example const release = holdLiveCache(client, queryClient); release()
 */
export function holdLiveCache(client: OpencodeClient, queryClient: QueryClient): () => void {
  let byScope = holders.get(queryClient);
  if (byScope === undefined) {
    byScope = new Map();
    holders.set(queryClient, byScope);
  }
  const scopeKey = JSON.stringify(scopeOf(client));
  let holder = byScope.get(scopeKey);
  if (holder === undefined) {
    holder = { count: 0, clients: new Map(), client: undefined, detach: undefined, timer: undefined };
    byScope.set(scopeKey, holder);
  }
  const current = holder;
  current.count += 1;
  current.clients.set(client, (current.clients.get(client) ?? 0) + 1);
  if (current.timer !== undefined) {
    clearTimeout(current.timer);
    current.timer = undefined;
  }
  if (current.detach === undefined) {
    // Keyed by scope, not by client object: two clients of one server + directory sharing a
    // QueryClient must not apply every delta twice.
    attach(current, client, queryClient);
  } else if (current.client !== undefined && !current.clients.has(current.client)) {
    // A2: the attached client was let go (the app swapped clients): move to this one.
    current.detach();
    attach(current, client, queryClient);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    current.count -= 1;
    const left = (current.clients.get(client) ?? 1) - 1;
    if (left > 0) current.clients.set(client, left);
    else current.clients.delete(client);
    // A2: the app swapped clients: move the subscription to one still held.
    const next = current.clients.keys().next().value;
    if (left === 0 && current.client === client && next !== undefined && current.detach !== undefined) {
      current.detach();
      attach(current, next, queryClient);
    }
    if (current.count > 0 || current.timer !== undefined) return;
    current.timer = setTimeout(() => {
      current.timer = undefined;
      if (current.count > 0) return;
      current.detach?.();
      current.detach = undefined;
    }, 0);
  };
}

/**
 * How many holders the live cache of this client's scope has in this QueryClient (0 when detached).
 * @example liveCacheHolders(client, queryClient) // 3
 */
export function liveCacheHolders(client: OpencodeClient, queryClient: QueryClient): number {
  return holders.get(queryClient)?.get(JSON.stringify(scopeOf(client)))?.count ?? 0;
}
