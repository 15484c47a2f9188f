/**
 * The hub of one directory against a stub owner: status per attempt and failure (offline included),
 * nextAttemptAt, ready() refusals, onError for reports, and the close on the last unsubscribe.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, UnauthorizedError } from "../../src/core/errors";
import { createChannel, type Channel, type ChannelOwner } from "../../src/core/events/channel";
import type { FeedStatus, WireEvent } from "../../src/core/events/types";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function stubOwner(): ChannelOwner & { log: string[]; isDisposed: boolean } {
  const owner = {
    log: [] as string[],
    isDisposed: false,
    activate: () => void owner.log.push("activate"),
    deactivate: () => void owner.log.push("deactivate"),
    restart: () => void owner.log.push("restart"),
    markStale: () => void owner.log.push("markStale"),
    dispose: () => void owner.log.push("dispose"),
    transportOf: () => "global" as const,
    get disposed() {
      return owner.isDisposed;
    },
  };
  return owner;
}

function watched(channel: Channel): FeedStatus[] {
  const statuses: FeedStatus[] = [];
  channel.onStatus((status) => statuses.push(status));
  return statuses;
}

const connectedEvent: WireEvent = { type: "server.connected", properties: {} };

describe("channel status", () => {
  it("connecting on the first attempt, reconnecting on a retry, and reconnecting too for a first attempt after a connection", () => {
    const channel = createChannel(stubOwner(), "/a");
    const statuses = watched(channel);
    channel.subscribe(() => undefined);
    channel.attempting(false); // a retry before any connection
    channel.attempting(true);
    channel.connected(connectedEvent);
    channel.attempting(true); // joining again after having been connected
    expect(statuses).toEqual(["reconnecting", "connecting", "open", "reconnecting"]);
  });

  it("a failure while the browser is offline says offline and keeps the next attempt time; online says reconnecting", () => {
    vi.useFakeTimers({ now: 10_000 });
    const channel = createChannel(stubOwner(), "/a");
    channel.subscribe(() => undefined);
    vi.stubGlobal("navigator", { onLine: false });
    channel.failed(new ConnectionError("down"), 500, false);
    expect(channel.status).toBe("offline");
    expect(channel.nextAttemptAt).toBe(10_500);
    vi.stubGlobal("navigator", { onLine: true });
    channel.failed(new ConnectionError("down"), 700, false);
    expect(channel.status).toBe("reconnecting");
    expect(channel.nextAttemptAt).toBe(10_700);
    vi.stubGlobal("navigator", {}); // no onLine at all: not offline
    channel.attempting(false);
    expect(channel.nextAttemptAt).toBeUndefined();
    channel.failed(new ConnectionError("down"), 100, false);
    expect(channel.status).toBe("reconnecting");
  });

  it("a fatal error after a failure leaves no next attempt time", () => {
    const channel = createChannel(stubOwner(), "/a");
    channel.subscribe(() => undefined);
    channel.failed(new ConnectionError("down"), 500, false);
    expect(channel.nextAttemptAt).toBeTypeOf("number");
    channel.fatal(new UnauthorizedError("401", { status: 401 }));
    expect(channel.status).toBe("unauthorized");
    expect(channel.nextAttemptAt).toBeUndefined();
  });

  it("a report of a non-Error reaches onError as an OpencodeError naming it", () => {
    const channel = createChannel(stubOwner(), "/a");
    const errors: Error[] = [];
    channel.onError((error) => errors.push(error));
    channel.report("weird");
    expect(errors.map((error) => [error.name, error.message])).toEqual([["OpencodeError", "opencode-react: weird"]]);
  });
});

describe("channel ready()", () => {
  it("an aborted signal rejects with its reason, before any other check", async () => {
    const owner = stubOwner();
    const channel = createChannel(owner, "/a");
    const reason = new Error("gave up");
    await expect(channel.ready({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    owner.isDisposed = true;
    await expect(channel.ready({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it("refuses when nobody subscribed, and when the client was disposed, saying which", async () => {
    const owner = stubOwner();
    const channel = createChannel(owner, "/a");
    await expect(channel.ready()).rejects.toThrow("opencode-react: the event feed is not open; subscribe before awaiting ready()");
    channel.subscribe(() => undefined);
    owner.isDisposed = true;
    await expect(channel.ready()).rejects.toMatchObject({ name: "AbortError", message: "opencode-react: the client was disposed" });
  });

  it("a waiter is rejected when the last subscriber leaves before server.connected", async () => {
    const owner = stubOwner();
    const channel = createChannel(owner, "/a");
    const statuses = watched(channel);
    const off = channel.subscribe(() => undefined);
    expect(channel.active).toBe(true);
    const waiting = channel.ready();
    off();
    await expect(waiting).rejects.toMatchObject({
      name: "AbortError",
      message: "opencode-react: the event feed closed (its last subscriber left) before it was ready",
    });
    expect(owner.log).toEqual(["activate", "deactivate"]);
    expect(channel.active).toBe(false);
    expect(statuses).toEqual(["closed"]);
  });

  it("shutDown rejects the waiters (client disposed), closes, and leaves no transport", async () => {
    const channel = createChannel(stubOwner(), "/a");
    channel.subscribe(() => undefined);
    expect(channel.transport).toBe("global");
    const waiting = channel.ready();
    channel.shutDown();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError", message: "opencode-react: the client was disposed" });
    expect(channel.status).toBe("closed");
    expect(channel.active).toBe(false);
    expect(channel.transport).toBeUndefined();
  });
});
