/**
 * The Node feed driver with a hand-made run: reconnects after a clean end with the delay failed()
 * returns, stops at once when the run is aborted (mid-attempt, in the pause, or by failed() itself),
 * and leaves no listener per attempt on the run's signal.
 */
import { getEventListeners } from "node:events";
import { afterEach, expect, it, vi } from "vitest";
import { resolveConfig } from "../../src/core/config";
import { UnauthorizedError } from "../../src/core/errors";
import { StreamEndedError } from "../../src/core/events/connection";
import type { FeedRun } from "../../src/core/events/feed-driver";
import { loopDriver } from "../../src/core/events/loop-driver";
import type { WireEvent } from "../../src/core/events/types";

afterEach(() => {
  vi.useRealTimers();
});

const frame = `data: ${JSON.stringify({ type: "server.connected", properties: {} })}\n\n`;

/** A fetch whose every answer is an event stream carrying one frame; `open` keeps it open until aborted. */
function streamingFetch(open: boolean): { fetch: typeof globalThis.fetch; requests: () => number } {
  let requests = 0;
  const fetch = ((_url: string, init: RequestInit) => {
    requests += 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(frame));
        if (!open) controller.close();
        init.signal?.addEventListener("abort", () => controller.error(init.signal?.reason));
      },
    });
    return Promise.resolve(new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } }));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests: () => requests };
}

function makeRun(failed: (error: unknown, controller: AbortController) => number) {
  const controller = new AbortController();
  const events: WireEvent[] = [];
  const failures: unknown[] = [];
  let attempts = 0;
  const run: FeedRun = {
    signal: controller.signal,
    attempting: () => void (attempts += 1),
    handlers: { onEvent: (event) => void events.push(event), onProblem: () => undefined },
    failed: (error) => {
      failures.push(error);
      return failed(error, controller);
    },
  };
  return { run, controller, events, failures, attempts: () => attempts };
}

it("a clean end is a StreamEndedError, followed by a new attempt; listeners do not pile up on the run's signal", async () => {
  const server = streamingFetch(false);
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch });
  const listenerCounts: number[] = [];
  const t = makeRun((_error, controller) => {
    listenerCounts.push(getEventListeners(controller.signal, "abort").length);
    if (listenerCounts.length === 3) controller.abort();
    return 1;
  });
  await loopDriver(config, t.run);
  expect(t.attempts()).toBe(3);
  expect(server.requests()).toBe(3);
  expect(t.events).toHaveLength(3);
  expect(t.failures).toHaveLength(3);
  expect(t.failures[0]).toBeInstanceOf(StreamEndedError);
  expect((t.failures[0] as Error).message).toBe("opencode-react: the server closed the event stream");
  expect(listenerCounts).toEqual([0, 0, 0]);
});

it("aborting mid-attempt resolves the driver without a failure", async () => {
  const server = streamingFetch(true);
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch });
  const t = makeRun(() => 1);
  const done = loopDriver(config, t.run);
  await vi.waitFor(() => expect(t.events).toHaveLength(1));
  t.controller.abort(new Error("unsubscribed"));
  await done;
  expect(t.failures).toEqual([]);
  expect(t.attempts()).toBe(1);
});

it("aborting during the backoff pause, or inside failed() itself, resolves the driver without waiting the delay", async () => {
  vi.useFakeTimers();
  const server = streamingFetch(false);
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch, events: { livenessTimeoutMs: 0 } });
  for (const abortInside of [false, true]) {
    const t = makeRun((_error, controller) => {
      if (abortInside) controller.abort(); // e.g. the last subscriber leaves from an onStatus callback
      return 60_000;
    });
    let resolved = false;
    void loopDriver(config, t.run).then(() => (resolved = true));
    await vi.waitFor(() => expect(t.failures).toHaveLength(1));
    if (!abortInside) t.controller.abort();
    await vi.advanceTimersByTimeAsync(0); // promises only: the 60 s pause is not over
    expect(resolved, `abort inside failed(): ${String(abortInside)}`).toBe(true);
    expect(t.attempts()).toBe(1);
  }
});

it("a fatal failure (failed() throws) rejects the driver with it", async () => {
  const server = streamingFetch(false);
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch });
  const fatal = new UnauthorizedError("401", { status: 401 });
  const t = makeRun(() => {
    throw fatal;
  });
  await expect(loopDriver(config, t.run)).rejects.toBe(fatal);
});
