/** The client side of issue 14: directory-scoped clients on one feed, dispose, stale readiness after a network failure, the prompt's readiness timeout. */
import { afterEach, describe, expect, it } from "vitest";
import { createOpencodeClient, type OpencodeClient, type ReconnectInfo } from "../../src/core";
import { FeedNotReadyError } from "../../src/core/events/feed-errors";
import { FAST_EVENTS } from "../support/feed-fixture";
import { startSseServer, until, type SseTestServer } from "../support/sse-server";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A client on the SSE test server; REST calls go to `rest` (the SSE server only streams). */
async function setup(rest: (url: URL, init?: RequestInit) => Promise<Response>, events = {}): Promise<{ server: SseTestServer; client: OpencodeClient; urls: string[] }> {
  const server = await startSseServer();
  const urls: string[] = [];
  const client = createOpencodeClient({
    baseUrl: server.url,
    events: { ...FAST_EVENTS, ...events },
    fetch: (input, init) => {
      const url = new URL(String(input));
      urls.push(`${url.pathname}${url.search}`);
      return url.pathname.endsWith("event") ? fetch(input, init) : rest(url, init);
    },
  });
  cleanups.push(() => server.close(), () => client.dispose());
  return { server, client, urls };
}

const json = (value: unknown): Response => new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });

describe("client.forDirectory", () => {
  it("gives one client per directory, scoping REST calls and caches (info) by directory", async () => {
    const { client, urls } = await setup(async () => json([]));
    const a = client.forDirectory("/repo/a");
    expect(client.forDirectory("/repo/a/")).toBe(a);
    expect(a.forDirectory("/repo/b")).toBe(client.forDirectory("/repo/b"));
    expect(a.info.directory).toBe("/repo/a");
    expect(a.events.directory).toBe("/repo/a");
    await a.sessions.list();
    await client.forDirectory("/repo/b").sessions.list();
    expect(urls).toEqual([`/session?directory=${encodeURIComponent("/repo/a")}`, `/session?directory=${encodeURIComponent("/repo/b")}`]);
  });
});

describe("client.dispose()", () => {
  it("client.dispose(): closes every directory's feed and later subscriptions open nothing", async () => {
    const { server, client } = await setup(async () => json([]), { transport: "directory" });
    const a = client.forDirectory("/repo/a");
    a.events.subscribe(() => undefined);
    client.events.subscribe(() => undefined);
    await Promise.all([a.events.ready(), client.events.ready()]);
    client.dispose();
    await Promise.all(server.streams.map((stream) => stream.closed));
    expect([client.events.status, a.events.status]).toEqual(["closed", "closed"]);
    client.forDirectory("/repo/c").events.subscribe(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests).toHaveLength(2);
  });
});

describe("readiness marked stale on transport error", () => {
  it("a REST call that fails on the network makes the open feed reconnect, and the prompt's onReconnect re-syncs", async () => {
    let down = false;
    const { server, client } = await setup(async (url) => {
      if (down) throw new TypeError("fetch failed");
      return url.pathname.endsWith("/prompt_async") ? new Response(null, { status: 204 }) : json([]);
    });
    const resyncs: ReconnectInfo[] = [];
    const handle = await client.prompt("ses_1", { text: "hi" }, { onReconnect: (info) => resyncs.push(info) });
    down = true;
    await expect(client.sessions.list()).rejects.toMatchObject({ name: "ConnectionError" });
    await server.stream(2);
    await until(() => resyncs.length === 1, "the re-sync after the stale feed reconnected");
    expect(resyncs).toEqual([{ connection: 2 }]);
    expect(server.streams[0]?.isClosed).toBe(true);
    handle.unsubscribe();
  });
});

describe("client.prompt readiness timeout", () => {
  it("prompt readiness timeout: rejects with FeedNotReadyError after events.readyTimeoutMs and posts nothing", async () => {
    let posts = 0;
    const { server, client } = await setup(async () => {
      posts += 1;
      return new Response(null, { status: 204 });
    }, { readyTimeoutMs: 60 });
    server.setDefault({ connected: false });
    await expect(client.prompt("ses_1", { text: "hi" })).rejects.toBeInstanceOf(FeedNotReadyError);
    expect(posts).toBe(0);
    expect(client.events.subscriberCount).toBe(0);
  });
});
