// @vitest-environment jsdom
/**
 * The browser feed driver when the run stops from inside its own failure report: the hub calls
 * failed() synchronously, and failed() reports to onError / onStatus listeners, any of which may call
 * restart() or dispose() (which abort the run then and there).
 */
import { afterEach, expect, it, vi } from "vitest";
import { resolveConfig } from "../../src/core/config";
import { fetchEventSourceDriver } from "../../src/core/events/fetch-event-source-driver";
import { makeRun, scriptedServer } from "../support/scripted-feed-fetch";

afterEach(() => {
  vi.useRealTimers();
});

it("regression: a run stopped from inside failed() (an onError listener calling restart()) left the library retrying aborted attempts forever", async () => {
  vi.useFakeTimers(); // the library schedules its retries with window.setTimeout (= the faked global)
  const server = scriptedServer();
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch });
  const t = makeRun(() => {
    t.controller.abort(); // what hub.restart() does to the old run, synchronously, while it reports
    return 5;
  });
  const done = fetchEventSourceDriver(config, t.run);
  await vi.waitFor(() => expect(server.attempts).toHaveLength(1));
  server.attempts[0]?.end();
  await done; // resolves: the stop is silent
  // With the defect every retry was refused by the aborted signal and reported through failed()
  // again (runAllTimers gave up after 10,000 timers); now no timer is left.
  await vi.runAllTimersAsync();
  expect(vi.getTimerCount()).toBe(0);
  expect(t.attempting()).toBe(1);
  expect(t.failures).toHaveLength(1);
  expect(server.attempts).toHaveLength(1);
});
