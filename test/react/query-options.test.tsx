// @vitest-environment jsdom
/**
 * The `*QueryOptions` helpers outside the hooks (prefetching, useSuspenseQuery), and the retry
 * policy the hooks and helpers share: up to 3 retries of a 5xx or a network failure, none of a 4xx.
 */
import { Suspense } from "react";
import { QueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NotFoundError, ServerError } from "../../src/core/errors";
import { flattenMessagePages } from "../../src/react/cache/message-pages";
import { messagesInfiniteQueryOptions } from "../../src/query/messages-query-options";
import { retryUnlessClientError, sessionQueryOptions, sessionsQueryOptions } from "../../src/query/query-options";
import { useMessages } from "../../src/react/use-messages";
import { useSession, useSessions } from "../../src/react/use-sessions";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeUserMessage } from "../support/fake-opencode-data";
import { fakeClient, opencodeWrapper, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

function seeded() {
  const fake = createFakeOpencode();
  const session = fake.instance().addSession({ title: "seeded" });
  fake.instance().addMessages(session.id, fakeUserMessage(session.id, "hi"));
  return { fake, session, client: fakeClient(fake) };
}

describe("*QueryOptions", () => {
  it("prefetched data is what the hooks render first; each query is re-synced once after the feed is ready (A1), no more", async () => {
    const { fake, session, client } = seeded();
    const queryClient = testQueryClient();
    await queryClient.prefetchQuery(sessionsQueryOptions(client));
    await queryClient.prefetchQuery(sessionQueryOptions(client, session.id));
    await queryClient.prefetchInfiniteQuery(messagesInfiniteQueryOptions(client, session.id));
    const hook = renderOpencodeHook(() => ({ list: useSessions(), detail: useSession(session.id), messages: useMessages(session.id) }), {
      client,
      queryClient,
    });
    const first = hook.history[0];
    expect(first?.list.data?.map((s) => s.id)).toEqual([session.id]);
    expect(first?.detail.data?.title).toBe("seeded");
    expect(flattenMessagePages(first?.messages.data).map((m) => m.info.role)).toEqual(["user"]);
    await waitFor(() => expect(client.events.status).toBe("open")); // mounted and live
    // The prefetch ran before the feed was ready, so each query is fetched once more after it (A1).
    const counts = () => [fake.count("GET", "/session"), fake.count("GET", `/session/${session.id}`), fake.count("GET", `/session/${session.id}/message`)];
    await waitFor(() => expect(counts()).toEqual([2, 2, 2]));
  });

  it("works with useSuspenseQuery: the fallback, then the data", async () => {
    const { session, client } = seeded();
    function Title() {
      const { data } = useSuspenseQuery(sessionQueryOptions(client, session.id));
      return <p>title: {data.title}</p>;
    }
    const Wrapper = opencodeWrapper(client, testQueryClient());
    render(
      <Wrapper>
        <Suspense fallback={<p>loading</p>}>
          <Title />
        </Suspense>
      </Wrapper>,
    );
    expect(screen.getByText("loading")).toBeTruthy();
    expect(await screen.findByText("title: seeded")).toBeTruthy();
  });
});

describe("retry policy", () => {
  /** No retry option here, so the hooks' own policy applies; no delay, so retries take no time. */
  const retryingQueryClient = () => new QueryClient({ defaultOptions: { queries: { retryDelay: 0, gcTime: Number.POSITIVE_INFINITY } } });

  it("retries a 5xx up to 3 times: the 4th answer counts", async () => {
    const { fake, session, client } = seeded();
    for (let i = 0; i < 3; i += 1) fake.failNext("GET", `/session/${session.id}`, 503);
    const hook = renderOpencodeHook(() => useSession(session.id), { client, queryClient: retryingQueryClient() });
    await waitFor(() => expect(hook.result.current.data?.title).toBe("seeded"));
    expect(fake.count("GET", `/session/${session.id}`)).toBe(4);
  });

  it("gives up after 3 retries of a 5xx with a ServerError", async () => {
    const { fake, client } = seeded();
    for (let i = 0; i < 5; i += 1) fake.failNext("GET", "/session", 500);
    const hook = renderOpencodeHook(() => useSessions(), { client, queryClient: retryingQueryClient() });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(ServerError));
    expect(fake.count("GET", "/session")).toBe(4);
  });

  it("does not retry a 4xx", async () => {
    const { fake, client } = seeded();
    const hook = renderOpencodeHook(() => useSession("ses_missing"), { client, queryClient: retryingQueryClient() });
    await waitFor(() => expect(hook.result.current.error).toBeInstanceOf(NotFoundError));
    expect(fake.count("GET", "/session/ses_missing")).toBe(1);
  });

  it("leaves retries to the QueryClient in the QueryOptions helpers (prefetching follows the app's defaults)", async () => {
    const { fake, client } = seeded();
    for (let i = 0; i < 5; i += 1) fake.failNext("GET", "/session", 502);
    await expect(retryingQueryClient().fetchQuery(sessionsQueryOptions(client))).rejects.toBeInstanceOf(ServerError);
    expect(fake.count("GET", "/session")).toBe(1); // fetchQuery's own default: no retry
    const withPolicy = new QueryClient({ defaultOptions: { queries: { retry: retryUnlessClientError, retryDelay: 0 } } });
    await expect(withPolicy.fetchQuery(sessionsQueryOptions(client))).rejects.toBeInstanceOf(ServerError);
    expect(fake.count("GET", "/session")).toBe(5); // 1 + 3 retries, the hooks' policy
  });
});
