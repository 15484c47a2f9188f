/** The devtools' data, live: the feed record, the reply stores and the cache's queries, plus a 1 s clock. */
import { useEffect, useReducer, useState } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { OpencodeClient } from "../core/client";
import { monitorFeed, type FeedMonitor, type FeedSnapshot } from "./feed-monitor";
import { readQueries, type QuerySnapshot } from "./read-queries";
import { readStores, watchStores, type StoreSnapshot } from "./read-stores";

/**
 * Everything the panel shows, read at render.
 * @example const { feed, stores, queries, now } = useDevtoolsData(client, queryClient, 50, true);
 */
export interface DevtoolsData {
  readonly feed: FeedSnapshot;
  readonly stores: readonly StoreSnapshot[];
  readonly queries: readonly QuerySnapshot[];
  /** The render's clock (ticks every second while the panel is open, for the countdowns). */
  readonly now: number;
}

/**
 * Records the feed from mount (so the panel shows what came before it was opened); re-renders on
 * every change, at most once per animation frame, and once a second while `open`.
 * @example const data = useDevtoolsData(client, queryClient, 50, open);
 */
export function useDevtoolsData(client: OpencodeClient, queryClient: QueryClient, maxEvents: number, open: boolean): DevtoolsData {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const [monitor, setMonitor] = useState<FeedMonitor | null>(null);
  useEffect(() => {
    let frame: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      frame ??= setTimeout(() => {
        frame = undefined;
        bump();
      }, 16);
    };
    const feed = monitorFeed(client, maxEvents, schedule);
    setMonitor(feed);
    const offStores = watchStores(client, schedule);
    const offQueries = queryClient.getQueryCache().subscribe(schedule);
    return () => {
      if (frame !== undefined) clearTimeout(frame);
      feed.stop();
      offStores();
      offQueries();
    };
  }, [client, queryClient, maxEvents]);
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(bump, 1000);
    return () => clearInterval(timer);
  }, [open]);
  const feed = monitor?.snapshot() ?? { status: client.events.status, reconnects: 0, errors: 0, events: [], totalEvents: 0 };
  return { feed, stores: open ? readStores(client) : [], queries: open ? readQueries(queryClient, client) : [], now: Date.now() };
}
