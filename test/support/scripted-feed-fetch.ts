/**
 * A scripted fetch and a hand-made FeedRun for the browser feed driver's tests: every request gets
 * a stream the test drives (push, end, fail), unless `answer` returns a Response, an Error or a
 * promise of its own.
 */
import { expect, vi } from "vitest";
import { resolveConfig } from "../../src/core/config";
import type { FeedRun } from "../../src/core/events/feed-driver";
import { fetchEventSourceDriver } from "../../src/core/events/fetch-event-source-driver";
import type { WireEvent } from "../../src/core/events/types";

/** One SSE frame carrying an event of `type`. */
export const frame = (type: string): string => `data: ${JSON.stringify({ type, properties: {} })}\n\n`;

/** One request the scripted server received, and the stream it answered with. */
export interface ScriptedAttempt {
  url: string;
  init: RequestInit;
  signal: AbortSignal;
  push(text: string): void;
  end(): void;
  fail(error: unknown): void;
}

/** What `answer` may return for attempt N (1-based); undefined = the default event stream. */
export type ScriptedAnswer = Response | Error | Promise<Response> | undefined;

/**
 * A fetch whose every request is recorded in `attempts`.
 * @example const server = scriptedServer(); server.attempts[0]?.push(frame("server.connected"))
 */
export function scriptedServer(answer?: (attempt: number) => ScriptedAnswer) {
  const attempts: ScriptedAttempt[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    const signal = init.signal as AbortSignal;
    signal.addEventListener("abort", () => controller.error(signal.reason));
    attempts.push({
      url,
      init,
      signal,
      push: (text) => controller.enqueue(new TextEncoder().encode(text)),
      end: () => controller.close(),
      fail: (error) => controller.error(error),
    });
    const custom = answer?.(attempts.length);
    if (custom instanceof Error) return Promise.reject(custom);
    if (custom instanceof Promise) return custom;
    return Promise.resolve(custom ?? new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } }));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, attempts };
}

/**
 * A FeedRun that records events, failures and attempts; `failed` gives the delay (or throws).
 * @example const t = makeRun(() => 1); fetchEventSourceDriver(config, t.run); t.controller.abort();
 */
export function makeRun(failed: (error: unknown) => number, route?: FeedRun["route"]) {
  const controller = new AbortController();
  const events: string[] = [];
  const failures: unknown[] = [];
  let attempting = 0;
  const run: FeedRun = {
    signal: controller.signal,
    route,
    attempting: () => void (attempting += 1),
    handlers: { onEvent: (event: WireEvent) => void events.push(event.type), onProblem: () => undefined },
    failed: (error) => {
      failures.push(error);
      return failed(error);
    },
  };
  return { run, controller, events, failures, attempting: () => attempting };
}

/** What {@link startDriver} runs: a scripted server's answers, the run's failure delay, its route. */
export interface DriverScript {
  readonly answer?: (attempt: number) => ScriptedAnswer;
  /** The delay `failed` gives (default 1 ms), or throws. */
  readonly failed?: (error: unknown) => number;
  readonly route?: FeedRun["route"];
}

/**
 * The browser feed driver running on a scripted server: the server, the recording run, and the
 * driver's promise (settles when the run ends).
 * @example const { server, t, done } = startDriver(); t.controller.abort(); await done;
 */
export function startDriver(script: DriverScript = {}) {
  const server = scriptedServer(script.answer);
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch });
  const t = makeRun(script.failed ?? (() => 1), script.route);
  const done = fetchEventSourceDriver(config, t.run);
  return { server, t, done };
}

/**
 * {@link startDriver}, then its first attempt delivers `server.connected` to the run.
 * @example const { server, t } = await startConnected(); server.attempts[0]?.fail(new TypeError("x"));
 */
export async function startConnected() {
  const started = startDriver();
  await vi.waitFor(() => expect(started.server.attempts).toHaveLength(1));
  started.server.attempts[0]?.push(frame("server.connected"));
  await vi.waitFor(() => expect(started.t.events).toEqual(["server.connected"]));
  return started;
}
