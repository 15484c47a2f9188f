/**
 * Our query defaults give way to the user's: `retry` (and, for the event-fed queries, `staleTime`)
 * are set only where neither the hook's options nor the QueryClient's defaults (global or
 * `setQueryDefaults` for the key) say anything. So the documented test recipe
 * `new QueryClient({ defaultOptions: { queries: { retry: false } } })` shows a one-shot 500 at once.
 */
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { LIVE_STALE_TIME, retryUnlessClientError } from "../query/query-options";

interface Defaultable {
  retry?: unknown;
  staleTime?: unknown;
}

/**
 * The options with our retry policy (and `staleTime: Infinity` when `live`) filled in where the
 * caller and the QueryClient's defaults set nothing.
 * @example useQuery(withOurDefaults(queryClient, { ...options, queryKey, queryFn }, true), queryClient)
 */
export function withOurDefaults<T extends Defaultable & { queryKey: QueryKey }>(queryClient: QueryClient, options: T, live: boolean): T {
  const defaults = queryClient.defaultQueryOptions({ queryKey: options.queryKey }) as Defaultable;
  const filled = { ...options };
  if (options.retry === undefined && defaults.retry === undefined) filled.retry = retryUnlessClientError;
  if (live && options.staleTime === undefined && defaults.staleTime === undefined) filled.staleTime = LIVE_STALE_TIME;
  return filled;
}
