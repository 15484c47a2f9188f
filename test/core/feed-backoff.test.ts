import { describe, expect, it } from "vitest";
import { backoffDelay, createBackoff } from "../../src/core/events/backoff";
import { isFatalFeedError } from "../../src/core/events/feed-failure";
import { ConnectionError, OpencodeError, ServerError, UnauthorizedError } from "../../src/core/errors";

describe("backoff", () => {
  it("doubles from the initial delay up to the cap, with equal jitter", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, 250, 5000, () => 1));
    expect(ceilings).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect(backoffDelay(3, 250, 5000, () => 0)).toBe(500); // half the ceiling is fixed
    expect(backoffDelay(1000, 250, 5000, () => 0.5)).toBe(3750); // no overflow on long outages
  });

  it("counts consecutive failures and starts over after reset()", () => {
    const backoff = createBackoff({ backoffInitialMs: 10, backoffMaxMs: 1000 }, () => 1);
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([10, 20, 40]);
    expect(backoff.failures).toBe(3);
    backoff.reset();
    expect(backoff.next()).toBe(10);
  });
});

describe("isFatalFeedError", () => {
  it("stops on 4xx (401 included) but retries timing errors, 5xx and network failures", () => {
    expect(isFatalFeedError(new UnauthorizedError("x", { status: 401 }))).toBe(true);
    expect(isFatalFeedError(new OpencodeError("x", { status: 404 }))).toBe(true);
    expect(isFatalFeedError(new OpencodeError("x", { status: 429 }))).toBe(false);
    expect(isFatalFeedError(new ServerError("x", { status: 503 }))).toBe(false);
    expect(isFatalFeedError(new ConnectionError("x"))).toBe(false);
    expect(isFatalFeedError(new TypeError("fetch failed"))).toBe(false);
  });
});
