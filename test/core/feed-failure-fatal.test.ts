/** Which feed failures stop the feed (no reconnect) and which are retried: the status boundaries. */
import { expect, it } from "vitest";
import { isFatalFeedError } from "../../src/core/events/feed-failure";
import { OpencodeError, UnsupportedServerError } from "../../src/core/errors";

it("every 4xx from 400 to 499 is fatal except 408 and 429; 3xx and 5xx are retried", () => {
  const fatal = (status: number): boolean => isFatalFeedError(new OpencodeError("x", { status }));
  expect([400, 401, 403, 404, 499].map(fatal)).toEqual([true, true, true, true, true]);
  expect([399, 408, 429, 500, 503].map(fatal)).toEqual([false, false, false, false, false]);
});

it("only our own errors count: a foreign error carrying a 4xx status, or one of ours without status, is retried", () => {
  expect(isFatalFeedError(Object.assign(new Error("proxy"), { status: 404 }))).toBe(false);
  expect(isFatalFeedError({ status: 401 })).toBe(false);
  expect(isFatalFeedError(new OpencodeError("no status"))).toBe(false);
  expect(isFatalFeedError(new UnsupportedServerError("html"))).toBe(true);
});
