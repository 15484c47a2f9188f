import { useEffect } from "react";
import { useOpencodeContext } from "./context";
import { holdLiveCache } from "./live-cache";

/**
 * Keeps the caches of this provider's client live while the calling component is mounted: ONE
 * feed subscription per client scope and QueryClient however many components call it, events
 * patched into the caches with `setQueryData`, and the scope invalidated after every reconnect.
 * Every query hook of this package calls it; call it yourself when you read the caches through
 * your own `useQuery(sessionQueryOptions(...))` or `useSuspenseQuery(...)`. No polling anywhere:
 * the live queries use `staleTime: Infinity` and rely on this.
 * @example
 * function Chat({ id }: { id: string }) {
 *   useLiveCache();
 *   const { data } = useSuspenseQuery(sessionQueryOptions(useOpencodeClient(), id));
 *   return <h1>{data.title}</h1>;
 * }
 */
export function useLiveCache(options: { enabled?: boolean } = {}): void {
  const { client, queryClient } = useOpencodeContext();
  const enabled = options.enabled ?? true;
  useEffect(() => (enabled ? holdLiveCache(client, queryClient) : undefined), [client, queryClient, enabled]);
}
