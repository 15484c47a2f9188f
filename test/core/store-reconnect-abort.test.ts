/** The reply store across a dropped feed, on abort and on dispose. */
import { afterEach, describe, expect, test } from "vitest";
import { createReplyStore, distill } from "../../src/core/reply";
import { createFakeReplyClient, settle } from "../support/fake-reply-client";
import { delta, ev, MSG, SID, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, storedText } from "../support/store-harness";

afterEach(disposeHarnesses);

describe("reply store: reconnects (RC, SUB-13)", () => {
  test("a reconnect mid-turn never re-posts; it re-fetches and merges what the stream missed", async () => {
    const h = harness({}, storedText("Hello, world"));
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "Hel"));
    h.client.events.drop();
    h.client.events.connect();
    await settle();
    expect(h.client.posts).toHaveLength(1);
    expect(h.client.listCalls()).toBe(1);
    expect(h.state().status).toBe("streaming");
    expect(distill(h.state()).text).toBe("Hello, world");
    // The re-fetch never drops a live part the stored list does not have yet.
    h.push(delta("p9", "new part", "text", { messageID: MSG }));
    h.client.events.drop();
    h.client.events.connect();
    await settle();
    expect(distill(h.state()).text).toBe("Hello, world\n\nnew part");
    h.push(status("idle"));
    await settle();
    expect(h.client.posts).toHaveLength(1);
    expect(h.state().status).toBe("idle");
  });

  test("a turn that ended while the feed was down is finished from sessions.status()", async () => {
    const h = harness({}, storedText("done while away"));
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "done"));
    h.client.events.drop();
    h.client.statusAnswer = async () => ({}); // idle: absent from GET /session/status
    h.client.events.connect();
    await settle(30);
    expect(h.state()).toMatchObject({ status: "idle" });
    expect(h.state().result?.text).toBe("done while away");
    expect(h.client.listCalls()).toBe(1);
  });

  test("a drop before the feed was ready posts once, on the connection that is ready", async () => {
    const h = harness();
    const sending = h.state().send("hi");
    h.client.events.drop();
    await settle();
    expect(h.client.posts).toEqual([]);
    h.client.events.connect();
    await sending;
    expect(h.client.posts).toHaveLength(1);
  });
});

describe("reply store: abort", () => {
  test("before the POST: never posted, idle and aborted", async () => {
    const h = harness();
    const sending = h.state().send("hi");
    await h.state().abort();
    await sending;
    h.client.events.connect();
    await settle();
    expect(h.client.posts).toEqual([]);
    expect(h.client.aborts()).toBe(0);
    expect(h.state()).toMatchObject({ status: "idle", aborted: true, error: null });
  });

  test("mid-turn: the server abort; the turn ends on the feed, idle with aborted", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"));
    await h.state().abort();
    expect(h.client.aborts()).toBe(1);
    expect(h.state().status).toBe("streaming");
    h.push(ev("session.error", { error: { name: "MessageAbortedError", data: { message: "Aborted" } } }), status("idle"));
    await settle();
    expect(h.state()).toMatchObject({ status: "idle", aborted: true, error: null });
    expect(h.finished).toEqual([{ text: "partial", aborted: true, error: null }]);
  });

  test("when the server is idle already, the store ends the turn itself", async () => {
    const h = harness();
    await startTurn(h);
    h.push(userMessage(), delta("p1", "partial"));
    h.client.statusAnswer = async () => ({});
    await h.state().abort();
    await settle();
    expect(h.state()).toMatchObject({ status: "idle" });
    expect(h.client.listCalls()).toBe(1);
  });
});

describe("reply store: dispose and callbacks", () => {
  test("dispose unsubscribes; later events and actions do nothing", async () => {
    const client = createFakeReplyClient();
    const before = client.events.subscriberCount;
    const store = createReplyStore({ client, sessionId: SID, throttleMs: 0 });
    expect(client.events.subscriberCount).toBe(before + 1);
    store.getState().dispose();
    expect(client.events.subscriberCount).toBe(before);
    client.events.push(delta("p1", "late"));
    expect(store.getState().parts).toEqual([]);
    await expect(store.getState().send("x")).rejects.toThrow(/disposed/);
  });

  test("onEvent sees every event as it arrives; a throwing callback is reported, not fatal", async () => {
    const seen: string[] = [];
    const h = harness({
      onEvent: (event) => {
        seen.push(event.type);
        if (event.type === "server.heartbeat") throw new Error("callback bug");
      },
    });
    h.client.events.connect();
    h.client.events.heartbeat();
    h.push(delta("p1", "x"));
    expect(seen).toEqual(["server.connected", "server.heartbeat", "message.part.delta"]);
    expect(h.errors.map((e) => e.message)).toEqual(["callback bug"]);
    expect(distill(h.state()).text).toBe("x");
  });

  test("the state is plain data: parts with their by-id lookup, sessionStatus, no reducer internals", async () => {
    const h = harness();
    h.push(status("retry", { attempt: 2, message: "rate limited" }), delta("p1", "x"));
    const state = h.state();
    expect(state.sessionStatus).toMatchObject({ type: "retry", attempt: 2 });
    expect(state.parts.map((p) => p.id)).toEqual(["p1"]);
    expect(state.partsById.get("p1")).toBe(state.parts[0]);
    expect(state.status).toBe("streaming");
  });
});
