/**
 * The errors a reply store's turn ends or warns with, as a UI shows them: their type and message,
 * and what a turn timeout does to a prompt still waiting for the feed.
 */
import { afterEach, expect, test, vi } from "vitest";
import { ConflictError, IdleStreamError, OpencodeError, TimeoutError } from "../../src/core/errors";
import { delta, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
});

test("the turn deadline: a TimeoutError naming the limit in seconds and the session", async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const h = harness({ turnTimeoutMs: 1_500 });
  await startTurn(h);
  h.push(status("busy"), userMessage(), delta("p1", "x"));
  vi.advanceTimersByTime(1_500);
  expect(h.state().status).toBe("error");
  expect(h.state().error).toBeInstanceOf(TimeoutError);
  expect(h.state().error?.message).toBe("SSE stream timed out after 1.5s (session ses_1)");
  expect(h.errors).toEqual([h.state().error]);
});

test("the idle watchdog: an IdleStreamError naming the limit, the session and the likely cause", async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const h = harness({ idleTimeoutMs: 200 });
  await startTurn(h);
  h.push(status("busy"), userMessage(), delta("p1", "x"));
  vi.advanceTimersByTime(200);
  expect(h.state().status).toBe("wedged");
  expect(h.state().error).toBeInstanceOf(IdleStreamError);
  expect(h.state().error?.message).toBe(
    "No meaningful events for session ses_1 within 0.2s (SSE heartbeats still arriving — upstream likely wedged mid-turn)",
  );
});

test("a turn deadline passed while the prompt waits for the feed: the prompt is never posted", async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const h = harness({ turnTimeoutMs: 1_000, firstEventTimeoutMs: 5_000 });
  const sending = h.state().send("hi"); // the feed is not ready
  vi.advanceTimersByTime(1_000);
  expect(h.state().error).toBeInstanceOf(TimeoutError);
  expect(h.state().status).toBe("error");
  h.client.events.connect();
  await sending;
  expect(h.client.posts).toEqual([]);
  expect(h.state().status).toBe("error");
});

test("a second send while a turn runs: a ConflictError that says what to do", async () => {
  const h = harness();
  await startTurn(h);
  const second = h.state().send("again");
  await expect(second).rejects.toBeInstanceOf(ConflictError);
  await expect(second).rejects.toThrow("opencode-react: session ses_1 already has a turn in flight; wait for it or abort() it");
});

test("send after dispose: an OpencodeError saying the store was disposed", async () => {
  const h = harness();
  h.state().dispose();
  const sending = h.state().send("hi");
  await expect(sending).rejects.toBeInstanceOf(OpencodeError);
  await expect(sending).rejects.toThrow("opencode-react: this reply store was disposed");
});

test("a POST that fails with something that is not an Error: an OpencodeError carrying it", async () => {
  const h = harness();
  h.client.postAnswer = () => Promise.reject("connection refused");
  await startTurn(h);
  expect(h.state().status).toBe("error");
  expect(h.state().error).toBeInstanceOf(OpencodeError);
  expect(h.state().error?.message).toBe("opencode-react: connection refused");
  expect(h.errors).toEqual([h.state().error]);
});

test("after a failed POST the store is idle again: the next send posts", async () => {
  const h = harness();
  h.client.postAnswer = () => Promise.reject(new Error("refused"));
  await startTurn(h);
  expect(h.state().status).toBe("error");
  h.client.postAnswer = async () => undefined;
  await expect(h.state().send("again")).resolves.toBeUndefined();
  expect(h.client.posts).toHaveLength(2);
  expect(h.state()).toMatchObject({ status: "submitted", error: null });
});
