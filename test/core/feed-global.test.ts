/**
 * One `/global/event` connection serving several directories (issue 14): routing by the frame's
 * directory, joining a live stream, reconnects, the fallback to one `/event` per directory, and
 * sleep/wake detection. Against a real local HTTP server sending real global frames.
 */
import { afterEach, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/core/config";
import { UnauthorizedError } from "../../src/core/errors";
import { createServerFeed, type ServerFeed, type ServerFeedOptions } from "../../src/core/events/server-feed";
import type { ReconnectInfo, WireEvent } from "../../src/core/events/types";
import { FAST_EVENTS, sleep } from "../support/feed-fixture";
import { startSseServer, until, type SseTestServer, type StreamHandle } from "../support/sse-server";

const A = "/work/proj-a";
const B = "/work/proj-b";

/** One raw `/global/event` frame. */
function frame(directory: string | undefined, type: string, properties: Record<string, unknown> = {}): string {
  const payload = { id: `evt_${type}`, type, properties };
  return `data: ${JSON.stringify(directory === undefined ? { payload } : { directory, project: "p", payload })}\n\n`;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: ServerFeedOptions = {}, password?: string): Promise<{ server: SseTestServer; feed: ServerFeed }> {
  const server = await startSseServer();
  const feed = createServerFeed(resolveConfig({ baseUrl: server.url, password, events: { ...FAST_EVENTS, transport: "auto" } }), options);
  cleanups.push(() => server.close(), () => feed.dispose());
  return { server, feed };
}

function record(feed: ServerFeed, directory: string | undefined, sessionId?: string): WireEvent[] {
  const events: WireEvent[] = [];
  feed.hub(directory).subscribe((event) => events.push(event), sessionId === undefined ? undefined : { sessionId });
  return events;
}

async function openGlobal(server: SseTestServer, n = 1): Promise<StreamHandle> {
  const stream = await server.stream(n);
  stream.write(frame(undefined, "server.connected"));
  return stream;
}

describe("one /global/event connection for several directories", () => {
  it("routes each frame to its directory's subscribers only, ignores sync duplicates and server-wide frames, and shares server.*", async () => {
    const { server, feed } = await setup();
    server.setDefault({ connected: false });
    const a = record(feed, A);
    const b = record(feed, `${B}/`); // the server reports directories without the trailing slash
    const stream = await openGlobal(server);
    await Promise.all([feed.hub(A).ready(), feed.hub(B).ready()]);
    stream.write(frame(A, "session.idle", { sessionID: "ses_a" }));
    stream.write(`data: ${JSON.stringify({ directory: A, payload: { type: "sync", id: "x", syncEvent: { type: "session.updated.1" } } })}\n\n`);
    stream.write(frame("global", "project.updated", { id: "global" }));
    stream.write(frame(B, "session.idle", { sessionID: "ses_b" }));
    stream.write(frame(undefined, "server.heartbeat"));
    await until(() => a.length === 3 && b.length === 3, "both directories' events");
    expect(a.map((e) => `${e.type}:${String(e.properties.sessionID ?? "")}`)).toEqual(["server.connected:", "session.idle:ses_a", "server.heartbeat:"]);
    expect(b.map((e) => `${e.type}:${String(e.properties.sessionID ?? "")}`)).toEqual(["server.connected:", "session.idle:ses_b", "server.heartbeat:"]);
    expect(server.requests.map((request) => request.url)).toEqual(["/global/event"]);
    expect(feed.hub(A).transport).toBe("global");
  });

  it("a directory joining a live stream is ready at once, without a new connection; per-session routing holds inside it", async () => {
    const { server, feed } = await setup();
    server.setDefault({ connected: false });
    record(feed, A);
    const stream = await openGlobal(server);
    await feed.hub(A).ready();
    const mine = record(feed, B, "ses_2");
    await feed.hub(B).ready();
    stream.write(frame(B, "session.idle", { sessionID: "ses_1" }));
    stream.write(frame(B, "session.idle", { sessionID: "ses_2" }));
    await until(() => mine.length === 1, "the session's event");
    await sleep(20);
    expect(mine.map((e) => e.properties.sessionID)).toEqual(["ses_2"]);
    expect(server.requests).toHaveLength(1);
  });

  it("a reconnect of the shared stream makes every directory pending again and calls each one's onReconnect", async () => {
    const { server, feed } = await setup();
    server.setDefault({ connected: false });
    record(feed, A);
    record(feed, B);
    const seen: Record<string, ReconnectInfo[]> = { a: [], b: [] };
    feed.hub(A).onReconnect((info) => seen.a?.push(info));
    feed.hub(B).onReconnect((info) => seen.b?.push(info));
    (await openGlobal(server)).end();
    await server.stream(2);
    expect(feed.hub(A).status).toBe("reconnecting");
    let ready = false;
    void feed.hub(B).ready().then(() => (ready = true));
    await sleep(20);
    expect(ready).toBe(false);
    server.streams[1]?.write(frame(undefined, "server.connected"));
    await Promise.all([feed.hub(A).ready(), feed.hub(B).ready()]);
    expect(seen).toEqual({ a: [{ connection: 2 }], b: [{ connection: 2 }] });
  });

  it("closes the shared stream when the last directory's last subscriber leaves", async () => {
    const { server, feed } = await setup();
    const offA = feed.hub(A).subscribe(() => undefined);
    const offB = feed.hub(B).subscribe(() => undefined);
    const stream = await server.stream(1);
    offA();
    await sleep(20);
    expect(stream.isClosed).toBe(false);
    offB();
    await stream.closed;
    expect(feed.hub(A).status).toBe("closed");
  });

  it("the client's default directory (none configured) keeps its own /event beside the shared stream", async () => {
    const { server, feed } = await setup();
    record(feed, A);
    record(feed, undefined);
    await server.waitForRequests(2);
    expect(server.requests.map((request) => request.url).sort()).toEqual(["/event", "/global/event"]);
    expect(feed.hub(undefined).transport).toBe("directory");
  });
});

describe("fallback to one /event per directory", () => {
  for (const [what, plan] of [
    ["missing (404)", { status: 404, body: "{}" }],
    ["an older server's HTML page", { contentType: "text/html", connected: false }],
    ["refused by a proxy (403)", { status: 403, body: "forbidden" }],
  ] as const) {
    it(`falls back when /global/event is ${what}, and says so in hub.transport`, async () => {
      const { server, feed } = await setup();
      server.plan(plan);
      const a = record(feed, A);
      const b = record(feed, B);
      await Promise.all([feed.hub(A).ready(), feed.hub(B).ready()]);
      const urls = server.requests.map((request) => new URL(request.url, server.url));
      expect(urls[0]?.pathname).toBe("/global/event");
      expect(urls.slice(1).map((url) => `${url.pathname} ${url.searchParams.get("directory")}`).sort()).toEqual([`/event ${A}`, `/event ${B}`]);
      expect(feed.hub(A).transport).toBe("directory");
      expect(feed.hub(A).status).toBe("open");
      expect(a.map((e) => e.type)).toEqual(["server.connected"]);
      expect(b.map((e) => e.type)).toEqual(["server.connected"]);
    });
  }

  it("a 401 on /global/event is a clear UnauthorizedError for every directory, no fallback, no retry loop", async () => {
    const { server, feed } = await setup();
    server.setDefault({ status: 401 });
    record(feed, A);
    record(feed, B);
    await expect(feed.hub(A).ready()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(feed.hub(B).ready()).rejects.toBeInstanceOf(UnauthorizedError);
    await sleep(60);
    expect(server.requests).toHaveLength(1);
    expect(feed.hub(B).status).toBe("unauthorized");
  });
});

describe("sleep/wake", () => {
  it("a timer firing far too late (the machine slept) reconnects at once and re-syncs through onReconnect", async () => {
    let clock = 1_000_000;
    const { server, feed } = await setup({ wake: { checkIntervalMs: 10, lateByMs: 1_000, now: () => clock } });
    server.setDefault({ connected: false });
    record(feed, A);
    const reconnects: ReconnectInfo[] = [];
    feed.hub(A).onReconnect((info) => reconnects.push(info));
    const first = await openGlobal(server);
    await feed.hub(A).ready();
    await sleep(40);
    expect(server.requests).toHaveLength(1); // on-time ticks change nothing
    clock += 60_000; // the next tick comes a minute late
    await openGlobal(server, 2);
    await until(() => reconnects.length === 1, "the re-sync after wake");
    expect(reconnects).toEqual([{ connection: 2 }]);
    await first.closed;
  });
});

describe("/global/event: passwords, unknown frames, a refused password, timers (issue 14 review)", () => {
  const PASSWORD = "s3cret-pw";
  const BASIC = Buffer.from(`opencode:${PASSWORD}`).toString("base64");

  it("no password in any feed URL or error: /global/event and the fallback /event send it only as a Basic header", async () => {
    const { server, feed } = await setup({}, PASSWORD);
    server.plan({ status: 404, body: "{}" }, {}, {}, { status: 401 });
    const errors: Error[] = [];
    feed.hub(A).onError((error) => errors.push(error));
    record(feed, A);
    record(feed, B);
    await Promise.all([feed.hub(A).ready(), feed.hub(B).ready()]);
    feed.hub(A).restart(); // the fourth answer: the shared stream refuses the password
    await until(() => feed.hub(A).status === "unauthorized", "the refused password");
    const paths = server.requests.map((request) => new URL(request.url, server.url).pathname);
    expect(paths).toEqual(["/global/event", "/event", "/event", "/global/event"]);
    for (const request of server.requests) {
      expect(request.url).not.toContain(PASSWORD);
      expect(request.url).not.toContain(BASIC);
      expect(request.url).not.toContain("auth_token");
      expect(request.headers.authorization).toBe(`Basic ${BASIC}`);
    }
    expect(errors.at(-1)).toBeInstanceOf(UnauthorizedError);
    for (const error of errors) expect(`${error.message} ${String(error.cause ?? "")}`).not.toContain(PASSWORD);
  });

  it("unknown event types and unknown frame fields on /global/event are delivered or skipped without a report, and the stream goes on", async () => {
    const { server, feed } = await setup();
    server.setDefault({ connected: false });
    const errors: Error[] = [];
    feed.hub(A).onError((error) => errors.push(error));
    const a = record(feed, A);
    const stream = await openGlobal(server);
    await feed.hub(A).ready();
    const future = { directory: A, project: "p", workspace: "w", origin: { kind: "v9" }, seq: 7, payload: { id: "evt_f", type: "future.thing", properties: { sessionID: "ses_a", shape: [1] }, extra: true } };
    stream.write(`data: ${JSON.stringify(future)}\n\n`);
    stream.write(`data: ${JSON.stringify({ payload: { type: "server.future", properties: {} }, note: "x" })}\n\n`);
    stream.write(frame(A, "session.idle", { sessionID: "ses_a" }));
    await until(() => a.some((e) => e.type === "session.idle"), "the event after the unknown ones");
    expect(a.map((e) => e.type)).toEqual(["server.connected", "future.thing", "server.future", "session.idle"]);
    expect(errors).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("a directory joining after the shared stream refused the password gets the UnauthorizedError without asking again", async () => {
    const { server, feed } = await setup();
    server.setDefault({ status: 401 });
    record(feed, A);
    await expect(feed.hub(A).ready()).rejects.toBeInstanceOf(UnauthorizedError);
    record(feed, B);
    await expect(feed.hub(B).ready()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(feed.hub(B).status).toBe("unauthorized");
    await sleep(40);
    expect(server.requests).toHaveLength(1);
  });

  it("dispose() stops the sleep detector's timer; so does the last subscriber leaving", async () => {
    let ticks = 0;
    const now = (): number => {
      ticks += 1;
      return Date.now();
    };
    const { server, feed } = await setup({ wake: { checkIntervalMs: 5, now } });
    const off = feed.hub(A).subscribe(() => undefined);
    await until(() => ticks > 3, "the detector ticking");
    off();
    await (await server.stream(1)).closed;
    let seen = ticks;
    await sleep(40);
    expect(ticks).toBe(seen); // deactivated: no tick
    feed.hub(B).subscribe(() => undefined);
    await until(() => ticks > seen + 3, "the detector ticking again");
    feed.dispose();
    seen = ticks;
    await sleep(40);
    expect(ticks).toBe(seen);
  });
});
