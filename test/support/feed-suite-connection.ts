/** Connection behaviour: request shape, reconnects, backoff, liveness, fatal 401, frame errors. */
import { describe, expect, it } from "vitest";
import { ConnectionError, FrameTooLargeError, MalformedEventError, ServerError, UnauthorizedError, UnsupportedServerError } from "../../src/core/errors";
import { createFeedFixture, DIRECTORY, FAST_EVENTS, PASSWORD, sleep } from "./feed-fixture";
import { until } from "./sse-server";

export function connectionSuite(): void {
  describe("connection", () => {
    it("sends Accept and Basic auth as headers, never the password in the URL, and scopes /event by directory", async () => {
      const { server, record } = await createFeedFixture();
      record();
      const { request } = await server.stream(1);
      const url = new URL(request.url, server.url);
      expect(url.pathname).toBe("/event");
      expect(url.searchParams.get("directory")).toBe(DIRECTORY);
      expect(url.searchParams.has("auth_token")).toBe(false);
      const basic = Buffer.from(`opencode:${PASSWORD}`).toString("base64");
      expect(request.url).not.toContain(PASSWORD);
      expect(request.url).not.toContain(basic);
      expect(request.headers.authorization).toBe(`Basic ${basic}`);
      expect(request.headers.accept).toBe("text/event-stream");
    });

    it("accepts a 2xx without a content type (SSE-03)", async () => {
      const { server, hub, record } = await createFeedFixture();
      server.plan({ contentType: null });
      const recorder = record();
      await hub.ready();
      expect(recorder.types()).toEqual(["server.connected"]);
    });

    it("reconnects after a clean server close, without reporting it as an error", async () => {
      const { server, hub, record, errors, statuses } = await createFeedFixture();
      const recorder = record();
      (await server.stream(1)).end();
      const second = await server.stream(2);
      second.send({ type: "lsp.updated" });
      await until(() => recorder.types().includes("lsp.updated"), "event on the new connection");
      expect(recorder.types()).toEqual(["server.connected", "server.connected", "lsp.updated"]);
      expect(errors).toEqual([]);
      expect(statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
      expect(hub.status).toBe("open");
    });

    it("reconnects after a socket drop and reports the failure", async () => {
      const { server, record, errors } = await createFeedFixture();
      const recorder = record();
      (await server.stream(1)).drop();
      await server.stream(2);
      await until(() => recorder.types().length === 2, "connected on the new connection");
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toBeInstanceOf(ConnectionError);
    });

    it("backs off exponentially between failed attempts, up to the cap, and reports each failure", async () => {
      // random() = 1 makes every delay its ceiling: 20, 40, 40, ... ms. Lower bounds are exact
      // (timers never fire early). The cap is read from what the hub announces with each failure
      // (nextAttemptAt - now, taken in the same tick, so never more than the scheduled delay
      // whatever the load): at most 40 ms, where a still-doubling backoff would announce 1280.
      const { server, record, errors, hub } = await createFeedFixture({
        events: { backoffInitialMs: 20, backoffMaxMs: 40 },
        hub: { random: () => 1 },
      });
      const announced: number[] = [];
      hub.onError(() => announced.push((hub.nextAttemptAt ?? Infinity) - Date.now()));
      server.setDefault({ status: 503, body: "restarting" });
      record();
      await server.waitForRequests(8);
      await until(() => announced.length >= 7, "seven failures announced");
      const at = server.requests.map((request) => request.at);
      const gaps = at.slice(1).map((time, i) => time - (at[i] as number));
      expect(gaps[0]).toBeGreaterThanOrEqual(18);
      expect(gaps[1]).toBeGreaterThanOrEqual(38);
      expect(gaps[6]).toBeGreaterThanOrEqual(38);
      expect(Math.max(...announced.slice(0, 7))).toBeLessThanOrEqual(40); // uncapped: 20, 40, 80 … 1280
      expect(errors[0]).toBeInstanceOf(ServerError);
      expect(hub.status).toBe("reconnecting");
    });

    it("resets the backoff once a connection reached server.connected", async () => {
      const { server, record, hub } = await createFeedFixture({ events: { backoffInitialMs: 40, backoffMaxMs: 5000 }, hub: { random: () => 1 } });
      server.plan({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }); // 40 + 80 + 160 + 320 + 640 ms, then a stream
      // What the hub announces when the working stream ends (nextAttemptAt - now, same tick: never
      // more than the scheduled delay, whatever the load): 40 ms after a reset, 1280 without.
      let afterEnd: number | undefined;
      hub.onStatus((status) => {
        if (status === "reconnecting" && server.requests.length === 6) afterEnd = (hub.nextAttemptAt ?? Infinity) - Date.now();
      });
      record();
      const stream = await server.stream(1);
      const endedAt = Date.now();
      stream.end();
      await server.stream(2);
      const gap = (server.requests[6]?.at ?? Infinity) - endedAt;
      expect(gap).toBeGreaterThanOrEqual(35);
      expect(afterEnd).toBeLessThanOrEqual(40);
    });

    it("reconnects when no byte arrives for livenessTimeoutMs, but not while bytes keep coming", async () => {
      // A 1 s window against 40 ms gaps: a busy machine may stretch a gap several times over
      // without reaching the window, while the 30 gaps (1.2 s in all) outlast it.
      const { server, record, errors } = await createFeedFixture({ events: { livenessTimeoutMs: 1_000 } });
      record();
      const first = await server.stream(1);
      for (let i = 0; i < 30; i++) {
        await sleep(40);
        first.write(": keep-alive\n\n"); // a comment: bytes, no event
      }
      expect(server.requests).toHaveLength(1);
      await first.closed; // silence: the client aborts the attempt
      await server.stream(2);
      expect(errors.some((error) => error instanceof ConnectionError && /no data/.test(error.message))).toBe(true);
    });

    it("treats 401 on open as fatal: UnauthorizedError via onError, ready() rejects, no retry loop", async () => {
      const { server, hub, record, errors, statuses } = await createFeedFixture();
      server.setDefault({ status: 401 });
      record();
      await expect(hub.ready()).rejects.toBeInstanceOf(UnauthorizedError);
      // A timer set now fires after any reconnect timer the failure could have set (those are at
      // most backoffMaxMs and set earlier), and a retry shows in the hub's status at once.
      await sleep(FAST_EVENTS.backoffMaxMs * 2);
      expect(statuses).toEqual(["connecting", "unauthorized"]);
      expect(server.requests).toHaveLength(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(UnauthorizedError);
      expect(errors[0]?.message).not.toContain(PASSWORD);
      expect(hub.status).toBe("unauthorized");
      await expect(hub.ready()).rejects.toBeInstanceOf(UnauthorizedError);
    });

    it("treats a 200 HTML page (wrong baseUrl, OpenCode 2.x) as fatal: UnsupportedServerError, no reconnect loop", async () => {
      const { server, hub, record, errors, statuses } = await createFeedFixture();
      server.setDefault({ contentType: "text/html; charset=utf-8" });
      const recorder = record();
      await expect(hub.ready()).rejects.toBeInstanceOf(UnsupportedServerError);
      // A timer set now fires after any reconnect timer the failure could have set (those are at
      // most backoffMaxMs and set earlier), and a retry shows in the hub's status at once.
      await sleep(FAST_EVENTS.backoffMaxMs * 2);
      expect(statuses).toEqual(["connecting", "unsupported"]);
      expect(server.requests).toHaveLength(1);
      expect(errors.map((error) => error.constructor)).toEqual([UnsupportedServerError]);
      expect(recorder.events).toEqual([]);
      expect(hub.status).toBe("unsupported");
    });

    it("HTML body cancelled: the page a 200 HTML answer streams is never read and its connection is closed", async () => {
      const { server, hub, record } = await createFeedFixture();
      // The test server keeps a 2xx open (it streams), like a login page that never ends.
      server.setDefault({ contentType: "text/html; charset=utf-8", connected: false });
      record();
      await expect(hub.ready()).rejects.toBeInstanceOf(UnsupportedServerError);
      const page = await server.stream(1);
      await page.closed; // without the cancel the socket stays open until the test server closes
      expect(page.isClosed).toBe(true);
    });

    it("reports oversize, malformed and non-object frames and keeps going on the same connection", async () => {
      const { server, record, errors } = await createFeedFixture({ events: { maxFrameBytes: 1000 } });
      const recorder = record();
      const stream = await server.stream(1);
      stream.write(`data: {"type":"big","properties":{"x":"${"x".repeat(2000)}"}}\n\n`);
      stream.write("data: {not json\n\n");
      stream.write("data: [1,2]\n\n");
      stream.send({ type: "lsp.updated" });
      await until(() => recorder.types().includes("lsp.updated"), "the event after the bad frames");
      expect(recorder.types()).toEqual(["server.connected", "lsp.updated"]);
      expect(errors.map((error) => error.constructor)).toEqual([FrameTooLargeError, MalformedEventError, MalformedEventError]);
      expect(server.requests).toHaveLength(1);
    });
  });
}
