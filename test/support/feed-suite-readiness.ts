/** Readiness, onReconnect, and the subscribe-then-prompt handshake. */
import { describe, expect, it } from "vitest";
import { BadRequestError, UnauthorizedError } from "../../src/core/errors";
import { FeedNotReadyError } from "../../src/core/events/feed-errors";
import { promptWhenReady } from "../../src/core/events/prompt-when-ready";
import type { WireEvent } from "../../src/core/events/types";
import { createFeedFixture, sleep } from "./feed-fixture";
import { until } from "./sse-server";

/** Tracks whether a promise settled, without awaiting it. */
function track(promise: Promise<unknown>): { settled: () => boolean } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { settled: () => settled };
}

export function readinessSuite(): void {
  describe("readiness", () => {
    it("resolves ready() on server.connected, delivering earlier frames anyway", async () => {
      const { server, hub, record } = await createFeedFixture();
      server.plan({ connected: false });
      const recorder = record();
      const stream = await server.stream(1);
      stream.send({ type: "server.heartbeat" });
      await until(() => recorder.events.length === 1, "the pre-connected heartbeat");
      const ready = track(hub.ready());
      await sleep(20);
      expect(ready.settled()).toBe(false);
      expect(hub.status).toBe("connecting");
      stream.send({ type: "server.connected" });
      await hub.ready();
      expect(recorder.types()).toEqual(["server.heartbeat", "server.connected"]);
    });

    it("is pending again after a reconnect until the new connection's server.connected; onReconnect once per reconnect", async () => {
      const { server, hub, record, reconnects } = await createFeedFixture();
      server.plan({}, { connected: false });
      record();
      await hub.ready();
      expect(reconnects).toEqual([]);
      (await server.stream(1)).end();
      const second = await server.stream(2);
      expect(hub.status).toBe("reconnecting");
      const ready = track(hub.ready());
      await sleep(20);
      expect(ready.settled()).toBe(false);
      expect(reconnects).toEqual([]);
      second.send({ type: "server.connected" });
      second.send({ type: "server.connected" }); // a second one on the same connection is not a reconnect
      await hub.ready();
      await until(() => reconnects.length === 1, "onReconnect");
      expect(reconnects).toEqual([{ connection: 2 }]);
      second.drop();
      await server.stream(3);
      await until(() => reconnects.length === 2, "the second onReconnect");
      expect(reconnects).toEqual([{ connection: 2 }, { connection: 3 }]);
    });

    it("rejects ready() on abort, and when the feed closes before it was ready", async () => {
      const { server, hub, record } = await createFeedFixture();
      server.setDefault({ connected: false });
      const recorder = record();
      await server.stream(1);
      const controller = new AbortController();
      const aborted = hub.ready({ signal: controller.signal });
      controller.abort(new Error("gave up"));
      await expect(aborted).rejects.toThrow("gave up");
      const pending = hub.ready();
      recorder.off();
      await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    });
  });

  describe("promptWhenReady", () => {
    it("posts once, after server.connected, and never again across reconnects", async () => {
      const { server, hub } = await createFeedFixture();
      server.plan({ connected: false }); // conn#1: only a heartbeat, then closed (S11)
      let posts = 0;
      const events: WireEvent[] = [];
      const handle = promptWhenReady(hub, "ses_1", async () => void (posts += 1), { onEvent: (event) => events.push(event) });
      const first = await server.stream(1);
      first.send({ type: "server.heartbeat" });
      await sleep(20);
      expect(posts).toBe(0);
      first.end();
      const second = await server.stream(2);
      const { unsubscribe } = await handle;
      expect(posts).toBe(1);
      second.send({ type: "message.part.delta", properties: { sessionID: "ses_1", delta: "once" } });
      second.end();
      await server.stream(3);
      await until(() => events.filter((event) => event.type === "server.connected").length === 2, "conn#3 connected");
      expect(posts).toBe(1);
      expect(events.map((event) => event.type)).toContain("message.part.delta");
      expect(hub.subscriberCount).toBe(1);
      unsubscribe();
      expect(hub.subscriberCount).toBe(0);
    });

    it("rejects with the post's error, never retries it, and releases the subscription", async () => {
      const { server, hub } = await createFeedFixture();
      let posts = 0;
      const failure = new BadRequestError("POST /session/ses_1/prompt_async failed (400)");
      const result = promptWhenReady(hub, "ses_1", () => {
        posts += 1;
        return Promise.reject(failure);
      }, { onEvent: () => undefined });
      await expect(result).rejects.toBe(failure);
      expect(hub.subscriberCount).toBe(0);
      await (await server.stream(1)).closed;
      expect(posts).toBe(1);
    });

    it("rejects with signal.reason when aborted before readiness, without posting", async () => {
      const { server, hub } = await createFeedFixture();
      server.setDefault({ connected: false });
      const controller = new AbortController();
      let posts = 0;
      const result = promptWhenReady(hub, "ses_1", async () => void (posts += 1), { signal: controller.signal, onEvent: () => undefined });
      await server.stream(1);
      controller.abort(new Error("unmounted"));
      await expect(result).rejects.toThrow("unmounted");
      expect(posts).toBe(0);
      expect(hub.subscriberCount).toBe(0);
    });

    it("prompt posting after its signal aborted during ready(): an abort while readiness settles posts nothing", async () => {
      const { hub } = await createFeedFixture();
      const controller = new AbortController();
      let posts = 0;
      // readiness opens, then the same server.connected reaches this listener, which aborts: the
      // ready() waiter resumes only after that, with the signal already aborted.
      const onEvent = (event: WireEvent): void => {
        if (event.type === "server.connected") controller.abort(new Error("navigated away"));
      };
      const result = promptWhenReady(hub, "ses_1", async () => void (posts += 1), { signal: controller.signal, onEvent });
      await expect(result).rejects.toThrow("navigated away");
      expect(posts).toBe(0);
      expect(hub.subscriberCount).toBe(0);
    });

    it("prompt readiness timeout: a feed that never becomes ready rejects with FeedNotReadyError, without posting", async () => {
      const { server, hub } = await createFeedFixture();
      server.setDefault({ connected: false });
      let posts = 0;
      const result = promptWhenReady(hub, "ses_1", async () => void (posts += 1), { readyTimeoutMs: 50 });
      await expect(result).rejects.toBeInstanceOf(FeedNotReadyError);
      await expect(result).rejects.toMatchObject({ code: "timeout" });
      expect(posts).toBe(0);
      expect(hub.subscriberCount).toBe(0);
    });

    it("onReconnect re-sync for client.prompt users: the prompt's onReconnect runs on each reconnect until unsubscribe", async () => {
      const { server, hub } = await createFeedFixture();
      const seen: number[] = [];
      const handle = await promptWhenReady(hub, "ses_1", async () => undefined, { onReconnect: (info) => seen.push(info.connection) });
      expect(hub.subscriberCount).toBe(1); // kept open for onReconnect even without onEvent
      (await server.stream(1)).end();
      await until(() => seen.length === 1, "the reconnect callback");
      expect(seen).toEqual([2]);
      handle.unsubscribe();
      expect(hub.subscriberCount).toBe(0);
    });

    it("does not post when the feed is refused with 401", async () => {
      const { server, hub } = await createFeedFixture();
      server.setDefault({ status: 401 });
      let posts = 0;
      await expect(promptWhenReady(hub, "ses_1", async () => void (posts += 1))).rejects.toBeInstanceOf(UnauthorizedError);
      expect(posts).toBe(0);
      expect(hub.subscriberCount).toBe(0);
    });

    it("without onEvent, unsubscribes as soon as the post settled", async () => {
      const { server, hub } = await createFeedFixture();
      let posts = 0;
      await promptWhenReady(hub, "ses_1", async () => void (posts += 1));
      expect(posts).toBe(1);
      expect(hub.subscriberCount).toBe(0);
      await (await server.stream(1)).closed;
    });
  });
}
