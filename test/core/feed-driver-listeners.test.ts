// @vitest-environment jsdom
/** Regression: the browser driver must not pile up abort listeners on the long-lived run signal. */
import { afterEach, expect, it } from "vitest";
import { resolveConfig } from "../../src/core/config";
import { fetchEventSourceDriver } from "../../src/core/events/fetch-event-source-driver";
import type { FeedRun } from "../../src/core/events/feed-driver";
import { FAST_EVENTS } from "../support/feed-fixture";
import { startSseServer, until, type SseTestServer } from "../support/sse-server";

let server: SseTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A signal that counts the abort listeners currently registered on it. */
function countingSignal(controller: AbortController): { signal: AbortSignal; live: () => number } {
  const signal = controller.signal;
  const listeners = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions | boolean) => {
    if (type === "abort") listeners.add(listener);
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: EventListenerOptions | boolean) => {
    if (type === "abort") listeners.delete(listener);
    remove(type, listener, options);
  }) as typeof signal.removeEventListener;
  return { signal, live: () => listeners.size };
}

it("abort listeners piling up in the browser driver: 30 refused attempts leave the run signal with a bounded number of listeners", async () => {
  server = await startSseServer();
  server.setDefault({ status: 503 });
  const controller = new AbortController();
  const counted = countingSignal(controller);
  let attempts = 0;
  const run: FeedRun = {
    signal: counted.signal,
    attempting: () => void (attempts += 1),
    handlers: { onEvent: () => undefined, onProblem: () => undefined },
    failed: () => 1,
  };
  const driving = fetchEventSourceDriver(resolveConfig({ baseUrl: server.url, events: FAST_EVENTS }), run);
  await until(() => attempts >= 30, "30 attempts", 10_000);
  // The driver's own stop listener plus at most the attempt in flight; before the fix, one per attempt.
  expect(counted.live()).toBeLessThanOrEqual(3);
  controller.abort();
  await driving;
});
