/**
 * The server feed with a scripted driver: which streams it opens for which hubs, what each hub sees
 * of the shared /global/event stream, the fallback to /event, and the retry when the browser comes
 * back online (stubbed window) for failing feeds only.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resolveConfig } from "../../src/core/config";
import { ConnectionError, NotFoundError, OpencodeError, UnauthorizedError } from "../../src/core/errors";
import type { FeedDriver, FeedRun } from "../../src/core/events/feed-driver";
import { createServerFeed } from "../../src/core/events/server-feed";
import type { FeedStatus, WireEvent } from "../../src/core/events/types";

interface ScriptedRun {
  route: string;
  directory: string | undefined;
  run: FeedRun;
  reject(error: unknown): void;
  rejected: boolean;
}

function scriptedDriver(): { driver: FeedDriver; runs: ScriptedRun[]; live: () => ScriptedRun[] } {
  const runs: ScriptedRun[] = [];
  const driver: FeedDriver = (config, run) =>
    new Promise<void>((resolve, reject) => {
      const entry: ScriptedRun = {
        route: run.route ?? "/event",
        directory: config.directory,
        run,
        rejected: false,
        reject: (error) => {
          entry.rejected = true;
          reject(error);
        },
      };
      runs.push(entry);
      run.signal.addEventListener("abort", () => resolve());
    });
  return { driver, runs, live: () => runs.filter((entry) => !entry.run.signal.aborted && !entry.rejected) };
}

const connected: WireEvent = { type: "server.connected", properties: {} };
const idle = (sessionID: string): WireEvent => ({ type: "session.idle", properties: { sessionID } });
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let win: EventTarget;
beforeEach(() => {
  win = new EventTarget();
  vi.stubGlobal("window", win);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function setup() {
  const scripted = scriptedDriver();
  const feed = createServerFeed(resolveConfig({ baseUrl: "http://127.0.0.1:1" }), { driver: scripted.driver, random: () => 0, wake: { checkIntervalMs: 0 } });
  return { ...scripted, feed };
}

function statuses(hub: { onStatus(listener: (status: FeedStatus) => void): () => void }): FeedStatus[] {
  const seen: FeedStatus[] = [];
  hub.onStatus((status) => seen.push(status));
  return seen;
}

describe("server feed routing", () => {
  it("hubs with a directory share one /global/event run and see its attempts, problems and failures; the default hub has its own /event", () => {
    const t = setup();
    const a = t.feed.hub("/a");
    const b = t.feed.hub("/b");
    const plain = t.feed.hub(undefined);
    expect(t.feed.hub("/a/")).toBe(a);
    expect(t.feed.hub("")).not.toBe(plain);
    const aStatuses = statuses(a);
    const bStatuses = statuses(b);
    const plainStatuses = statuses(plain);
    const aErrors: string[] = [];
    a.onError((error) => aErrors.push(error.message));
    const plainErrors: string[] = [];
    plain.onError((error) => plainErrors.push(error.message));
    const aEvents: string[] = [];
    a.subscribe((event) => aEvents.push(event.type));
    plain.subscribe(() => undefined);
    expect(t.runs.map((entry) => [entry.route, entry.directory])).toEqual([
      ["/global/event", undefined],
      ["/event", undefined],
    ]);
    const global = t.runs[0] as ScriptedRun;
    global.run.attempting();
    b.subscribe(() => undefined); // joins the stream while it is still connecting
    global.run.handlers.onProblem(new OpencodeError("frame too large"));
    global.run.handlers.onEvent(connected);
    global.run.handlers.onEvent(idle("ses_1"), "/a");
    global.run.handlers.onEvent(idle("ses_2"), "/b");
    global.run.failed(new ConnectionError("drop"));
    expect(t.runs).toHaveLength(2);
    expect(aStatuses).toEqual(["connecting", "open", "reconnecting"]);
    expect(bStatuses).toEqual(["connecting", "open", "reconnecting"]);
    expect(plainStatuses).toEqual([]); // its own /event run has not even attempted
    expect(aErrors).toEqual(["frame too large", "drop"]);
    expect(plainErrors).toEqual([]);
    expect(aEvents).toEqual(["server.connected", "session.idle"]);
  });

  it("the global run stops when the last directory hub leaves, even while the default hub stays", async () => {
    const t = setup();
    const offA = t.feed.hub("/a").subscribe(() => undefined);
    t.feed.hub(undefined).subscribe(() => undefined);
    const global = t.runs[0] as ScriptedRun;
    offA();
    await vi.waitFor(() => expect(global.run.signal.aborted).toBe(true));
    expect(t.live().map((entry) => entry.route)).toEqual(["/event"]);
  });

  it("a 404 on /global/event before it ever worked falls back to one /event per directory hub, not a second one for the default hub", async () => {
    const t = setup();
    const a = t.feed.hub("/a");
    a.subscribe(() => undefined);
    t.feed.hub(undefined).subscribe(() => undefined);
    (t.runs[0] as ScriptedRun).reject(new NotFoundError("404", { status: 404 }));
    await vi.waitFor(() => expect(t.runs).toHaveLength(3));
    await flush();
    expect(t.live().map((entry) => [entry.route, entry.directory])).toEqual([
      ["/event", undefined],
      ["/event", "/a"],
    ]);
    expect(a.transport).toBe("directory");
  });

  it("a 401 on /global/event is fatal (unauthorized), not a fallback", async () => {
    const t = setup();
    const a = t.feed.hub("/a");
    a.subscribe(() => undefined);
    (t.runs[0] as ScriptedRun).reject(new UnauthorizedError("401", { status: 401 }));
    await vi.waitFor(() => expect(a.status).toBe("unauthorized"));
    await flush();
    expect(t.runs).toHaveLength(1);
  });

  it("a refusal after /global/event once worked is fatal (unsupported), not a fallback", async () => {
    const t = setup();
    const a = t.feed.hub("/a");
    a.subscribe(() => undefined);
    const global = t.runs[0] as ScriptedRun;
    global.run.attempting();
    global.run.handlers.onEvent(connected);
    global.reject(new NotFoundError("404", { status: 404 }));
    await vi.waitFor(() => expect(a.status).toBe("unsupported"));
    await flush();
    expect(t.runs).toHaveLength(1);
  });
});

describe("retry when the browser comes back online", () => {
  const online = (): void => void win.dispatchEvent(new Event("online"));

  it("restarts when one hub is reconnecting while another is open", () => {
    const t = setup();
    t.feed.hub("/a").subscribe(() => undefined);
    t.feed.hub(undefined).subscribe(() => undefined);
    const [global, plain] = t.runs as [ScriptedRun, ScriptedRun];
    global.run.attempting();
    global.run.handlers.onEvent(connected);
    plain.run.attempting();
    plain.run.failed(new ConnectionError("refused"));
    online();
    expect(global.run.signal.aborted).toBe(true);
    expect(plain.run.signal.aborted).toBe(true);
    expect(t.live().map((entry) => entry.route)).toEqual(["/global/event", "/event"]);
  });

  it("does nothing when every hub is open or refused its password", async () => {
    const t = setup();
    const a = t.feed.hub("/a");
    a.subscribe(() => undefined);
    t.feed.hub(undefined).subscribe(() => undefined);
    const [global, plain] = t.runs as [ScriptedRun, ScriptedRun];
    global.run.attempting();
    global.run.handlers.onEvent(connected);
    plain.reject(new UnauthorizedError("401", { status: 401 }));
    await vi.waitFor(() => expect(t.feed.hub(undefined).status).toBe("unauthorized"));
    online();
    expect(t.runs).toHaveLength(2);
    expect(global.run.signal.aborted).toBe(false);
  });

  it("restarts an offline hub and an unsupported one", async () => {
    const t = setup();
    const plain = t.feed.hub(undefined);
    plain.subscribe(() => undefined);
    vi.stubGlobal("navigator", { onLine: false });
    (t.runs[0] as ScriptedRun).run.failed(new ConnectionError("offline"));
    expect(plain.status).toBe("offline");
    online();
    expect(t.runs).toHaveLength(2);
    (t.runs[1] as ScriptedRun).reject(new NotFoundError("404", { status: 404 }));
    await vi.waitFor(() => expect(plain.status).toBe("unsupported"));
    online();
    expect(t.runs).toHaveLength(3);
  });

  it("keeps watching while one hub is still subscribed after another left", async () => {
    const t = setup();
    const offA = t.feed.hub("/a").subscribe(() => undefined);
    const plain = t.feed.hub(undefined);
    plain.subscribe(() => undefined);
    offA();
    await vi.waitFor(() => expect(t.feed.hub("/a").status).toBe("closed"));
    (t.runs[1] as ScriptedRun).run.failed(new ConnectionError("refused"));
    online();
    expect(t.live().map((entry) => entry.route)).toEqual(["/event"]);
    expect(t.runs).toHaveLength(3);
  });
});
