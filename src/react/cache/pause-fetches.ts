/** Fetch handling around an optimistic update (TanStack's recipe, minus its pitfall). */
import type { QueryClient, QueryFilters, QueryKey } from "@tanstack/react-query";

/**
 * Cancels the running refetches of the matching queries, so a response that left the server
 * before the mutation cannot overwrite the optimistic patch. Only queries that already have
 * data are cancelled: cancelling a first fetch would leave its observers pending with nothing
 * to refetch them. Returns `resume`, which refetches what was cancelled (call it on settle).
 * @example const resume = await pauseFetches(queryClient, [{ queryKey: opencodeKeys.sessionLists(client) }])
 */
export async function pauseFetches(queryClient: QueryClient, filters: QueryFilters[]): Promise<() => void> {
  const cancelled: QueryKey[] = [];
  for (const filter of filters) {
    for (const query of queryClient.getQueryCache().findAll(filter)) {
      if (query.state.fetchStatus === "fetching" && query.state.data !== undefined) cancelled.push(query.queryKey);
    }
  }
  await Promise.all(cancelled.map((queryKey) => queryClient.cancelQueries({ queryKey, exact: true })));
  return () => {
    for (const queryKey of cancelled) void queryClient.invalidateQueries({ queryKey, exact: true });
  };
}
