/** The live cache's queries of one client, as the devtools list them. */
import type { QueryClient } from "@tanstack/react-query";
import type { OpencodeClient } from "../core/client";
import { opencodeKeys } from "../query/keys";

/**
 * One cached query.
 * @example const row: QuerySnapshot = readQueries(queryClient, client)[0];
 */
export interface QuerySnapshot {
  /** The key after the scope ("sessions", "messages ses_1"…). */
  readonly label: string;
  readonly status: string;
  readonly fetchStatus: string;
  readonly observers: number;
  readonly updatedAt: number;
  readonly stale: boolean;
}

const part = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : value === undefined || value === null ? "" : JSON.stringify(value));

/**
 * The queries of the client's scope (server + directory) in the QueryClient's cache.
 * @example readQueries(queryClient, client).filter((q) => q.fetchStatus === "fetching")
 */
export function readQueries(queryClient: QueryClient, client: OpencodeClient): QuerySnapshot[] {
  const queries = queryClient.getQueryCache().findAll({ queryKey: opencodeKeys.scope(client) });
  return queries
    .map((query) => ({
      label: query.queryKey.slice(2).map(part).filter(Boolean).join(" "),
      status: query.state.status,
      fetchStatus: query.state.fetchStatus,
      observers: query.getObserversCount(),
      updatedAt: query.state.dataUpdatedAt,
      stale: query.isStale(),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
