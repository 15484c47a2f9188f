import { QueryClient } from "@tanstack/react-query";

/**
 * A QueryClient for tests and stories: no retries (a failed request shows its error at once), no
 * refetch on window focus or reconnect, and no garbage-collection timer left running after the
 * test. The hooks' own per-query settings (live queries never go stale) still apply.
 * @example
 * const queryClient = createTestQueryClient();
 * render(<OpencodeProvider client={fake.client} queryClient={queryClient}><Chat /></OpencodeProvider>);
 */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}
