import { QueryClient } from "@tanstack/react-query";

/**
 * A QueryClient for tests and stories: no retries (a refused request shows its error at once,
 * even for the hooks, whose own policy retries server errors with backoff), no refetch on window
 * focus or reconnect, and no garbage-collection timer left running after the test.
 * @example
 * const queryClient = createTestQueryClient();
 * render(<OpencodeProvider client={fake.client} queryClient={queryClient}><Chat /></OpencodeProvider>);
 */
export function createTestQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
  // A query's own `retry` wins over the defaults; this is the one place that sees every query's
  // final options, so "never retry" is set here.
  const defaulted = queryClient.defaultQueryOptions.bind(queryClient);
  queryClient.defaultQueryOptions = ((options: Parameters<typeof defaulted>[0]) => ({ ...defaulted(options), retry: false })) as QueryClient["defaultQueryOptions"];
  return queryClient;
}
