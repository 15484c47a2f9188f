// @vitest-environment jsdom
/**
 * The live cache's review defects, each pinned by a test named after it, and the frame-folded
 * text deltas of the history cache.
 */
import { act, render, waitFor } from "@testing-library/react";
import type { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { flattenMessagePages } from "../../src/react/cache/message-pages";
import { OpencodeProvider } from "../../src/react/provider";
import { useMessages } from "../../src/react/use-messages";
import { useSession } from "../../src/react/use-sessions";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";
import { sessionEvents } from "../support/stream-events";

describe("live cache: history writes", () => {
  it("folds a burst of text deltas into at most one history-cache write per frame", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession();
    const client = fakeClient(fake);
    const queryClient = testQueryClient();
    const hook = renderOpencodeHook(() => useMessages(session.id), { client, queryClient });
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    await feedOpen(client);
    // The refetch after readiness (A1) must land first: the fake does not store emitted events.
    await waitFor(() => expect(hook.result.current.isFetching).toBe(false));
    const e = sessionEvents(session.id);
    act(() => {
      fake.emit(e.userMessage());
      fake.emit(e.assistant());
      fake.emit(e.text("prt_t", ""));
    });
    const answer = () => flattenMessagePages(hook.result.current.data).find((m) => m.info.id === e.msg);
    await waitFor(() => expect(answer()?.parts).toHaveLength(1));
    const writes: unknown[] = [];
    const off = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.query.queryKey.includes("messages") && event.action.type === "success") writes.push(event.query.state.data);
    });
    act(() => {
      for (let i = 0; i < 200; i += 1) fake.emit(e.delta("prt_t", "x"));
    });
    await waitFor(() => {
      const part = answer()?.parts[0];
      expect(part?.type === "text" ? part.text : "").toBe("x".repeat(200));
    });
    off();
    // 200 deltas arrive in a few network reads: a handful of frames, never one write per delta.
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.length).toBeLessThan(20);
    hook.unmount();
  });
});

describe("live cache defects", () => {
  it("A1: events between a query's first GET and the feed's readiness are not lost (refetched after readiness)", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession({ title: "before" });
    const client = fakeClient(fake);
    const gate = fake.hold("GET", "/event");
    const hook = renderOpencodeHook(() => useSession(session.id), { client, queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.data?.title).toBe("before"));
    // Renamed while the feed is not ready yet: its event is gone for good.
    fake.instance().sessions.set(session.id, { ...session, title: "after" });
    gate.release();
    await feedOpen(client);
    await waitFor(() => expect(hook.result.current.data?.title).toBe("after"));
    hook.unmount();
  });

  it("A2: the live cache follows the new client when the app swaps clients of the same scope", async () => {
    const fake = createFakeOpencode();
    const session = fake.instance().addSession({ title: "one" });
    const first = fakeClient(fake);
    const second = createOpencodeClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, events: { backoffInitialMs: 2, backoffMaxMs: 10 } });
    const queryClient: QueryClient = testQueryClient();
    const seen: Array<string | undefined> = [];
    function Title() {
      seen.push(useSession(session.id).data?.title);
      return null;
    }
    const view = render(<OpencodeProvider client={first} queryClient={queryClient}><Title /></OpencodeProvider>);
    await feedOpen(first);
    view.rerender(<OpencodeProvider client={second} queryClient={queryClient}><Title /></OpencodeProvider>);
    await feedOpen(second);
    await waitFor(() => expect(first.events.subscriberCount).toBe(0));
    expect(second.events.subscriberCount).toBe(1);
    fake.emit({ type: "session.updated", properties: { sessionID: session.id, info: { ...session, title: "renamed" } } });
    await waitFor(() => expect(seen.at(-1)).toBe("renamed"));
    view.unmount();
  });
});
