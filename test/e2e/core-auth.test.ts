/**
 * The core client against a real password-protected `opencode serve` (OPENCODE_SERVER_PASSWORD):
 * health, Basic auth on REST and on the event feed, and the 401 handling (typed errors, no
 * reconnect loop, the password never in a message). The feed goes through a TCP proxy so the
 * test can count the `/event` attempts the client really made.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpencodeClient, UnauthorizedError } from "../../src/core";
import type { FeedStatus, OpencodeClient } from "../../src/core";
import { useOpencodeServer } from "../harness/use-server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { assistantText, field, fileTimer, HELLO_TEXT, prop, runTurn, SERVER_VERSION } from "./core-support";

// Distinctive strings, so a leak into any message is found by a plain substring search.
const PASSWORD = "e2e-Right-Pw-7Qx";
const WRONG = "e2e-Wrong-Pw-3Kz";
const secrets = [PASSWORD, WRONG, btoa(`opencode:${PASSWORD}`), btoa(`opencode:${WRONG}`)];

const server = useOpencodeServer({ password: PASSWORD });
let proxy: TcpProxy;
const logTime = fileTimer("core-auth");
beforeAll(async () => {
  proxy = await startTcpProxy(server().baseUrl);
});
afterAll(async () => {
  await proxy?.close();
  logTime();
});

/**
 * Resolves after any reconnect timer the failure could have set (at most backoffMaxMs = 50 ms,
 * set before this one): a retry would show in the feed's status ("connecting") by then.
 */
const afterAnyRetryTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));
const eventAttempts = (): number => proxy.countRequests(/^GET \/event(\?|$)/);

/** What a hub did after one subscriber arrived: its errors, statuses, and how ready() settled. */
async function openFeed(client: OpencodeClient): Promise<{ errors: Error[]; statuses: FeedStatus[]; ready: unknown; unsubscribe(): void }> {
  const errors: Error[] = [];
  const statuses: FeedStatus[] = [];
  client.events.onError((error) => errors.push(error));
  client.events.onStatus((status) => statuses.push(status));
  const unsubscribe = client.events.subscribe(() => undefined);
  const ready = await client.events.ready().then(
    () => "ready",
    (error: unknown) => error,
  );
  return { errors, statuses, ready, unsubscribe };
}

/** Asserts no secret (password or its Basic-auth encoding) appears in the error's text. */
function expectNoSecret(error: unknown): void {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ""}\n${JSON.stringify(field(error, "body") ?? null)}` : String(error);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("expected a rejection"),
    (error: unknown) => error,
  );
}

describe("with the right password", () => {
  it("health reports healthy and the pinned version", async () => {
    const client = createOpencodeClient({ baseUrl: server().baseUrl, password: PASSWORD });
    await expect(client.health()).resolves.toEqual({ healthy: true, version: SERVER_VERSION });
  });

  it("REST calls succeed and the event feed becomes ready over one connection", async () => {
    const client = createOpencodeClient({ baseUrl: proxy.url, password: PASSWORD });
    const session = await client.sessions.create({ title: "auth ok" });
    expect((await client.sessions.list()).map((s) => s.id)).toContain(session.id);
    const before = eventAttempts();
    const feed = await openFeed(client);
    expect(feed.ready).toBe("ready");
    expect(client.events.status).toBe("open");
    expect(feed.errors).toEqual([]);
    feed.unsubscribe();
    expect(eventAttempts() - before).toBe(1);
  });

  it("a whole hello turn streams over the authenticated feed", async () => {
    const client = createOpencodeClient({ baseUrl: proxy.url, password: PASSWORD });
    const session = await client.sessions.create({ title: "auth turn" });
    const events = await runTurn(client, session.id, "hello");
    expect(events.filter((e) => e.type === "message.part.delta").map((e) => prop(e, "delta")).join("")).toBe(HELLO_TEXT);
    expect(assistantText((await client.messages.list(session.id)).items)).toBe(HELLO_TEXT);
  });
});

describe("with a wrong password", () => {
  it("REST calls reject with UnauthorizedError saying the password was rejected", async () => {
    const client = createOpencodeClient({ baseUrl: server().baseUrl, password: WRONG });
    const error = await rejection(client.sessions.list());
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized" });
    expect((error as Error).message).toMatch(/rejected the password/);
    expectNoSecret(error);
    expectNoSecret(await rejection(client.health()));
  });

  it("the feed fails once with UnauthorizedError: onError and ready() get it, no reconnect loop", async () => {
    const client = createOpencodeClient({ baseUrl: proxy.url, password: WRONG, events: { backoffInitialMs: 50, backoffMaxMs: 50 } });
    const before = eventAttempts();
    const feed = await openFeed(client);
    expect(feed.ready).toBeInstanceOf(UnauthorizedError);
    expect(feed.errors.some((e) => e instanceof UnauthorizedError)).toBe(true);
    const statuses = [...feed.statuses];
    await afterAnyRetryTimer();
    expect(feed.statuses).toEqual(statuses);
    expect(eventAttempts() - before).toBe(1);
    expect(client.events.status).toBe("unauthorized");
    expect(feed.statuses.at(-1)).toBe("unauthorized");
    for (const error of feed.errors) expectNoSecret(error);
    expectNoSecret(feed.ready);
    // A later ready() keeps failing fast with the same error instead of hanging.
    await expect(client.events.ready()).rejects.toBeInstanceOf(UnauthorizedError);
    feed.unsubscribe();
  });
});

describe("without a password", () => {
  it("REST calls reject with UnauthorizedError saying a password is needed", async () => {
    const client = createOpencodeClient({ baseUrl: server().baseUrl });
    for (const call of [client.sessions.list(), client.health()]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(UnauthorizedError);
      expect((error as Error).message).toMatch(/requires a password/);
      expectNoSecret(error);
    }
  });

  it("the feed fails once with UnauthorizedError saying a password is needed", async () => {
    const client = createOpencodeClient({ baseUrl: proxy.url, events: { backoffInitialMs: 50, backoffMaxMs: 50 } });
    const before = eventAttempts();
    const feed = await openFeed(client);
    expect(feed.ready).toBeInstanceOf(UnauthorizedError);
    expect((feed.ready as Error).message).toMatch(/requires a password/);
    const statuses = [...feed.statuses];
    await afterAnyRetryTimer();
    expect(feed.statuses).toEqual(statuses);
    expect(client.events.status).toBe("unauthorized");
    expect(eventAttempts() - before).toBe(1);
    feed.unsubscribe();
  });

  it("prompt() rejects with UnauthorizedError and never posts prompt_async", async () => {
    const client = createOpencodeClient({ baseUrl: proxy.url });
    const posts = (): number => proxy.countRequests(/^POST \/session\/[^/]+\/prompt_async/);
    const before = posts();
    const error = await rejection(client.prompt("ses_never_posted", { text: "hello" }));
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(posts() - before).toBe(0);
    expect(client.events.subscriberCount).toBe(0);
  });
});
