/**
 * Regression tests of the reply store's defects listed in issue 10 ("Reply store, second version"),
 * each named after the defect it pins. (Defect 5 is in store-hidden-tab.test.ts, jsdom; defect 11
 * in test/react/stream-select-cost.test.tsx.)
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { ConflictError } from "../../src/core/errors";
import { createReplyStore, distill } from "../../src/core/reply";
import { createFakeReplyClient, settle } from "../support/fake-reply-client";
import {
  assistantMessage,
  delta,
  ev,
  MSG,
  SID,
  status,
  stepFinish,
  toolSnap,
  USER,
  userMessage,
} from "../support/reply-events";
import { eventually } from "../support/eventually";
import { disposeHarnesses, harness, startTurn } from "../support/store-harness";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const CHILD = "ses_child";
const user = (id: string, created: number) => ({ info: { id, sessionID: SID, role: "user", time: { created } }, parts: [] });
const answer = (id: string, parentID: string, partId: string, text: string) => ({
  info: { id, sessionID: SID, role: "assistant", parentID, time: { created: 2 } },
  parts: [{ id: partId, sessionID: SID, messageID: id, type: "text", text }],
});

describe("issue 10 defects", () => {
  test("defect 1: a turn with a second user message keeps the answer to the first one after the final merge", async () => {
    const stored = [user(USER, 1), answer(MSG, USER, "p1", "first answer"), user("msg_u2", 3), answer("msg_a2", "msg_u2", "p2", "second answer")];
    const h = harness({}, stored);
    await startTurn(h);
    h.push(status("busy"), userMessage(), assistantMessage(), delta("p1", "first answer"));
    // A prompt queued from another tab (or auto-compaction's continue message) mid-turn.
    h.push(userMessage("msg_u2"), assistantMessage("msg_a2", { parentID: "msg_u2" }));
    h.push(delta("p2", "second answer", "text", { messageID: "msg_a2" }), status("idle"));
    await settle();
    expect(h.finished.map((f) => f.text)).toEqual(["first answer\n\nsecond answer"]);
    expect(h.state().result?.text).toBe("first answer\n\nsecond answer");
  });

  test("defect 2: a question answered while the feed was down is removed when the store re-syncs", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), ev("question.asked", { id: "que_1", questions: [] }));
    expect(h.state().status).toBe("awaiting-input");
    expect(h.state().watchdog.deadlineKind).not.toBe("turn");
    h.client.events.drop();
    h.client.questionsAnswer = async () => []; // answered in another tab meanwhile
    h.client.events.connect();
    await eventually(() => expect(h.state().questions).toEqual({}));
    expect(h.state().status).toBe("streaming");
    expect(h.state().watchdog.deadlineKind).toBe("turn");
  });

  test("defect 2: a permission answered while the feed was down is removed when the store re-syncs", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), ev("permission.asked", { id: "per_1", permission: "bash", patterns: [] }));
    expect(h.state().status).toBe("awaiting-input");
    h.client.events.drop();
    h.client.permissionsAnswer = async () => [];
    h.client.events.connect();
    await eventually(() => expect(h.state().permissions).toEqual({}));
    expect(h.state().status).toBe("streaming");
  });

  test("defect 3: after a TimeoutError before any event, late events and idle end the turn normally", async () => {
    vi.useFakeTimers();
    const h = harness({ turnTimeoutMs: 1000, firstEventTimeoutMs: 5000 }, [user(USER, 1), answer(MSG, USER, "p1", "late")]);
    await startTurn(h);
    await vi.advanceTimersByTimeAsync(1001);
    expect(h.state().error?.name).toBe("TimeoutError");
    h.push(status("busy"), userMessage(), delta("p1", "late"), status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]?.text).toBe("late");
    expect(h.state().status).toBe("idle");
    await expect(h.state().send("again")).resolves.toBeUndefined();
    expect(h.client.posts).toHaveLength(2);
  });

  test("defect 3: send after such a turn does not reject with ConflictError", async () => {
    vi.useFakeTimers();
    const h = harness({ turnTimeoutMs: 1000 });
    await startTurn(h);
    await vi.advanceTimersByTimeAsync(1001);
    h.push(status("busy"), delta("p1", "x"), status("idle"));
    await eventually(() => expect(h.state().status).toBe("idle"));
    const sending = h.state().send("next");
    await expect(sending).resolves.toBeUndefined();
    expect(sending).not.toBeInstanceOf(ConflictError);
  });

  test("defect 4: the mid-turn merge keeps a tool that completed while the GET was in flight", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), assistantMessage(), toolSnap("t1", "bash", { status: "running", input: { command: "ls" } }));
    let answerList: (items: readonly unknown[]) => void = () => undefined;
    h.client.listAnswer = () => new Promise((resolve) => (answerList = resolve));
    h.client.events.drop();
    h.client.events.connect();
    await eventually(() => expect(h.client.listCalls()).toBe(1));
    // While the GET is in flight the tool completes and a step finishes.
    h.push(toolSnap("t1", "bash", { status: "completed", input: { command: "ls" }, output: "a.txt" }), stepFinish("sf1", 0.5, { input: 10, output: 3 }));
    answerList([
      user(USER, 1),
      {
        info: { id: MSG, sessionID: SID, role: "assistant", parentID: USER, time: { created: 2 } },
        parts: [{ id: "t1", sessionID: SID, messageID: MSG, type: "tool", tool: "bash", callID: "call_1", state: { status: "running", input: { command: "ls" } } }],
      },
    ]);
    await settle(30);
    const tool = h.state().partsById.get("t1");
    expect(tool).toMatchObject({ type: "tool", status: "completed", output: "a.txt" });
    expect(h.state().totals.cost).toBe(0.5);
    expect(h.state().totals.tokens.input).toBe(10);
  });

  test("defect 6: a child session's question shows in the parent's turn, with its session id, and suspends the deadline", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage());
    // The task tool starts a subagent session (named in its metadata), then that session asks.
    h.push(toolSnap("t1", "task", { status: "running", input: {}, metadata: { sessionId: CHILD } }));
    h.client.events.push({ type: "question.asked", properties: { id: "que_c", sessionID: CHILD, questions: [{ question: "Go?", header: "", options: [] }] } });
    await eventually(() => expect(h.state().status).toBe("awaiting-input"));
    expect(h.state().questions.que_c).toMatchObject({ id: "que_c", sessionId: CHILD });
    expect(h.state().watchdog.deadlineKind).not.toBe("turn");
    h.client.events.push({ type: "question.replied", properties: { requestID: "que_c", sessionID: CHILD, answers: [["Yes"]] } });
    await eventually(() => expect(h.state().status).toBe("streaming"));
    expect(h.state().questions).toEqual({});
  });

  test("defect 6: a child session's permission requests show in the parent's turn", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), toolSnap("t1", "task", { status: "running", input: {}, metadata: { sessionId: CHILD } }));
    h.client.events.push({ type: "permission.asked", properties: { id: "per_c", sessionID: CHILD, permission: "bash", patterns: ["ls"] } });
    await eventually(() => expect(h.state().permissions.per_c).toMatchObject({ sessionId: CHILD, permission: "bash" }));
    expect(h.state().status).toBe("awaiting-input");
  });

  test("defect 6: events of unrelated sessions stay out", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage());
    h.client.events.push({ type: "question.asked", properties: { id: "que_x", sessionID: "ses_other", questions: [] } });
    h.push(delta("p1", "seen")); // a positive signal: the feed delivered after the other session's event
    expect(distill(h.state()).text).toBe("seen");
    expect(h.state().questions).toEqual({});
  });

  test("defect 7: a timeout above 2^31-1 ms is clamped (no timer re-armed every millisecond)", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const h = harness({ turnTimeoutMs: 2 ** 31 + 5000, firstEventTimeoutMs: 3 * 2 ** 31 });
    await startTurn(h);
    const delays = spy.mock.calls.map((call) => call[1] ?? 0);
    expect(delays.length).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(h.state().watchdog.turnMs).toBe(2 ** 31 + 5000);
  });

  test("defect 7: invalid timeouts throw a clear error; Infinity means no limit", () => {
    const client = createFakeReplyClient();
    for (const bad of [0, -1, Number.NaN]) {
      expect(() => createReplyStore({ client, sessionId: SID, turnTimeoutMs: bad })).toThrow(/turnTimeoutMs/);
      expect(() => createReplyStore({ client, sessionId: SID, firstEventTimeoutMs: bad })).toThrow(/firstEventTimeoutMs/);
      expect(() => createReplyStore({ client, sessionId: SID, idleTimeoutMs: bad })).toThrow(/idleTimeoutMs/);
    }
    expect(() => createReplyStore({ client, sessionId: SID, throttleMs: -5 })).toThrow(/throttleMs/);
    const store = createReplyStore({ client, sessionId: SID, turnTimeoutMs: Infinity, resume: false });
    expect(store.getState().watchdog.turnMs).toBe(Infinity);
    store.getState().dispose();
  });

  test("defect 8: onFinish runs for an abort before the POST", async () => {
    const h = harness();
    const sending = h.state().send("hi"); // the feed is not ready: nothing posted yet
    await h.state().abort();
    await sending;
    expect(h.client.posts).toEqual([]);
    expect(h.finished).toEqual([{ text: "", aborted: true, error: null }]);
    expect(h.state()).toMatchObject({ status: "idle", aborted: true });
  });

  test("defect 8: aborted is set after a successful abort() even if MessageAbortedError never comes", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "partial"));
    await h.state().abort();
    expect(h.state().aborted).toBe(true);
    h.push(status("idle")); // the server's error event never came
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]).toMatchObject({ aborted: true, error: null });
  });

  test("defect 9: a session.status whose status is the bare string \"idle\" ends the turn", async () => {
    const h = harness();
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "done"));
    h.push(ev("session.status", { status: "idle" }));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.state().status).toBe("idle");
  });

  test("defect 10: the final fetch loads the turn's messages with a bounded limit", async () => {
    const history = Array.from({ length: 400 }, (_, i) => user(`msg_old${String(i).padStart(3, "0")}`, i));
    const h = harness({}, [...history, user(USER, 1000), answer(MSG, USER, "p1", "answer")]);
    await startTurn(h);
    h.push(status("busy"), userMessage(), assistantMessage(), delta("p1", "answer"), status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]?.text).toBe("answer");
    expect(h.client.listPaging.length).toBeGreaterThan(0);
    for (const paging of h.client.listPaging) expect(paging.limit).toBeGreaterThan(0);
    expect(h.client.listPaging[0]?.limit).toBeLessThan(100);
  });

  test("defect 10: a turn longer than the first page is paged further", async () => {
    const steps = Array.from({ length: 150 }, (_, i) => answer(`msg_s${String(i).padStart(3, "0")}`, USER, `p${i}`, `s${i}`));
    const h = harness({}, [user("msg_before", 0), user(USER, 1), ...steps]);
    await startTurn(h);
    h.push(status("busy"), userMessage(), assistantMessage("msg_s149"), delta("p149", "s149", "text", { messageID: "msg_s149" }), status("idle"));
    await eventually(() => expect(h.finished).toHaveLength(1));
    expect(h.finished[0]?.text).toBe(steps.map((_, i) => `s${i}`).join("\n\n"));
    expect(h.client.listPaging.length).toBeGreaterThan(1);
    expect(h.client.listPaging[1]?.before).toBeDefined();
  });

  test("defect 10: the mid-turn fetch after a reconnect is bounded too", async () => {
    const h = harness({}, [user(USER, 1), answer(MSG, USER, "p1", "Hello")]);
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "Hel"));
    h.client.events.drop();
    h.client.events.connect();
    await eventually(() => expect(h.client.listCalls()).toBe(1));
    expect(h.client.listPaging[0]?.limit).toBeGreaterThan(0);
  });

  test("defect 12: a tool's error text is kept whole, and no opencode_* keys are written into its input", () => {
    const h = harness();
    const long = "E".repeat(500);
    h.push(status("busy"), toolSnap("t1", "bash", { status: "error", input: { command: "x" }, error: long }));
    expect(h.state().partsById.get("t1")).toMatchObject({ error: long });
    h.push(
      toolSnap("q1", "question", { status: "running", input: { questions: [] } }, { callID: "call_q" }),
      ev("question.asked", { id: "que_1", questions: [], tool: { messageID: MSG, callID: "call_q" } }),
    );
    const question = h.state().partsById.get("q1");
    expect(question).toMatchObject({ question: { requestId: "que_1" } });
    const input = question?.type === "tool" ? question.input : undefined;
    expect(Object.keys(input ?? {}).filter((key) => key.startsWith("opencode_"))).toEqual([]);
  });

  test("defect 13: after a re-fetch whose stored text is ahead of the stream, later deltas are not appended again", async () => {
    const full = "Hello, world";
    const h = harness({}, [user(USER, 1), answer(MSG, USER, "p1", "Hello, wor")]);
    await startTurn(h);
    const seen: string[] = [];
    h.store.subscribe((s) => {
      const part = s.partsById.get("p1");
      if (part?.type === "text") seen.push(part.text);
    });
    h.push(status("busy"), userMessage(), assistantMessage(), delta("p1", "Hel"));
    h.client.events.drop();
    h.client.events.connect();
    await eventually(() => expect(h.client.listCalls()).toBe(1));
    await settle(30);
    // The deltas the server had stored before answering arrive now, then the rest.
    h.push(delta("p1", "lo"), delta("p1", ", wor"), delta("p1", "ld"));
    expect(distill(h.state()).text).toBe(full);
    for (const text of seen) expect(full.startsWith(text)).toBe(true);
  });
});
