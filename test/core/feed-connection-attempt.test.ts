/**
 * One attempt at the event stream (openConnection / assertOpened) against a scripted fetch: the
 * request it makes, what a failure becomes, which answers are an event stream, the frame cap, and
 * the listeners it leaves behind on the caller's signal.
 */
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveConfig, type EventFeedOptions } from "../../src/core/config";
import { ConnectionError, FrameTooLargeError, NotFoundError, OpencodeError, UnsupportedServerError } from "../../src/core/errors";
import { assertOpened, openConnection } from "../../src/core/events/connection";
import type { WireEvent } from "../../src/core/events/types";

afterEach(() => {
  vi.useRealTimers();
});

interface Script {
  body: ReadableStream<Uint8Array>;
  push(text: string): void;
  end(): void;
  /** Errors the body when `signal` aborts, as a real fetch does. */
  abortWith(signal: AbortSignal | null | undefined): void;
  readonly cancelled: boolean;
}

function scriptedBody(): Script {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    body,
    push: (text) => controller.enqueue(new TextEncoder().encode(text)),
    end: () => controller.close(),
    abortWith: (signal) => signal?.addEventListener("abort", () => controller.error(signal.reason)),
    get cancelled() {
      return cancelled;
    },
  };
}

interface Call {
  url: string;
  init: RequestInit;
}

function setup(answer: (init: RequestInit) => Promise<Response> | Response, options: { password?: string; events?: EventFeedOptions } = {}) {
  const calls: Call[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve().then(() => answer(init));
  }) as unknown as typeof globalThis.fetch;
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch, ...options });
  const events: WireEvent[] = [];
  const problems: OpencodeError[] = [];
  const handlers = { onEvent: (event: WireEvent) => void events.push(event), onProblem: (error: OpencodeError) => void problems.push(error) };
  return { config, calls, events, problems, handlers };
}

const sse = (type: string, properties: Record<string, unknown> = {}): string => `data: ${JSON.stringify({ type, properties })}\n\n`;
const streamHeaders = { "content-type": "text/event-stream" };

describe("a feed attempt's request", () => {
  it("is a GET of /event asking for an event stream, with no authorization header without a password", async () => {
    const t = setup(() => new Response(null, { status: 200, headers: streamHeaders }));
    const connection = await openConnection(t.config, new AbortController().signal, t.handlers);
    await connection.ended;
    expect(t.calls[0]?.url).toBe("http://127.0.0.1:1/event");
    expect(t.calls[0]?.init.method).toBe("GET");
    expect(t.calls[0]?.init.headers).toStrictEqual({ accept: "text/event-stream" }); // no "authorization: undefined" key
  });

  it("sends the password as a Basic authorization header", async () => {
    const t = setup(() => new Response(null, { status: 200, headers: streamHeaders }), { password: "pw" });
    await (await openConnection(t.config, new AbortController().signal, t.handlers, "/global/event")).ended;
    expect(t.calls[0]?.url).toBe("http://127.0.0.1:1/global/event");
    expect(t.calls[0]?.init.headers).toEqual({ accept: "text/event-stream", authorization: `Basic ${btoa("opencode:pw")}` });
  });
});

describe("a failed attempt", () => {
  it("a network failure becomes a ConnectionError naming the system error code, with the failure as cause", async () => {
    const failure = new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    const t = setup(() => Promise.reject(failure));
    const error = await openConnection(t.config, new AbortController().signal, t.handlers).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("opencode-react: event stream failed: fetch failed (ECONNREFUSED)");
    expect((error as Error).cause).toBe(failure);
  });

  it("without a code (no cause, a null cause, a string cause) the message is the failure's own; a non-Error is printed", async () => {
    const messages: string[] = [];
    for (const failure of [new TypeError("a"), new TypeError("b", { cause: null }), new TypeError("c", { cause: "code" }), new TypeError("d", { cause: { errno: 1 } }), "e"]) {
      const t = setup(() => Promise.reject(failure));
      await openConnection(t.config, new AbortController().signal, t.handlers).catch((e: unknown) => {
        expect(e).toBeInstanceOf(ConnectionError);
        messages.push((e as Error).message);
      });
    }
    expect(messages).toEqual(["a", "b", "c", "d", "e"].map((m) => `opencode-react: event stream failed: ${m}`));
  });

  it("our own error from a custom fetch passes through unchanged; an abort rejects with the caller's reason", async () => {
    const ours = new OpencodeError("custom");
    const t = setup(() => Promise.reject(ours));
    await expect(openConnection(t.config, new AbortController().signal, t.handlers)).rejects.toBe(ours);

    const reason = new Error("unsubscribed");
    const controller = new AbortController();
    const pending = setup(
      (init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    );
    const attempt = openConnection(pending.config, controller.signal, pending.handlers);
    await vi.waitFor(() => expect(pending.calls).toHaveLength(1));
    controller.abort(reason);
    await expect(attempt).rejects.toBe(reason);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("headers that never come within the liveness window fail with a ConnectionError saying so", async () => {
    vi.useFakeTimers();
    const t = setup(
      (init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
      { events: { livenessTimeoutMs: 1_000 } },
    );
    const signal = new AbortController().signal;
    const attempt = openConnection(t.config, signal, t.handlers).then(
      () => undefined,
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await attempt;
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("opencode-react: no data on the event stream for 1000 ms");
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});

describe("what counts as an event stream", () => {
  it("a 2xx without a body or without a content type ends cleanly", async () => {
    for (const response of [
      () => new Response(null, { status: 200, headers: streamHeaders }),
      () => {
        const script = scriptedBody();
        script.end();
        return new Response(script.body, { status: 200 }); // no content type at all
      },
      () => new Response(sse("server.connected"), { status: 200, headers: { "content-type": "application/json" } }),
    ]) {
      const t = setup(response);
      const connection = await openConnection(t.config, new AbortController().signal, t.handlers);
      await expect(connection.ended).resolves.toBeUndefined();
    }
  });

  it("a 2xx that is no event stream and carried no frame is refused as unsupported (status and content type said)", async () => {
    const t = setup(() => new Response("{}", { status: 200, headers: { "content-type": "application/json" } }));
    const connection = await openConnection(t.config, new AbortController().signal, t.handlers, "/global/event");
    const error = await connection.ended.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsupportedServerError);
    expect((error as OpencodeError).status).toBe(200);
    expect((error as Error).message).toContain("GET /global/event answered 200 application/json without a single event");
  });

  it("an event stream that carried frames then ended is a clean end, its events delivered in order", async () => {
    const script = scriptedBody();
    const t = setup(() => new Response(script.body, { status: 200, headers: streamHeaders }));
    const connection = await openConnection(t.config, new AbortController().signal, t.handlers);
    script.push(sse("server.connected") + sse("session.idle", { sessionID: "ses_1" }));
    script.end();
    await expect(connection.ended).resolves.toBeUndefined();
    expect(t.events.map((event) => event.type)).toEqual(["server.connected", "session.idle"]);
  });

  it("an HTML 200 is handed back unread (its body cancelled) and assertOpened refuses it as unsupported", async () => {
    const script = scriptedBody();
    const t = setup(() => new Response(script.body, { status: 200, headers: { "content-type": "text/html" } }));
    const connection = await openConnection(t.config, new AbortController().signal, t.handlers);
    await connection.ended;
    await vi.waitFor(() => expect(script.cancelled).toBe(true));
    const error = await assertOpened(connection.response, t.config, "/global/event").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsupportedServerError);
    expect((error as OpencodeError).status).toBe(200);
    expect((error as Error).message).toContain("GET /global/event answered with an HTML page");

    const empty = setup(() => new Response(null, { status: 200, headers: { "content-type": "text/html" } }));
    await expect(openConnection(empty.config, new AbortController().signal, empty.handlers)).resolves.toMatchObject({ response: { status: 200 } });
  });

  it("a 404 keeps its body for assertOpened, which names the route and the server's message", async () => {
    const script = scriptedBody();
    const t = setup(() => new Response(script.body, { status: 404, headers: { "content-type": "application/json" } }));
    const connection = await openConnection(t.config, new AbortController().signal, t.handlers);
    await connection.ended;
    script.push(JSON.stringify({ message: "no such route" }));
    script.end();
    expect(script.cancelled).toBe(false);
    const error = await assertOpened(connection.response, t.config).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("GET /event failed (404): no such route");
  });
});

describe("frames and liveness", () => {
  it("a frame over the cap is dropped and reported with the cap and its size; the stream goes on", async () => {
    const script = scriptedBody();
    const t = setup(() => new Response(script.body, { status: 200, headers: streamHeaders }), { events: { maxFrameBytes: 64 } });
    const connection = await openConnection(t.config, new AbortController().signal, t.handlers);
    script.push(sse("session.idle", { sessionID: "x".repeat(100) }) + sse("server.connected"));
    script.end();
    await connection.ended;
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0]).toBeInstanceOf(FrameTooLargeError);
    expect(t.problems[0]?.message).toMatch(/^opencode-react: dropped an SSE frame larger than 64 bytes \(\d+ bytes read\)$/);
    expect(t.events.map((event) => event.type)).toEqual(["server.connected"]);
  });

  it("leaves no listener on the caller's signal once the stream ended", async () => {
    const script = scriptedBody();
    const t = setup(() => new Response(script.body, { status: 200, headers: streamHeaders }));
    const signal = new AbortController().signal;
    const connection = await openConnection(t.config, signal, t.handlers);
    expect(getEventListeners(signal, "abort")).toHaveLength(1);
    script.end();
    await connection.ended;
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  /** Opens a stream under fake timers; `beat(ms)` waits `ms` then sends one frame of `type`. */
  async function liveStream(events: EventFeedOptions) {
    vi.useFakeTimers();
    const script = scriptedBody();
    const t = setup(
      (init) => {
        script.abortWith(init.signal);
        return new Response(script.body, { status: 200, headers: streamHeaders });
      },
      { events },
    );
    const connection = await openConnection(t.config, new AbortController().signal, t.handlers);
    let outcome: unknown = "open";
    connection.ended.then(
      () => (outcome = "ended"),
      (error: unknown) => (outcome = error),
    );
    const beat = async (ms: number, type = "server.heartbeat"): Promise<void> => {
      await vi.advanceTimersByTimeAsync(ms);
      script.push(sse(type));
      await vi.advanceTimersByTimeAsync(0);
    };
    return { beat, outcome: () => outcome, wait: (ms: number) => vi.advanceTimersByTimeAsync(ms) };
  }

  it("learns the window from the longest heartbeat gap: a shorter later gap does not shrink it", async () => {
    const s = await liveStream({});
    await s.beat(0);
    await s.beat(2_000); // window 5 000
    await s.beat(1_000); // shorter: window stays 5 000
    await s.wait(4_000);
    expect(s.outcome()).toBe("open");
    await s.wait(1_000);
    expect(s.outcome()).toBeInstanceOf(ConnectionError);
  });

  it("heartbeats 399 ms apart are a bunch read back to back: they teach no window", async () => {
    const s = await liveStream({});
    await s.beat(0);
    await s.beat(399);
    await s.wait(1_500);
    expect(s.outcome()).toBe("open");
  });

  it("heartbeats 400 ms apart are a period: the window becomes the 1 s floor", async () => {
    const s = await liveStream({});
    await s.beat(0);
    await s.beat(400);
    await s.wait(999);
    expect(s.outcome()).toBe("open");
    await s.wait(1);
    expect(s.outcome()).toBeInstanceOf(ConnectionError);
  });

  it("only heartbeats teach the window: frequent other events leave the 35 s default", async () => {
    const s = await liveStream({});
    for (let i = 0; i < 4; i++) await s.beat(i === 0 ? 0 : 1_000, "session.idle");
    await s.wait(10_000);
    expect(s.outcome()).toBe("open");
  });

  it("an explicit livenessTimeoutMs is kept whatever the heartbeats say", async () => {
    const s = await liveStream({ livenessTimeoutMs: 10_000 });
    await s.beat(0);
    await s.beat(500);
    await s.beat(500);
    await s.wait(9_999);
    expect(s.outcome()).toBe("open");
    await s.wait(1);
    expect(s.outcome()).toBeInstanceOf(ConnectionError);
  });
});
