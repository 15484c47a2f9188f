/** The reply store's turn lifecycle: send, POST errors, the final merge, turns seen on the feed. */
import { afterEach, describe, expect, test } from "vitest";
import { BadRequestError, ConflictError, ServerError, SessionError } from "../../src/core/errors";
import { distill } from "../../src/core/reply";
import { settle } from "../support/fake-reply-client";
import { assistantMessage, delta, ev, MSG, status, textSnap, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, storedText } from "../support/store-harness";

afterEach(disposeHarnesses);

const idle = () => ev("session.idle");

describe("reply store: send", () => {
  test("connecting until the feed is ready, then exactly one POST; submitted until the first session event", async () => {
    const h = harness();
    const sending = h.state().send({ text: "hi", agent: "build" });
    await settle();
    expect(h.state().status).toBe("connecting");
    expect(h.client.posts).toEqual([]);
    h.client.events.connect();
    await sending;
    expect(h.client.posts).toEqual([{ text: "hi", agent: "build" }]);
    expect(h.state().status).toBe("submitted");
    h.push(status("busy"), userMessage(), delta("p1", "Hel"), delta("p1", "lo"), status("idle"));
    await settle();
    expect(h.statuses).toEqual(["idle", "connecting", "submitted", "streaming", "idle"]);
    expect(h.state().result?.text).toBe("Hello");
  });

  test("heartbeats and server.connected before the POST change nothing; a string is a text prompt", async () => {
    const h = harness();
    const sending = h.state().send("plain");
    h.client.events.heartbeat();
    h.client.events.connect();
    await sending;
    expect(h.client.posts).toEqual([{ text: "plain" }]);
    expect(h.state().watchdog.lastEventAt).toBeNull();
  });

  test("a POST error is the store's error, typed, never retried, and no final fetch (SUB-12)", async () => {
    const h = harness();
    h.client.postAnswer = () => Promise.reject(new BadRequestError("POST /session/ses_1/prompt_async failed (400): bad"));
    await startTurn(h);
    expect(h.state().status).toBe("error");
    expect(h.state().error).toBeInstanceOf(BadRequestError);
    expect(h.errors).toEqual([h.state().error]);
    expect(h.client.posts).toHaveLength(1);
    h.client.events.drop();
    h.client.events.connect();
    await settle();
    expect(h.client.posts).toHaveLength(1);
    expect(h.client.listCalls()).toBe(0);
  });

  test("send while a turn is in flight rejects with ConflictError and posts nothing", async () => {
    const h = harness();
    await startTurn(h);
    await expect(h.state().send("again")).rejects.toBeInstanceOf(ConflictError);
    expect(h.client.posts).toHaveLength(1);
  });

  test("the next send starts from an empty reply; late events of the previous turn are ignored", async () => {
    const h = harness();
    await startTurn(h);
    h.push(userMessage(), assistantMessage(), delta("p1", "first"), status("idle"), idle());
    await settle();
    expect(h.state().result?.text).toBe("first");
    await startTurn(h, "second");
    expect(h.state()).toMatchObject({ parts: [], result: null, status: "submitted" });
    // The server finishing the previous message after its idle (as after an abort).
    h.push(textSnap("p1", "first, finished"), assistantMessage(MSG, { finish: "stop" }));
    expect(h.state().parts).toEqual([]);
    expect(h.state().status).toBe("submitted");
    h.push(userMessage("msg_u2"), delta("p2", "second", "text", { messageID: "msg_a2" }), status("idle"));
    await settle();
    expect(h.state().result?.text).toBe("second");
  });
});

describe("reply store: final merge (FX-01, FX-10)", () => {
  test("the turn's end fetches the messages once and the stored turn wins", async () => {
    const h = harness({}, storedText("Hello, world"));
    await startTurn(h);
    h.push(userMessage(), delta("p1", "Hello, wo"), status("idle"), idle());
    await settle();
    expect(h.client.listCalls()).toBe(1);
    expect(h.state().result?.text).toBe("Hello, world");
    expect(distill(h.state()).text).toBe("Hello, world");
    expect(h.finished).toEqual([{ text: "Hello, world", aborted: false, error: null }]);
  });

  test("a failed final fetch keeps the streamed text, reports the error and does not fail the turn", async () => {
    const h = harness();
    const failure = new ServerError("GET /session/ses_1/message failed (500)");
    h.client.listAnswer = () => Promise.reject(failure);
    await startTurn(h);
    h.push(userMessage(), delta("p1", "streamed"), status("idle"));
    await settle();
    expect(h.state()).toMatchObject({ status: "idle", error: null });
    expect(h.state().result?.text).toBe("streamed");
    expect(h.errors).toEqual([failure]);
  });

  test("a turn started elsewhere is followed and merged too", async () => {
    const h = harness({}, storedText("from another tab"));
    h.client.events.connect();
    h.push(userMessage(), status("busy"), delta("p1", "from another"), status("idle"));
    await settle();
    expect(h.statuses).toEqual(["idle", "streaming", "idle"]);
    expect(h.state().result?.text).toBe("from another tab");
    expect(h.client.posts).toEqual([]);
  });

  test("a failed turn: error at once on session.error, result after the merge", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), ev("session.error", { error: { name: "APIError", data: { message: "boom" } } }));
    expect(h.state().status).toBe("error");
    expect(h.state().error).toBeInstanceOf(SessionError);
    h.push(status("idle"));
    await settle();
    expect(h.state().status).toBe("error");
    expect(h.finished).toEqual([{ text: "", aborted: false, error: h.state().error }]);
  });
});
