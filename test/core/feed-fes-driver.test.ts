// @vitest-environment jsdom
/**
 * The browser feed driver (fetch-event-source) with a hand-made run and a scripted fetch: events
 * through our parser, a clean end or a broken stream reconnecting with the delay failed() returns,
 * null-body 2xx answers, a 404 rejecting, a hidden page keeping its stream, an aborted run, and no
 * listener pile-up on the run's signal.
 */
import { getEventListeners } from "node:events";
import { expect, it, vi } from "vitest";
import { resolveConfig } from "../../src/core/config";
import { ConnectionError, NotFoundError } from "../../src/core/errors";
import { StreamEndedError } from "../../src/core/events/connection";
import { fetchEventSourceDriver } from "../../src/core/events/fetch-event-source-driver";
import { frame, makeRun, scriptedServer, startConnected, startDriver } from "../support/scripted-feed-fetch";

it("reads /event by default, and a clean end reconnects after the delay failed() returns", async () => {
  const { server, t, done } = startDriver();
  await vi.waitFor(() => expect(server.attempts).toHaveLength(1));
  expect(server.attempts[0]?.url).toBe("http://127.0.0.1:1/event");
  server.attempts[0]?.push(frame("server.connected") + frame("session.idle"));
  await vi.waitFor(() => expect(t.events).toEqual(["server.connected", "session.idle"]));
  server.attempts[0]?.end();
  await vi.waitFor(() => expect(server.attempts).toHaveLength(2));
  expect(t.failures).toHaveLength(1);
  expect(t.failures[0]).toBeInstanceOf(StreamEndedError);
  expect((t.failures[0] as Error).message).toBe("opencode-react: the server closed the event stream");
  expect(t.attempting()).toBe(2);
  t.controller.abort();
  await done;
  expect(server.attempts[1]?.signal.aborted).toBe(true);
});

it("a stream broken mid-way is a ConnectionError (with the network error as its cause) and a new attempt", async () => {
  const { server, t, done } = startDriver({ route: "/global/event" });
  await vi.waitFor(() => expect(server.attempts).toHaveLength(1));
  expect(server.attempts[0]?.url).toBe("http://127.0.0.1:1/global/event");
  const cause = new TypeError("network error");
  server.attempts[0]?.fail(cause);
  await vi.waitFor(() => expect(server.attempts).toHaveLength(2));
  expect(t.failures[0]).toBeInstanceOf(ConnectionError);
  expect(t.failures[0]).not.toBeInstanceOf(StreamEndedError);
  expect((t.failures[0] as Error).message).toBe("opencode-react: event stream failed: network error");
  expect((t.failures[0] as Error).cause).toBe(cause);
  t.controller.abort();
  await done;
});

it("a 204 or 205 answer is a clean end, not a broken response", async () => {
  const { server, t, done } = startDriver({ answer: (attempt) => (attempt <= 2 ? new Response(null, { status: attempt === 1 ? 204 : 205 }) : undefined) });
  await vi.waitFor(() => expect(server.attempts).toHaveLength(3));
  expect(t.failures.map((error) => error instanceof StreamEndedError)).toEqual([true, true]);
  t.controller.abort();
  await done;
});

it("a 404 rejects the driver with a NotFoundError when failed() says it is fatal", async () => {
  const { server, done } = startDriver({
    answer: () => new Response("nope", { status: 404 }),
    failed: (error) => {
      throw error;
    },
  });
  await expect(done).rejects.toBeInstanceOf(NotFoundError);
  expect(server.attempts).toHaveLength(1);
});

it("leaves no listener per attempt on the run's signal", async () => {
  let counts: number[] = [];
  const server = scriptedServer((attempt) => (attempt % 2 === 0 ? new TypeError("refused") : undefined));
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch });
  const t = makeRun(() => {
    counts.push(getEventListeners(t.run.signal, "abort").length);
    return 1;
  });
  const done = fetchEventSourceDriver(config, t.run);
  for (let i = 1; i <= 5; i += 2) {
    await vi.waitFor(() => expect(server.attempts).toHaveLength(i));
    server.attempts[i - 1]?.end(); // odd attempts end cleanly, even ones are refused
  }
  await vi.waitFor(() => expect(t.failures.length).toBeGreaterThanOrEqual(5));
  counts = counts.slice(0, 5);
  expect(new Set(counts).size).toBe(1); // the same count after every attempt: nothing accumulates
  t.controller.abort();
  await done;
});

it("a hidden page keeps its stream open", async () => {
  const { server, t, done } = startDriver();
  await vi.waitFor(() => expect(server.attempts).toHaveLength(1));
  Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
  document.dispatchEvent(new Event("visibilitychange"));
  server.attempts[0]?.push(frame("server.connected"));
  await vi.waitFor(() => expect(t.events).toEqual(["server.connected"]));
  expect(server.attempts[0]?.signal.aborted).toBe(false);
  expect(server.attempts).toHaveLength(1);
  delete (document as unknown as Record<string, unknown>).hidden;
  delete (document as unknown as Record<string, unknown>).visibilityState;
  t.controller.abort();
  await done;
});

it("an already aborted run resolves at once without a request", async () => {
  let fetched = (): void => undefined;
  const request = new Promise<string>((resolve) => (fetched = () => resolve("requested")));
  const server = scriptedServer(() => {
    fetched();
    return undefined;
  });
  const config = resolveConfig({ baseUrl: "http://127.0.0.1:1", fetch: server.fetch });
  const t = makeRun(() => 1);
  t.controller.abort();
  const outcome = await Promise.race([fetchEventSourceDriver(config, t.run).then(() => "resolved"), request]);
  expect(outcome).toBe("resolved");
  expect(server.attempts).toHaveLength(0);
});

it("aborting the run after the DOM is gone (a torn-down test page) still closes the connection and resolves", async () => {
  const { server, t, done } = await startConnected();
  vi.stubGlobal("document", undefined);
  try {
    t.controller.abort();
    await done;
    expect(server.attempts[0]?.signal.aborted).toBe(true);
  } finally {
    vi.unstubAllGlobals();
  }
});
