/** A feed that recovers: restart after fatal failures, statuses that say why, sleep/wake, dispose, and the defects of issue 14. */
import { describe, expect, it } from "vitest";
import { ConnectionError, UnauthorizedError, UnsupportedServerError } from "../../src/core/errors";
import { StreamEndedError } from "../../src/core/events/connection";
import type { FeedStatus } from "../../src/core/events/types";
import { createFeedFixture, sleep } from "./feed-fixture";
import { until } from "./sse-server";

export function recoverySuite(): void {
  describe("recovery", () => {
    it("restart() after a 401 tries again and opens once the password is accepted; no retry on its own", async () => {
      const { server, hub, record, statuses } = await createFeedFixture();
      server.plan({ status: 401 });
      const recorder = record();
      await expect(hub.ready()).rejects.toBeInstanceOf(UnauthorizedError);
      expect(hub.status).toBe("unauthorized");
      expect(hub.lastError).toBeInstanceOf(UnauthorizedError);
      await sleep(60);
      expect(server.requests).toHaveLength(1);
      hub.restart();
      await hub.ready();
      expect(server.requests).toHaveLength(2);
      expect(hub.status).toBe("open");
      expect(hub.lastError).toBeUndefined();
      expect(recorder.types()).toEqual(["server.connected"]);
      expect(statuses).toEqual(["connecting", "unauthorized", "connecting", "open"]);
    });

    it("restart() recovers from an unsupported answer (a proxy's 403 during a deploy) and re-syncs via onReconnect", async () => {
      const { server, hub, record, reconnects } = await createFeedFixture();
      record();
      await hub.ready();
      (await server.stream(1)).end();
      server.plan({ status: 403, body: "deploying" });
      await until(() => hub.status === "unsupported", "the 403 to stop the feed");
      await expect(hub.ready()).rejects.toMatchObject({ status: 403 });
      hub.restart();
      await hub.ready();
      expect(hub.status).toBe("open");
      expect(reconnects).toEqual([{ connection: 2 }]);
    });

    it("says when the next attempt is while reconnecting", async () => {
      const { server, hub, record } = await createFeedFixture({ events: { backoffInitialMs: 400, backoffMaxMs: 400 } });
      record();
      await hub.ready();
      server.plan({ status: 503 });
      const before = Date.now(); // the 503 comes after this, so the next attempt >= 200 ms after it
      (await server.stream(1)).end();
      await server.waitForRequests(2);
      // While an attempt is in flight there is no "next" one; after the 503 there is, 200-400 ms on.
      await until(() => hub.nextAttemptAt !== undefined, "the refused attempt");
      expect(hub.status).toBe("reconnecting");
      expect(hub.lastError).toMatchObject({ status: 503 });
      expect(hub.nextAttemptAt).toBeGreaterThanOrEqual(before + 200);
      await until(() => hub.status === "open", "the next attempt");
      expect(hub.nextAttemptAt).toBeUndefined();
    });

    it("2xx non-SSE body reported: a JSON answer on /event is an UnsupportedServerError, not a silent reconnect loop", async () => {
      const { server, hub, record, errors } = await createFeedFixture();
      server.setDefault({ contentType: "application/json", connected: false });
      record();
      const first = await server.stream(1);
      first.write('{"ok":true}');
      first.end();
      await expect(hub.ready()).rejects.toBeInstanceOf(UnsupportedServerError);
      await sleep(60);
      expect(server.requests).toHaveLength(1);
      expect(errors.map((error) => error.constructor)).toEqual([UnsupportedServerError]);
      expect(hub.status).toBe("unsupported");
    });

    it("2xx non-SSE body reported: an event stream that ends before server.connected is reported, not silent", async () => {
      const { server, hub, record, errors } = await createFeedFixture();
      server.plan({ connected: false });
      record();
      (await server.stream(1)).end();
      await hub.ready();
      expect(errors.some((error) => error instanceof StreamEndedError)).toBe(true);
    });

    it("readiness marked stale on transport error: markStale() reconnects at once, ready() waits for the new server.connected, onReconnect fires", async () => {
      const { server, hub, record, reconnects } = await createFeedFixture();
      record();
      await hub.ready();
      server.plan({ connected: false });
      hub.markStale();
      const pending: FeedStatus = hub.status;
      expect(pending).not.toBe("open");
      let ready = false;
      void hub.ready().then(() => (ready = true));
      const second = await server.stream(2);
      await sleep(20);
      expect(ready).toBe(false);
      second.send({ type: "server.connected" });
      await hub.ready();
      expect(reconnects).toEqual([{ connection: 2 }]);
      await until(() => server.streams[0]?.isClosed === true, "the stale connection to close");
    });

    it("learns the heartbeat period from the stream: heartbeats 500 ms apart shorten the liveness window to ~1.25 s", async () => {
      const { server, hub, record, errors } = await createFeedFixture({ events: { livenessTimeoutMs: undefined } });
      record();
      await hub.ready();
      const stream = await server.stream(1);
      stream.send({ type: "server.heartbeat" });
      await sleep(500);
      stream.send({ type: "server.heartbeat" });
      // The default window (35 s) would keep this silent stream; the learned one (1.25 s) does not.
      await server.stream(2, 5_000);
      expect(errors.some((error) => error instanceof ConnectionError && /no data/.test(error.message))).toBe(true);
    });

    it("client.dispose(): dispose() closes the connection, every timer, and later subscriptions stay inert", async () => {
      const { server, hub, record, statuses } = await createFeedFixture();
      record();
      await hub.ready();
      hub.dispose();
      await (await server.stream(1)).closed;
      expect(hub.status).toBe("closed");
      expect(statuses.at(-1)).toBe("closed");
      const off = hub.subscribe(() => undefined);
      await sleep(30);
      expect(server.requests).toHaveLength(1);
      await expect(hub.ready()).rejects.toMatchObject({ name: "AbortError" });
      off();
    });
  });
}
