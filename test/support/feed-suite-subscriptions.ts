/** Subscriptions: routing by session, listener isolation, reference counting, StrictMode. */
import { describe, expect, it } from "vitest";
import { createFeedFixture, FAST_EVENTS, sleep } from "./feed-fixture";
import { until } from "./sse-server";

export function subscriptionSuite(): void {
  describe("subscriptions", () => {
    it("fans two sessions out over one connection: each gets its own events plus server.*", async () => {
      const { server, record } = await createFeedFixture();
      const a = record({ sessionId: "ses_a" });
      const b = record({ sessionId: "ses_b" });
      const all = record();
      const stream = await server.stream(1);
      stream.send({ type: "message.part.delta", properties: { sessionID: "ses_a", delta: "A" } });
      stream.send({ type: "message.part.updated", properties: { part: { sessionID: "ses_b" } } });
      stream.send({ type: "server.heartbeat" });
      stream.send({ type: "lsp.updated" });
      stream.send({ type: "session.idle", properties: { sessionID: "ses_other" } });
      await until(() => all.events.length === 6, "every event on the unscoped subscription");
      expect(a.types()).toEqual(["server.connected", "message.part.delta", "server.heartbeat"]);
      expect(b.types()).toEqual(["server.connected", "message.part.updated", "server.heartbeat"]);
      expect(all.types()).toEqual(["server.connected", "message.part.delta", "message.part.updated", "server.heartbeat", "lsp.updated", "session.idle"]);
      expect(server.requests).toHaveLength(1);
    });

    it("isolates a throwing listener: reported through onError, the others and the feed go on", async () => {
      const { server, hub, record, errors } = await createFeedFixture();
      const boom = new Error("listener bug");
      hub.subscribe(() => {
        throw boom;
      });
      const other = record();
      const stream = await server.stream(1);
      stream.send({ type: "lsp.updated" });
      await until(() => other.events.length === 2, "both events on the healthy listener");
      expect(errors).toEqual([boom, boom]);
      expect(hub.status).toBe("open");
      expect(server.requests).toHaveLength(1);
    });

    it("shares one connection between subscribers, closes it when the last leaves, opens a new one on resubscribe", async () => {
      const { server, hub, record, errors, statuses } = await createFeedFixture();
      const first = record();
      const second = record({ sessionId: "ses_a" });
      expect(hub.subscriberCount).toBe(2);
      const stream = await server.stream(1);
      await hub.ready();
      first.off();
      first.off(); // idempotent
      stream.send({ type: "lsp.updated", properties: { sessionID: "ses_a" } });
      await until(() => second.types().includes("lsp.updated"), "an event on the connection the second subscriber kept");
      expect(stream.isClosed).toBe(false);
      second.off();
      await stream.closed;
      expect(hub.status).toBe("closed");
      expect(hub.subscriberCount).toBe(0);
      // A timer set now fires after any reconnect timer the close could have set (those are at
      // most backoffMaxMs and set earlier), and a reconnect shows in the hub's status at once.
      await sleep(FAST_EVENTS.backoffMaxMs * 2);
      expect(statuses).toEqual(["connecting", "open", "closed"]);
      expect(server.requests).toHaveLength(1);
      expect(errors).toEqual([]); // and must not be reported
      const again = record();
      await server.stream(2);
      await hub.ready();
      expect(again.types()).toEqual(["server.connected"]);
      expect(statuses).toEqual(["connecting", "open", "closed", "connecting", "open"]);
    });

    it("opens one connection for React StrictMode's subscribe/unsubscribe/subscribe in one tick", async () => {
      const { server, hub } = await createFeedFixture();
      const off = hub.subscribe(() => undefined);
      off();
      const seen: string[] = [];
      const offAgain = hub.subscribe((event) => seen.push(event.type));
      await hub.ready();
      // The 0 ms close timer of the first unsubscribe had its chance once an event came through after it.
      server.streams[0]?.send({ type: "lsp.updated" });
      await until(() => seen.includes("lsp.updated"), "an event after the close timer's turn");
      expect(hub.status).toBe("open");
      expect(server.requests).toHaveLength(1);
      expect(server.streams[0]?.isClosed).toBe(false);
      offAgain();
      await server.streams[0]?.closed;
    });

    it("rejects ready() when nothing is subscribed", async () => {
      const { hub } = await createFeedFixture();
      await expect(hub.ready()).rejects.toMatchObject({ name: "AbortError" });
      expect(hub.status).toBe("idle");
    });
  });
}
