// @vitest-environment jsdom
import type * as FetchEventSource from "@microsoft/fetch-event-source";
import { afterAll, expect, it, vi } from "vitest";
import { fetchEventSourceDriver } from "../../src/core/events/fetch-event-source-driver";
import { selectFeedDriver } from "../../src/core/events/select-driver";
import { createFeedFixture, disposeFeedFixtures, sleep } from "../support/feed-fixture";
import { until } from "../support/sse-server";
import { runFeedSuite } from "../support/feed-suite";

// Counts the library's runs (and keeps the real implementation) to prove this file goes through it.
const library = vi.hoisted(() => ({ runs: 0 }));
vi.mock("@microsoft/fetch-event-source", async (importOriginal) => {
  const actual = await importOriginal<typeof FetchEventSource>();
  return {
    ...actual,
    fetchEventSource: (...args: Parameters<typeof actual.fetchEventSource>) => {
      library.runs += 1;
      return actual.fetchEventSource(...args);
    },
  };
});

it("uses the fetch-event-source driver where there is a DOM", () => {
  expect(selectFeedDriver()).toBe(fetchEventSourceDriver);
});

runFeedSuite("jsdom");

it("keeps the stream open while the tab is hidden (openWhenHidden): no abort, no reconnect", async () => {
  const { server, record } = await createFeedFixture();
  const recorder = record();
  const stream = await server.stream(1);
  const hidden = vi.spyOn(document, "hidden", "get").mockReturnValue(true);
  const state = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
  try {
    document.dispatchEvent(new Event("visibilitychange")); // its listeners run now, synchronously
    // An event sent after the tab went hidden arrives on the same connection: it stayed open.
    stream.send({ type: "lsp.updated" });
    await until(() => recorder.types().includes("lsp.updated"), "the event sent while hidden");
    expect(recorder.types()).toEqual(["server.connected", "lsp.updated"]);
    expect(stream.isClosed).toBe(false);
    expect(server.requests).toHaveLength(1);
  } finally {
    hidden.mockRestore();
    state.mockRestore();
    await disposeFeedFixtures();
  }
});

it("a feed whose DOM goes away while connected (a torn-down test environment) ends quietly when the server closes", async () => {
  const { server, record, statuses } = await createFeedFixture();
  record();
  const stream = await server.stream(1);
  const escaped: unknown[] = [];
  const onEscape = (reason: unknown): void => void escaped.push(reason);
  process.on("unhandledRejection", onEscape);
  process.on("uncaughtException", onEscape);
  try {
    await until(() => statuses.includes("open"), "the feed opens");
    vi.stubGlobal("document", undefined);
    vi.stubGlobal("window", undefined);
    stream.end();
    await stream.closed;
    // Nothing to wait for but the absence of an error: the library, left waiting, never touches
    // the missing DOM (without the guard its dispose threw "document is not defined" here).
    await sleep(200);
  } finally {
    vi.unstubAllGlobals();
    process.off("unhandledRejection", onEscape);
    process.off("uncaughtException", onEscape);
    await disposeFeedFixtures();
  }
  expect(escaped).toEqual([]);
});

it("says offline while the browser is, and coming back online retries at once instead of waiting out the backoff", async () => {
  const { server, hub, record } = await createFeedFixture({ events: { backoffInitialMs: 20_000, backoffMaxMs: 20_000 } });
  try {
    record();
    await hub.ready();
    const onLine = vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    (await server.stream(1)).end(); // the next attempt is 10-20 s away
    await until(() => hub.status === "offline", "the close, while offline");
    expect(hub.nextAttemptAt).toBeGreaterThan(Date.now() + 5_000);
    onLine.mockRestore();
    window.dispatchEvent(new Event("online"));
    await hub.ready();
    expect(server.requests).toHaveLength(2);
    expect(hub.status).toBe("open");
  } finally {
    await disposeFeedFixtures();
  }
});

it("the page becoming visible retries a feed stopped by an unsupported answer; a 401 stays unauthorized", async () => {
  const { server, hub, record } = await createFeedFixture();
  try {
    server.plan({ status: 403 }, { status: 401 });
    record();
    await until(() => hub.status === "unsupported", "the 403");
    document.dispatchEvent(new Event("visibilitychange"));
    await until(() => hub.status === "unauthorized", "the retry, refused with 401");
    expect(server.requests).toHaveLength(2);
    const statusesBefore = hub.status;
    document.dispatchEvent(new Event("visibilitychange"));
    window.dispatchEvent(new Event("online"));
    // A retry would show in the status first ("connecting"); give any deferred one a macrotask.
    await sleep(50);
    expect([statusesBefore, hub.status]).toEqual(["unauthorized", "unauthorized"]);
    expect(server.requests).toHaveLength(2); // a wrong password is never retried on its own
    hub.restart();
    await hub.ready();
  } finally {
    await disposeFeedFixtures();
  }
});

afterAll(() => {
  expect(library.runs).toBeGreaterThan(10);
});
