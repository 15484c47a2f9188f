// @vitest-environment jsdom
import { type ReactNode } from "react";
import { focusManager, onlineManager, useQuery } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { flattenMessagePages } from "../../src/react/cache/message-pages";
import { OpencodeProvider } from "../../src/react/provider";
import { liveCacheHolders } from "../../src/react/live-cache";
import { opencodeKeys } from "../../src/query/keys";
import { permissionsQueryOptions, questionsQueryOptions } from "../../src/query/query-options";
import { useHealth } from "../../src/react/use-health";
import { useLiveCache } from "../../src/react/use-live-cache";
import { useMessages } from "../../src/react/use-messages";
import { useSessionStatus } from "../../src/react/use-session-status";
import { useSession, useSessions } from "../../src/react/use-sessions";
import { useTodos } from "../../src/react/use-todos";
import { useOpencodeClient } from "../../src/react/context";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeAssistantMessage, fakePermission, fakeQuestion, fakeUserMessage } from "../support/fake-opencode-data";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

function useEverything(sessionId: string) {
  const results = {
    health: useHealth(),
    sessions: useSessions(),
    session: useSession(sessionId),
    status: useSessionStatus(),
    messages: useMessages(sessionId),
    todos: useTodos(sessionId),
  };
  // Read in render, as a component would: TanStack re-renders only for the props a render read.
  for (const result of Object.values(results)) void [result.data, result.status];
  return results;
}

function seeded() {
  const fake = createFakeOpencode();
  const session = fake.instance().addSession({ title: "seeded" });
  fake.instance().addMessages(session.id, fakeUserMessage(session.id, "hi"));
  return { fake, session, client: fakeClient(fake), queryClient: testQueryClient() };
}

const allLoaded = (r: ReturnType<typeof useEverything>) => Object.values(r).every((q) => q.isSuccess);
const liveRoutes = (id: string) => ["/session", `/session/${id}`, "/session/status", `/session/${id}/message`, `/session/${id}/todo`];

describe("live cache", () => {
  it("opens ONE feed subscription for any number of hooks, and closes it after the last unmounts", async () => {
    const { fake, session, client, queryClient } = seeded();
    const hook = renderOpencodeHook(() => useEverything(session.id), { client, queryClient });
    await waitFor(() => expect(allLoaded(hook.result.current)).toBe(true));
    await feedOpen(client);
    expect(liveCacheHolders(client, queryClient)).toBe(5); // every live hook holds it; health does not
    expect(client.events.subscriberCount).toBe(1);
    expect(fake.connects()).toBe(1);
    hook.unmount();
    await waitFor(() => expect(fake.openStreams()).toBe(0));
    expect(client.events.subscriberCount).toBe(0);
  });

  it("keeps a single connection under StrictMode", async () => {
    const { fake, session, client, queryClient } = seeded();
    // reactStrictMode, not a <StrictMode> in the wrapper: on React 19.3 only this replays the
    // effects (mount, unmount, mount), which is what the test is about.
    const wrapper = ({ children }: { children: ReactNode }) => (
      <OpencodeProvider client={client} queryClient={queryClient}>
        {children}
      </OpencodeProvider>
    );
    const { result } = renderHook(() => useSession(session.id), { wrapper, reactStrictMode: true });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await feedOpen(client);
    // StrictMode's unmount/mount settled once an event made it through to the cache.
    fake.emit({ type: "session.updated", properties: { sessionID: session.id, info: { ...session, title: "delivered" } } });
    await waitFor(() => expect(result.current.data?.title).toBe("delivered"));
    expect(fake.connects()).toBe(1);
    expect(client.events.subscriberCount).toBe(1);
    // The query itself may GET twice: its queryFn consumes TanStack's AbortSignal, so StrictMode's
    // simulated unmount cancels the first GET and the remount fetches again (TanStack's documented
    // query cancellation, development builds only). Never more than that.
    expect(fake.count("GET", `/session/${session.id}`)).toBeLessThanOrEqual(2);
  });

  it("refetches every live query once after a reconnect (the server has no replay)", async () => {
    const { fake, session, client, queryClient } = seeded();
    const hook = renderOpencodeHook(() => useEverything(session.id), { client, queryClient });
    await waitFor(() => expect(allLoaded(hook.result.current)).toBe(true));
    await feedOpen(client);
    for (const path of liveRoutes(session.id)) expect(fake.count("GET", path)).toBe(1);

    // While the feed is down the server moves on; only a refetch can tell.
    fake.instance().sessions.set(session.id, { ...session, title: "changed while away" });
    fake.closeStreams();
    await waitFor(() => expect(fake.connects()).toBe(2));
    await waitFor(() => expect(hook.result.current.session.data?.title).toBe("changed while away"));
    await waitFor(() => {
      for (const path of liveRoutes(session.id)) expect(fake.count("GET", path)).toBe(2);
    });
    expect(fake.count("GET", "/global/health")).toBe(1);
  });

  it("does not poll: nothing is refetched without events", async () => {
    const { fake, session, client, queryClient } = seeded();
    const hook = renderOpencodeHook(() => useEverything(session.id), { client, queryClient });
    await waitFor(() => expect(allLoaded(hook.result.current)).toBe(true));
    await feedOpen(client);
    const liveRequests = () => liveRoutes(session.id).map((path) => fake.count("GET", path));
    const before = liveRequests();
    // No timer can refetch a live query: none has an interval, none goes stale.
    const live = queryClient.getQueryCache().findAll({ queryKey: opencodeKeys.scope(client) }).filter((q) => q.queryKey[2] !== "health");
    expect(live).toHaveLength(5);
    for (const query of live) {
      expect(query.isStale()).toBe(false);
      for (const observer of query.observers) expect(observer.options.refetchInterval ?? false).toBe(false);
    }
    // Nor does a window focus, the network coming back, or a heartbeat: only events change the cache.
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
      onlineManager.setOnline(false);
      onlineManager.setOnline(true);
    });
    fake.emit({ type: "server.heartbeat", properties: {} });
    fake.emit({ type: "session.updated", properties: { sessionID: session.id, info: { ...session, title: "from an event" } } });
    await waitFor(() => expect(hook.result.current.session.data?.title).toBe("from an event"));
    expect(liveRequests()).toEqual(before);
    focusManager.setFocused(undefined);
  });

  it("re-syncs a scope re-mounted after a detached period, once the feed is ready", async () => {
    const { fake, session, client, queryClient } = seeded();
    const first = renderOpencodeHook(() => useSessions(), { client, queryClient });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    await feedOpen(client);
    first.unmount();
    await waitFor(() => expect(fake.openStreams()).toBe(0));
    fake.instance().sessions.set(session.id, { ...session, title: "missed" });
    const feed = fake.hold("GET", "/event");
    const second = renderOpencodeHook(() => useSessions(), { client, queryClient });
    expect(second.history[0]?.data?.[0]?.title).toBe("seeded"); // cached data shows at once
    await waitFor(() => expect(fake.count("GET", "/event")).toBe(2)); // the feed is reconnecting...
    expect(fake.count("GET", "/session")).toBe(1); // ...and nothing was refetched before it is ready
    feed.release();
    await waitFor(() => expect(second.result.current.data?.[0]?.title).toBe("missed"));
    expect(fake.count("GET", "/session")).toBe(2);
    const order = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(order.lastIndexOf("GET /session")).toBeGreaterThan(order.lastIndexOf("GET /event"));
  });

  it("applies each event once when two clients of one scope share a QueryClient", async () => {
    const { fake, session, queryClient } = seeded();
    const clientA = fakeClient(fake);
    const clientB = fakeClient(fake);
    const hookA = renderOpencodeHook(() => useMessages(session.id), { client: clientA, queryClient });
    const hookB = renderOpencodeHook(() => useMessages(session.id), { client: clientB, queryClient });
    await waitFor(() => expect(hookA.result.current.isSuccess && hookB.result.current.isSuccess).toBe(true));
    await feedOpen(clientA);
    const reply = fakeAssistantMessage(session.id, "msg_parent", "");
    fake.emit({ type: "message.updated", properties: { sessionID: session.id, info: reply.info } });
    fake.emit({ type: "message.part.updated", properties: { sessionID: session.id, part: reply.parts[0] } });
    fake.emit({ type: "message.part.delta", properties: { sessionID: session.id, messageID: reply.info.id, partID: reply.parts[0]?.id, field: "text", delta: "once" } });
    fake.emit({ type: "message.part.delta", properties: { sessionID: session.id, messageID: reply.info.id, partID: reply.parts[0]?.id, field: "text", delta: " only" } });
    // Applied twice, the text would read "onceonce only only" and never match.
    await waitFor(() => expect(flattenMessagePages(hookB.result.current.data).at(-1)?.parts[0]).toMatchObject({ text: "once only" }));
    expect(flattenMessagePages(queryClient.getQueryData(opencodeKeys.messagePages(clientA, session.id, 50))).at(-1)?.parts[0]).toMatchObject({ text: "once only" });
    expect(fake.connects()).toBe(1);
  });

  it("patches the pending questions and permissions lists", async () => {
    const { fake, session, client, queryClient } = seeded();
    const asked = fakeQuestion(session.id);
    fake.instance().questions = [asked];
    const hook = renderOpencodeHook(
      () => {
        useLiveCache();
        const opencode = useOpencodeClient();
        return { questions: useQuery(questionsQueryOptions(opencode)), permissions: useQuery(permissionsQueryOptions(opencode)) };
      },
      { client, queryClient },
    );
    await waitFor(() => expect(hook.result.current.questions.data?.map((q) => q.id)).toEqual([asked.id]));
    await feedOpen(client);

    const second = fakeQuestion(session.id);
    fake.emit({ type: "question.asked", properties: { ...second } });
    await waitFor(() => expect(hook.result.current.questions.data?.map((q) => q.id)).toEqual([asked.id, second.id]));
    fake.emit({ type: "question.replied", properties: { sessionID: session.id, requestID: asked.id, answers: [["Red"]] } });
    fake.emit({ type: "question.rejected", properties: { sessionID: session.id, requestID: second.id } });
    await waitFor(() => expect(hook.result.current.questions.data).toEqual([]));

    const permission = fakePermission(session.id);
    fake.emit({ type: "permission.asked", properties: { ...permission } });
    await waitFor(() => expect(hook.result.current.permissions.data).toEqual([permission]));
    fake.emit({ type: "permission.replied", properties: { sessionID: session.id, requestID: permission.id, reply: "once" } });
    await waitFor(() => expect(hook.result.current.permissions.data).toEqual([]));
    expect(fake.count("GET", "/question")).toBe(1);
    expect(fake.count("GET", "/permission")).toBe(1);
  });
});
