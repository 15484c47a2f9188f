// @vitest-environment jsdom
/**
 * useFeedStatus: what a connection banner shows (issue 14's "a status that says what happened",
 * the fallback to `/event` included), and no render for anything else.
 */
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { UnauthorizedError } from "../../src/core/errors";
import { useFeedStatus } from "../../src/react/use-feed-status";
import { useLiveCache } from "../../src/react/use-live-cache";
import { createFakeOpencode } from "../support/fake-opencode";
import { fakeClient, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

/** The banner beside a live view: the live cache holds the feed, the banner only reads it. */
function useBannerBesideLiveView(live: boolean) {
  useLiveCache({ enabled: live });
  return useFeedStatus();
}

describe("useFeedStatus", () => {
  it("reads idle while no live hook holds the feed, and does not open it itself", async () => {
    const fake = createFakeOpencode();
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useFeedStatus(), { client, queryClient: testQueryClient() });
    await act(async () => undefined);
    expect(hook.result.current).toMatchObject({ status: "idle", transport: undefined, nextAttemptAt: undefined, lastError: undefined });
    expect(client.events.subscriberCount).toBe(0);
    expect(fake.connects()).toBe(0);
  });

  it("says so when a server without /global/event is served over the directory's own /event", async () => {
    const fake = createFakeOpencode(); // the fake serves no /global/event: a 404, as servers before it
    const client = fakeClient(fake, { directory: "/repo" });
    const hook = renderOpencodeHook(() => useBannerBesideLiveView(true), { client, queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.status).toBe("open"));
    expect(hook.result.current.transport).toBe("directory");
    expect(fake.count("GET", "/global/event")).toBe(1);
    expect(hook.history.map((state) => state.status)).toContain("connecting");
  });

  it("shows a refused password as unauthorized with its error; restart() connects once it is accepted", async () => {
    const fake = createFakeOpencode();
    fake.failNext("GET", "/event", 401);
    const hook = renderOpencodeHook(() => useBannerBesideLiveView(true), { client: fakeClient(fake), queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.status).toBe("unauthorized"));
    expect(hook.result.current.lastError).toBeInstanceOf(UnauthorizedError);
    act(() => hook.result.current.restart());
    await waitFor(() => expect(hook.result.current.status).toBe("open"));
    expect(hook.result.current.lastError).toBeUndefined();
  });

  it("follows every new attempt time while it keeps reconnecting (a countdown stays right)", async () => {
    const fake = createFakeOpencode();
    for (let i = 0; i < 3; i++) fake.failNext("GET", "/event", 503);
    const hook = renderOpencodeHook(() => useBannerBesideLiveView(true), { client: fakeClient(fake), queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.status).toBe("open"));
    const attempts = new Set(hook.history.filter((state) => state.status === "reconnecting" && state.nextAttemptAt !== undefined).map((state) => state.nextAttemptAt));
    // Three refused attempts, three announced retry times (the status stayed "reconnecting" in between).
    expect(attempts.size).toBe(3);
  });

  it("does not re-render for events, only for a change of the feed's state", async () => {
    const fake = createFakeOpencode();
    const client = fakeClient(fake);
    const hook = renderOpencodeHook(() => useBannerBesideLiveView(true), { client, queryClient: testQueryClient() });
    await waitFor(() => expect(hook.result.current.status).toBe("open"));
    const renders = hook.history.length;
    const before = hook.result.current;
    for (let i = 0; i < 20; i++) fake.emit({ type: "session.status", properties: { sessionID: "ses_x", status: { type: i % 2 ? "busy" : "idle" } } });
    // A positive signal that the events were delivered: a marker sent after them, on the same stream, arrived.
    await new Promise<void>((resolve) => {
      const off = client.events.subscribe((event) => event.type === "test.marker" && (off(), resolve()));
      fake.emit({ type: "test.marker", properties: {} });
    });
    expect(hook.history.length).toBe(renders);
    expect(hook.result.current).toBe(before);
    expect(hook.result.current.restart).toBe(before.restart);
  });
});
