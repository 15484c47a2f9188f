// @vitest-environment jsdom
/**
 * What the browser feed driver promises fetch-event-source, whatever the library's version does
 * with it: the `fetch` it hands over behaves like fetch with respect to the library's per-attempt
 * signal (aborting it closes the connection; an aborted one sends nothing), and the response the
 * library gets keeps the real status and headers. Version 2.0.1 aborts its signal only when our
 * run is aborted too, so the scripted-fetch tests cannot tell these apart: here the test plays the
 * library and calls the `fetch` option itself.
 */
import type * as FetchEventSource from "@microsoft/fetch-event-source";
import { getEventListeners } from "node:events";
import { afterEach, expect, it, vi } from "vitest";
import { frame, startDriver, type ScriptedAnswer } from "../support/scripted-feed-fetch";

type LibraryOptions = Parameters<typeof FetchEventSource.fetchEventSource>[1];

// The library, played by the test: it records the options and waits for its signal.
const library = vi.hoisted(() => ({ options: [] as unknown[] }));
vi.mock("@microsoft/fetch-event-source", () => ({
  fetchEventSource: (_input: string, options: { signal?: AbortSignal }) => {
    library.options.push(options);
    return new Promise<void>((resolve) => options.signal?.addEventListener("abort", () => resolve()));
  },
}));

afterEach(() => {
  library.options = [];
});

function start(answer?: (attempt: number) => ScriptedAnswer) {
  const { server, t, done } = startDriver({ answer });
  const options = library.options.at(-1) as LibraryOptions;
  const fetch = options.fetch as (input: string, init?: RequestInit) => Promise<Response>;
  return { server, t, done, fetch };
}

it("aborting the library's per-attempt signal closes that connection, and its listener goes with the attempt", async () => {
  const { server, t, done, fetch } = start();
  const attempt = new AbortController();
  const response = await fetch("ignored", { signal: attempt.signal });
  expect(server.attempts).toHaveLength(1);
  expect(getEventListeners(attempt.signal, "abort")).toHaveLength(1);
  attempt.abort(new Error("the library gave up on this attempt"));
  expect(server.attempts[0]?.signal.aborted).toBe(true);
  await expect(response.body?.getReader().read()).rejects.toThrow("the library gave up on this attempt");
  await vi.waitFor(() => expect(getEventListeners(attempt.signal, "abort")).toHaveLength(0));
  expect(t.run.signal.aborted).toBe(false); // only that attempt: the run goes on
  t.controller.abort();
  await done;
});

it("an attempt that ends leaves no listener on the library's signal (one reused across attempts would collect them)", async () => {
  const { server, t, done, fetch } = start();
  const attempt = new AbortController();
  for (let i = 1; i <= 3; i += 1) {
    await fetch("ignored", { signal: attempt.signal });
    server.attempts[i - 1]?.end();
    await vi.waitFor(() => expect(getEventListeners(attempt.signal, "abort")).toHaveLength(0));
  }
  t.controller.abort();
  await done;
});

it("a per-attempt signal already aborted sends nothing and rejects with its reason, like fetch", async () => {
  const { server, t, done, fetch } = start();
  const reason = new Error("abandoned before it started");
  await expect(fetch("ignored", { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  expect(server.attempts).toHaveLength(0);
  t.controller.abort();
  await done;
});

it("after the run is aborted, the fetch sends nothing and rejects with the run's reason", async () => {
  const { server, t, done, fetch } = start();
  const reason = new Error("the last subscriber left");
  t.controller.abort(reason);
  await done;
  await expect(fetch("ignored", { signal: new AbortController().signal })).rejects.toBe(reason);
  expect(server.attempts).toHaveLength(0);
});

it("without a per-attempt signal, the run's signal alone closes the connection", async () => {
  const { server, t, done, fetch } = start();
  await fetch("ignored");
  server.attempts[0]?.push(frame("server.connected"));
  await vi.waitFor(() => expect(t.events).toEqual(["server.connected"]));
  t.controller.abort();
  await done;
  expect(server.attempts[0]?.signal.aborted).toBe(true);
});

it("the library gets the stream's status and headers (a null-body 204 or 205 as 200), and an empty body", async () => {
  const answers = [
    new Response(null, { status: 201, statusText: "Created", headers: { "content-type": "text/event-stream", "x-served-by": "proxy" } }),
    new Response(null, { status: 204 }),
    new Response(null, { status: 205 }),
  ];
  const { t, done, fetch } = start((attempt) => answers[attempt - 1]);
  const created = await fetch("ignored", { signal: new AbortController().signal });
  expect([created.status, created.statusText, created.headers.get("x-served-by")]).toEqual([201, "Created", "proxy"]);
  expect((await fetch("ignored", { signal: new AbortController().signal })).status).toBe(200);
  expect((await fetch("ignored", { signal: new AbortController().signal })).status).toBe(200);
  expect(await created.text()).toBe(""); // our parser reads the real body; the library never sees an event
  t.controller.abort();
  await done;
});
