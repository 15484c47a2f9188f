/**
 * The live cache: while held, ONE subscription per (QueryClient, scope) to the client's event
 * feed patches the caches with every event, and every reconnect invalidates the scope (the
 * server never replays what was missed). Framework-free; `useLiveCache` is the React binding.
 */
import type { Query, QueryClient } from "@tanstack/react-query";
import type { OpencodeClient } from "../core/client";
import { applyEventToCache } from "./cache/apply-event";
import { opencodeKeys, scopeOf } from "../query/keys";

interface Holder {
  count: number;
  detach: (() => void) | undefined;
  /** Pending detach: StrictMode's unmount/mount (and route changes) re-hold before it fires. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** True once it was attached: a later re-attach must refetch what it missed while detached. */
  attachedBefore: boolean;
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
 * reconnects. Returns the detach function. Prefer {@link holdLiveCache}, which shares one
 * attachment between all holders.
 * @example const detach = attachLiveCache(client, queryClient)
 */
export function attachLiveCache(client: OpencodeClient, queryClient: QueryClient): () => void {
  const offEvents = client.events.subscribe((event) => applyEventToCache(queryClient, client, event));
  const offReconnect = client.events.onReconnect(() => void invalidateLiveQueries(queryClient, client));
  return () => {
    offEvents();
    offReconnect();
  };
}

/** After a detached period: refetch once the feed is ready, so nothing between fetch and feed is lost. */
function resync(client: OpencodeClient, queryClient: QueryClient, holder: Holder): void {
  const detach = holder.detach;
  client.events.ready().then(
    () => {
      if (holder.detach === detach) void invalidateLiveQueries(queryClient, client);
    },
    () => undefined, // the feed failed or closed: its own error reporting covers it
  );
}

/**
 * Holds the live cache of this client's scope in this QueryClient; reference-counted, so any
 * number of hooks share one feed subscription. The last release detaches on a 0 ms timer. A
 * re-attach after a detached period invalidates the scope once the feed is ready (events were
 * missed meanwhile); the first attach does not (the queries are fetching anyway).
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
    holder = { count: 0, detach: undefined, timer: undefined, attachedBefore: false };
    byScope.set(scopeKey, holder);
  }
  const current = holder;
  current.count += 1;
  if (current.timer !== undefined) {
    clearTimeout(current.timer);
    current.timer = undefined;
  }
  if (current.detach === undefined) {
    // Keyed by scope, not by client object: two clients of one server + directory sharing a
    // QueryClient must not apply every delta twice.
    current.detach = attachLiveCache(client, queryClient);
    if (current.attachedBefore) resync(client, queryClient, current);
    current.attachedBefore = true;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    current.count -= 1;
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
