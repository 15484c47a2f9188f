/**
 * After the feed reconnects mid-turn, the store re-lists the pending questions and permissions:
 * what was asked while it was down comes in, what was answered meanwhile leaves, and what the feed
 * itself asked or answered while the lists were in flight is not undone. Every wait is a positive
 * signal (the state the user would see), so these tests cost milliseconds.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { distill } from "../../src/core/reply";
import { eventually } from "../support/eventually";
import { assistantMessage, delta, ev, MSG, SID, status, toolSnap, USER, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, type Harness } from "../support/store-harness";
import { deferred } from "../support/deferred";

afterEach(() => disposeHarnesses());

const CHILD = "ses_child";
const question = (id: string, sessionID = SID) => ({ id, sessionID, questions: [{ question: "Which?", header: "Pick", options: [] }] });
const permission = (id: string, sessionID = SID) => ({ id, sessionID, permission: "bash", patterns: ["ls"], always: [], metadata: {} });

/** A running turn with some text, its feed just dropped (the server still says busy). */
async function droppedMidTurn(h: Harness, ...extra: WireEvent[]): Promise<void> {
  await startTurn(h);
  h.push(status("busy"), userMessage(), assistantMessage(), delta("p1", "so far"), ...extra);
  h.client.events.drop();
}

describe("reply store: pending prompts re-listed after a reconnect", () => {
  test("a question and a permission asked while the feed was down show after the reconnect; other sessions' and malformed items stay out", async () => {
    const h = harness();
    await droppedMidTurn(h);
    h.client.questionsAnswer = async () => [question("que_x", "ses_other"), "junk", { sessionID: SID }, { id: "que_nosession", questions: [] }, question("que_1")];
    h.client.permissionsAnswer = async () => [permission("per_x", "ses_other"), permission("per_1")];
    h.client.events.connect();
    await eventually(() => expect(h.state().status).toBe("awaiting-input"));
    await eventually(() => expect(Object.keys(h.state().permissions)).toEqual(["per_1"]));
    expect(Object.keys(h.state().questions)).toEqual(["que_1"]);
    expect(h.state().questions.que_1).toMatchObject({ sessionId: SID, questions: [{ question: "Which?" }] });
    expect(h.state().permissions.per_1).toMatchObject({ sessionId: SID, permission: "bash", patterns: ["ls"] });
    expect(h.state().watchdog.deadlineKind).not.toBe("turn"); // the turn deadline waits for the user
    expect(h.errors).toEqual([]);
    // Answered on the feed as usual: the turn streams on.
    h.push(ev("question.replied", { requestID: "que_1", answers: [["A"]] }), ev("permission.replied", { requestID: "per_1", reply: "once" }));
    expect(h.state().status).toBe("streaming");
  });

  test("a subagent's question asked while the feed was down shows in the parent's turn", async () => {
    const h = harness();
    await droppedMidTurn(h, toolSnap("t1", "task", { status: "running", input: {}, metadata: { sessionId: CHILD } }));
    h.client.questionsAnswer = async () => [question("que_c", CHILD)];
    h.client.permissionsAnswer = async () => [permission("per_c", CHILD)];
    h.client.events.connect();
    await eventually(() => expect(Object.keys(h.state().permissions)).toEqual(["per_c"]));
    expect(h.state().questions.que_c).toMatchObject({ sessionId: CHILD });
    expect(h.state().status).toBe("awaiting-input");
  });

  test("a question the feed asks while the lists are in flight stays; one answered elsewhere meanwhile leaves", async () => {
    const h = harness();
    await droppedMidTurn(h, ev("question.asked", { id: "que_1", questions: [] }));
    const list = deferred<readonly unknown[]>();
    h.client.questionsAnswer = () => list.promise;
    h.client.events.connect();
    await eventually(() => expect(h.client.listCalls()).toBe(1)); // the re-sync is under way
    h.push(ev("question.asked", { id: "que_2", questions: [] }));
    list.resolve([]); // listed before que_2 was asked; que_1 was answered in another tab
    await eventually(() => expect(Object.keys(h.state().questions)).toEqual(["que_2"]));
    expect(h.state().status).toBe("awaiting-input");
  });

  const answers: Array<[string, () => WireEvent, "questions" | "permissions"]> = [
    ["question.replied", () => ev("question.replied", { requestID: "req_1", answers: [["A"]] }), "questions"],
    ["question.rejected", () => ev("question.rejected", { requestID: "req_1" }), "questions"],
    ["permission.replied", () => ev("permission.replied", { requestID: "req_1", reply: "once" }), "permissions"],
  ];
  test.each(answers)("a request resolved on the feed (%s) while the lists are in flight is not brought back by them", async (_name, resolve, kind) => {
    const h = harness();
    await droppedMidTurn(h);
    const list = deferred<readonly unknown[]>();
    const other = deferred<readonly unknown[]>();
    // Both lists were taken before the answer: they still show the request.
    const item = kind === "questions" ? question("req_1") : permission("req_1");
    h.client.questionsAnswer = () => (kind === "questions" ? list.promise : other.promise);
    h.client.permissionsAnswer = () => (kind === "permissions" ? list.promise : other.promise);
    h.client.events.connect();
    await eventually(() => expect(h.client.listCalls()).toBe(1));
    h.push(resolve());
    list.resolve([item, kind === "questions" ? question("req_2") : permission("req_2")]);
    other.resolve([]);
    // A positive signal: the other request of the same list came in.
    await eventually(() => expect(Object.keys(h.state()[kind])).toEqual(["req_2"]));
  });

  test("a client without the questions and permissions routes re-syncs the text, with no error", async () => {
    const h = harness({}, [
      { info: { id: USER, sessionID: SID, role: "user", time: { created: 1 } }, parts: [] },
      { info: { id: MSG, sessionID: SID, role: "assistant", parentID: USER, time: { created: 2 } }, parts: [{ id: "p1", sessionID: SID, messageID: MSG, type: "text", text: "so far and more" }] },
    ]);
    const client = h.client as { questions?: unknown; permissions?: unknown };
    delete client.questions;
    delete client.permissions;
    await droppedMidTurn(h);
    h.client.events.connect();
    await eventually(() => expect(distill(h.state()).text).toBe("so far and more"));
    expect(h.errors).toEqual([]);
    expect(h.state().status).toBe("streaming");
  });

  test("a list that fails is reported and leaves its kind alone; the other list still re-syncs", async () => {
    const h = harness();
    await droppedMidTurn(h, ev("question.asked", { id: "que_1", questions: [] }), ev("permission.asked", { id: "per_1", permission: "bash" }));
    h.client.questionsAnswer = async () => []; // answered meanwhile
    h.client.permissionsAnswer = () => Promise.reject(new Error("permission list down"));
    h.client.events.connect();
    await eventually(() => expect(h.state().questions).toEqual({}));
    expect(Object.keys(h.state().permissions)).toEqual(["per_1"]);
    expect(h.state().status).toBe("awaiting-input");
    expect(h.errors.map((e) => e.message)).toEqual(["permission list down"]);
  });
});
