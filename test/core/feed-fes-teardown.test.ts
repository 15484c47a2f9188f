// @vitest-environment jsdom
/**
 * The browser feed driver stopping at awkward moments: during the wait before a retry, and after
 * the page's `window` or `document` is gone (a test environment torn down while a feed was live),
 * where the library's own dispose and retry code would throw.
 */
import { getEventListeners } from "node:events";
import { afterEach, expect, it, vi } from "vitest";
import { startConnected, startDriver } from "../support/scripted-feed-fetch";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Lets every queued promise reaction run (a macrotask comes after all of them); not a timing wait. */
const settleQueuedReactions = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

it("aborting the run while it waits to retry makes no further attempt", async () => {
  vi.useFakeTimers(); // the library's retry timer is window.setTimeout (= the faked global)
  const { server, t, done } = startDriver({ failed: () => 1_000 });
  await vi.waitFor(() => expect(server.attempts).toHaveLength(1));
  server.attempts[0]?.end();
  await vi.waitFor(() => expect(t.failures).toHaveLength(1)); // the retry is now 1 s away
  t.controller.abort();
  await done;
  await vi.runAllTimersAsync();
  expect(server.attempts).toHaveLength(1);
  expect(t.attempting()).toBe(1);
  expect(t.failures).toHaveLength(1);
});

it.each([
  ["undefined", undefined],
  ["null", null],
])("aborting the run after `window` is gone (%s, the document left) still closes the connection and resolves", async (_label, gone) => {
  const { server, t, done } = await startConnected();
  // Had the library's dispose run, window.clearTimeout would throw inside the abort listener and
  // the driver would never settle: the race reports that error instead of waiting for the timeout.
  let onEscape: (error: unknown) => void = () => undefined;
  const escaped = new Promise<never>((_resolve, reject) => (onEscape = reject));
  process.on("uncaughtException", onEscape);
  try {
    vi.stubGlobal("window", gone);
    t.controller.abort();
    await Promise.race([done, escaped]);
  } finally {
    process.off("uncaughtException", onEscape);
  }
  expect(server.attempts[0]?.signal.aborted).toBe(true);
});

it("a stream that breaks after the DOM is gone ends quietly: no failure reported, no new attempt", async () => {
  const { server, t, done } = await startConnected();
  const during = getEventListeners(t.run.signal, "abort").length;
  vi.stubGlobal("document", undefined);
  server.attempts[0]?.fail(new TypeError("network error"));
  // Our side saw the end (the attempt's listener left the run's signal); the library never does.
  await vi.waitFor(() => expect(getEventListeners(t.run.signal, "abort").length).toBe(during - 1));
  await settleQueuedReactions();
  expect(t.failures).toEqual([]);
  expect(server.attempts).toHaveLength(1);
  vi.unstubAllGlobals();
  t.controller.abort();
  await done;
});

it("a retry due after the run was aborted without a DOM sends no request", async () => {
  vi.useFakeTimers();
  const { server, t, done } = startDriver({ failed: () => 1_000 });
  await vi.waitFor(() => expect(server.attempts).toHaveLength(1));
  server.attempts[0]?.end();
  await vi.waitFor(() => expect(t.failures).toHaveLength(1)); // the library's retry timer is set
  vi.stubGlobal("document", undefined); // the library cannot be disposed now: its timer stays
  t.controller.abort();
  await done;
  await vi.runAllTimersAsync(); // the retry fires and reaches our fetch with the run aborted
  expect(server.attempts).toHaveLength(1);
  expect(t.failures).toHaveLength(1);
});
