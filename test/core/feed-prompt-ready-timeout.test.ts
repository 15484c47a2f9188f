/**
 * promptWhenReady against a real channel (stub owner): the subscription is scoped to the session,
 * the ready timeout (none, 0, infinite, or a limit with its FeedNotReadyError), the caller's abort,
 * and no listener left on the caller's signal.
 */
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createChannel, type Channel, type ChannelOwner } from "../../src/core/events/channel";
import { FeedNotReadyError } from "../../src/core/events/feed-errors";
import { promptWhenReady } from "../../src/core/events/prompt-when-ready";
import type { WireEvent } from "../../src/core/events/types";

afterEach(() => {
  vi.useRealTimers();
});

function channel(): Channel {
  const owner: ChannelOwner = {
    activate: () => undefined,
    deactivate: () => undefined,
    restart: () => undefined,
    markStale: () => undefined,
    dispose: () => undefined,
    transportOf: () => "directory",
    disposed: false,
  };
  return createChannel(owner, "/repo");
}

const connected: WireEvent = { type: "server.connected", properties: {} };
const idle = (sessionID: string): WireEvent => ({ type: "session.idle", properties: { sessionID } });

describe("promptWhenReady", () => {
  it("onEvent gets only its session's events, and a reconnect without onReconnect reports no error", async () => {
    const hub = channel();
    const errors: Error[] = [];
    hub.onError((error) => errors.push(error));
    const seen: string[] = [];
    const post = vi.fn(() => Promise.resolve());
    const prompting = promptWhenReady(hub, "ses_1", post, { onEvent: (event) => seen.push(`${event.type}:${String(event.properties.sessionID)}`) });
    hub.connected(connected);
    const handle = await prompting;
    hub.deliver(idle("ses_2"));
    hub.deliver(idle("ses_1"));
    hub.attempting(false);
    hub.connected(connected); // a reconnect while the subscription is open
    expect(post).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(["server.connected:undefined", "session.idle:ses_1", "server.connected:undefined"]);
    expect(errors).toEqual([]);
    handle.unsubscribe();
    expect(hub.subscriberCount).toBe(0);
  });

  it("without readyTimeoutMs, with 0 or with an infinite one, it waits as long as it takes", async () => {
    vi.useFakeTimers();
    for (const readyTimeoutMs of [undefined, 0, Number.POSITIVE_INFINITY]) {
      const hub = channel();
      const post = vi.fn(() => Promise.resolve());
      let outcome = "pending";
      promptWhenReady(hub, "ses_1", post, { readyTimeoutMs }).then(
        () => (outcome = "posted"),
        (error: unknown) => (outcome = String(error)),
      );
      await vi.advanceTimersByTimeAsync(600_000);
      expect(outcome, String(readyTimeoutMs)).toBe("pending");
      hub.connected(connected);
      await vi.advanceTimersByTimeAsync(0);
      expect(outcome, String(readyTimeoutMs)).toBe("posted");
      expect(post).toHaveBeenCalledTimes(1);
    }
  });

  it("a feed not ready within readyTimeoutMs gives up with a FeedNotReadyError, posts nothing and leaves no listener", async () => {
    vi.useFakeTimers();
    const hub = channel();
    const post = vi.fn(() => Promise.resolve());
    const controller = new AbortController();
    let outcome: unknown = "pending";
    promptWhenReady(hub, "ses_1", post, { readyTimeoutMs: 1_000, signal: controller.signal }).then(
      () => (outcome = "posted"),
      (error: unknown) => (outcome = error),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBeInstanceOf(FeedNotReadyError);
    expect((outcome as Error).message).toBe("opencode-react: the event feed was not ready within 1000 ms; the prompt was not sent");
    expect(post).not.toHaveBeenCalled();
    expect(hub.subscriberCount).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("the caller's abort while waiting (with a limit) rejects with its reason at once", async () => {
    vi.useFakeTimers();
    const hub = channel();
    const post = vi.fn(() => Promise.resolve());
    const controller = new AbortController();
    let outcome: unknown = "pending";
    promptWhenReady(hub, "ses_1", post, { readyTimeoutMs: 60_000, signal: controller.signal }).then(
      () => (outcome = "posted"),
      (error: unknown) => (outcome = error),
    );
    const reason = new Error("cancelled");
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toBe(reason);
    expect(post).not.toHaveBeenCalled();
  });

  it("once ready within the limit it posts, and leaves neither a timer nor a listener behind", async () => {
    vi.useFakeTimers();
    const hub = channel();
    const post = vi.fn(() => Promise.resolve());
    const controller = new AbortController();
    const prompting = promptWhenReady(hub, "ses_1", post, { readyTimeoutMs: 5_000, signal: controller.signal });
    hub.connected(connected);
    await prompting;
    expect(post).toHaveBeenCalledTimes(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(1); // only the channel's 0 ms close timer, no ready timer
  });
});
