/**
 * The documented defaults, each used without an override (every other test sets its own): base
 * URL http://127.0.0.1:4096, 120 s request timeout, 1 MiB frame cap, 25 s liveness, reconnect
 * backoff from 250 ms doubling to 5 s.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { resolveConfig } from "../../src/core/config";
import { FrameTooLargeError, TimeoutError } from "../../src/core/errors";
import { createBackoff } from "../../src/core/events/backoff";
import { createFeedFixture, disposeFeedFixtures } from "../support/feed-fixture";

afterEach(async () => {
  vi.useRealTimers();
  await disposeFeedFixtures();
});

/** A fetch that records URLs and never answers until aborted. */
function hangingFetch(urls: string[]): typeof fetch {
  return (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
    });
  };
}

describe("defaults", () => {
  it("resolves to the documented values", () => {
    const config = resolveConfig({ fetch: hangingFetch([]) });
    expect(config.baseUrlString).toBe("http://127.0.0.1:4096");
    expect(config.timeoutMs).toBe(120_000);
    expect(config.events).toEqual({
      maxFrameBytes: 1024 * 1024,
      livenessTimeoutMs: 35_000,
      learnLiveness: true,
      backoffInitialMs: 250,
      backoffMaxMs: 5_000,
      readyTimeoutMs: 30_000,
      transport: "auto",
    });
  });

  it("talks to http://127.0.0.1:4096 and times a request out after 120 s, not before", async () => {
    vi.useFakeTimers();
    const urls: string[] = [];
    const client = createOpencodeClient({ fetch: hangingFetch(urls) });
    const outcome = client.health().then(
      () => "answered",
      (error: unknown) => error,
    );
    expect(urls).toEqual(["http://127.0.0.1:4096/global/health"]);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(119_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(TimeoutError);
  });

  it("waits 250 ms before the first reconnect, doubling up to 5 s", () => {
    const backoff = createBackoff(resolveConfig({ fetch: hangingFetch([]) }).events, () => 1); // full jitter: the ceiling
    expect(Array.from({ length: 7 }, () => backoff.next())).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it("accepts a frame of just under 1 MiB and reports one over it", async () => {
    const { server, record, errors } = await createFeedFixture({ events: { maxFrameBytes: undefined } });
    const recorder = record();
    const stream = await server.stream(1);
    const frame = (size: number) => `data: {"type":"big","properties":{"x":"${"x".repeat(size)}"}}\n\n`;
    stream.write(frame(1024 * 1024 - 100));
    stream.write(frame(1024 * 1024 + 100));
    stream.send({ type: "lsp.updated" });
    await vi.waitFor(() => expect(recorder.types()).toContain("lsp.updated"), { timeout: 10_000 });
    expect(recorder.types()).toEqual(["server.connected", "big", "lsp.updated"]);
    expect(errors.map((error) => error.constructor)).toEqual([FrameTooLargeError]);
  });
});
