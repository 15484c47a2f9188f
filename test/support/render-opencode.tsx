/**
 * Hook-test helpers: a client on the fake server with a fast reconnect, a QueryClient without
 * retries, and `renderOpencodeHook`, which records every result the hook rendered (TanStack's
 * render-history style) so tests can assert the states a component went through.
 */
import type { ReactNode } from "react";
import { QueryClient } from "@tanstack/react-query";
import { renderHook, waitFor, type RenderHookResult } from "@testing-library/react";
import { expect } from "vitest";
import { createOpencodeClient, type OpencodeClient } from "../../src/core/client";
import type { OpencodeClientConfig } from "../../src/core/config";
import { OpencodeProvider } from "../../src/react/provider";
import type { FakeOpencode } from "./fake-opencode";

/** A client of the fake server; reconnects after a few ms instead of 250 ms. */
export function fakeClient(fake: FakeOpencode, config: OpencodeClientConfig = {}): OpencodeClient {
  return createOpencodeClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, events: { backoffInitialMs: 2, backoffMaxMs: 10 }, ...config });
}

/** A QueryClient for one test: no retries, no garbage collection while the test runs. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } } });
}

/** A wrapper providing the client and QueryClient. */
export function opencodeWrapper(client: OpencodeClient, queryClient: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <OpencodeProvider client={client} queryClient={queryClient}>
        {children}
      </OpencodeProvider>
    );
  };
}

/** renderHook's result plus every value the hook returned, render by render. */
export interface RecordedHook<TResult, TProps> extends RenderHookResult<TResult, TProps> {
  history: TResult[];
}

/**
 * Renders a hook inside an OpencodeProvider and records each result.
 * @example const { result, history } = renderOpencodeHook(() => useSession(id), { client, queryClient })
 */
export function renderOpencodeHook<TResult, TProps = undefined>(
  hook: (props: TProps) => TResult,
  options: { client: OpencodeClient; queryClient: QueryClient; initialProps?: TProps },
): RecordedHook<TResult, TProps> {
  const history: TResult[] = [];
  const rendered = renderHook(
    (props: TProps) => {
      const value = hook(props);
      history.push(value);
      return value;
    },
    { wrapper: opencodeWrapper(options.client, options.queryClient), initialProps: options.initialProps as TProps },
  );
  return { ...rendered, history };
}

/** Waits until the client's feed is open (its `/event` stream saw server.connected). */
export async function feedOpen(client: OpencodeClient): Promise<void> {
  await waitFor(() => expect(client.events.status).toBe("open"));
}

/** Resolves after `ms` of real time (to show that nothing happens meanwhile). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
