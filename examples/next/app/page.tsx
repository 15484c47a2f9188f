/**
 * A server component: prefetches the session list and the session's messages with the password
 * on the server, then hands the cache to the browser through HydrationBoundary.
 */
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { messagesInfiniteQueryOptions, sessionsQueryOptions } from "opencode-react/query";
import { Chat } from "./chat";
import { serverClient } from "./server-client";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ session?: string }> }) {
  const client = await serverClient();
  const queryClient = new QueryClient();
  // A first visit gets a session to chat in.
  if ((await client.sessions.list()).length === 0) await client.sessions.create({ title: "Next.js chat" });
  const sessions = await queryClient.fetchQuery(sessionsQueryOptions(client));
  const wanted = (await searchParams).session;
  const session = sessions.find((s) => s.id === wanted) ?? sessions[0]!;
  await queryClient.prefetchInfiniteQuery(messagesInfiniteQueryOptions(client, session.id));
  return (
    <main>
      <h1>opencode-react on Next.js</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Chat sessionId={session.id} />
      </HydrationBoundary>
    </main>
  );
}
