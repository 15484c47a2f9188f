/** A reply store created while its session's turn is already running takes the turn over. */
import type { SessionStatus } from "@opencode-ai/sdk/v2";
import type { StoreApi } from "zustand/vanilla";
import type { WireEvent } from "../../src/core/events/types";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createReplyStore, distill, type ReplyStoreOptions, type ReplyStoreState } from "../../src/core/reply";
import { stitchText } from "../../src/core/reply/reducer/mid-turn-merge";
import { createFakeReplyClient, settle, type FakeReplyClient } from "../support/fake-reply-client";
import { delta, ev, SID, status, textSnap } from "../support/reply-events";
import { eventually } from "../support/eventually";
import { storedText } from "../support/store-harness";
import { deferred } from "../support/deferred";

interface Resumed {
  readonly client: FakeReplyClient;
  readonly store: StoreApi<ReplyStoreState>;
  readonly errors: Error[];
  readonly finished: string[];
  statusCalls(): number;
  notifications(): number;
  text(): string;
  /** Delivers events in order (the feed's own push takes one). */
  push(...events: WireEvent[]): void;
}

const stores: StoreApi<ReplyStoreState>[] = [];
/** Every promise chain the fake client started has run (its answers never wait on a timer): a macrotask. */
const drained = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const store of stores.splice(0)) store.getState().dispose();
  vi.useRealTimers();
});

/** SID's entry of `GET /session/status` (undefined: idle), or how to answer it. */
type StatusAnswer = SessionStatus | undefined | (() => Promise<SessionStatus | undefined>);

/** A store created while `GET /session/status` says `answer` for SID. */
function resumed(answer: StatusAnswer, messages: readonly unknown[], options: Partial<ReplyStoreOptions> = {}): Resumed {
  const client = createFakeReplyClient(messages);
  let statusCalls = 0;
  client.statusAnswer = async (): Promise<Record<string, SessionStatus>> => {
    statusCalls += 1;
    const sessionStatus = typeof answer === "function" ? await answer() : answer;
    return sessionStatus === undefined ? {} : { [SID]: sessionStatus };
  };
  const errors: Error[] = [];
  const finished: string[] = [];
  const store = createReplyStore({
    client,
    sessionId: SID,
    throttleMs: 0,
    onError: (error) => errors.push(error),
    onFinish: (result) => finished.push(result.text),
    ...options,
  });
  stores.push(store);
  let count = 0;
  store.subscribe(() => (count += 1));
  return {
    client,
    store,
    errors,
    finished,
    statusCalls: () => statusCalls,
    notifications: () => count,
    text: () => distill(store.getState()).text,
    push: (...events) => events.forEach((event) => client.events.push(event)),
  };
}

describe("reply store: a turn already running at creation", () => {
  test("busy: the stored text so far, streaming; later deltas append; the idle ends it with the final merge", async () => {
    const r = resumed({ type: "busy" }, storedText("Hello wor"));
    r.client.events.connect();
    await settle();
    expect(r.client.listCalls()).toBe(1);
    expect(r.store.getState()).toMatchObject({ status: "streaming", sessionStatus: { type: "busy" }, error: null });
    expect(r.text()).toBe("Hello wor");
    // Watched as a running turn: no first-event window (the turn is clearly running), the turn window from now.
    expect(r.store.getState().watchdog.deadlineKind).toBe("turn");
    r.push(delta("p1", "ld"));
    expect(r.text()).toBe("Hello world");
    r.client.listAnswer = async () => storedText("Hello world!");
    r.push(status("idle"));
    await settle();
    expect(r.store.getState()).toMatchObject({ status: "idle" });
    expect(r.store.getState().result?.text).toBe("Hello world!");
    expect(r.finished).toEqual(["Hello world!"]);
    expect(r.client.listCalls()).toBe(2);
    expect(r.errors).toEqual([]);
  });

  test("a retrying session is taken over too, with the server's retry status", async () => {
    const retry: SessionStatus = { type: "retry", attempt: 2, message: "overloaded", next: 5 };
    const r = resumed(retry, storedText("so far"));
    await settle();
    expect(r.store.getState()).toMatchObject({ status: "streaming", sessionStatus: retry });
    expect(r.text()).toBe("so far");
  });

  test("idle: nothing happens (no messages fetch, no notification)", async () => {
    const r = resumed(undefined, storedText("old turn"));
    await drained();
    expect(r.statusCalls()).toBe(1);
    expect(r.client.listCalls()).toBe(0);
    expect(r.notifications()).toBe(0);
    expect(r.store.getState()).toMatchObject({ status: "idle", parts: [] });
  });

  test("resume: false asks nothing at creation", async () => {
    const r = resumed({ type: "busy" }, storedText("so far"), { resume: false });
    await drained(); // every chain the creation could have started has run
    expect(r.statusCalls()).toBe(0);
    expect(r.client.listCalls()).toBe(0);
    expect(r.store.getState().status).toBe("idle");
  });

  test("the first-event watchdog never fires for a resumed turn", async () => {
    vi.useFakeTimers();
    const r = resumed({ type: "busy" }, storedText("so far"), { firstEventTimeoutMs: 1_000 });
    await settle();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.store.getState()).toMatchObject({ status: "streaming", error: null });
    expect(r.errors).toEqual([]);
  });
});

describe("reply store: prompts pending before the store could see them", () => {
  const question = { id: "que_1", sessionID: SID, questions: [{ question: "Which?", header: "Pick", options: [] }] };
  const permission = { id: "per_1", sessionID: SID, permission: "bash", patterns: ["ls"], always: [], metadata: {} };
  const otherSession = { id: "que_9", sessionID: "ses_other", questions: [] };

  test("a resumed turn waiting on a question and a permission: awaiting-input, turn deadline suspended", async () => {
    vi.useFakeTimers();
    const r = resumed({ type: "busy" }, storedText("so far"), { turnTimeoutMs: 1_000 });
    r.client.questionsAnswer = async () => [question, otherSession];
    r.client.permissionsAnswer = async () => [permission];
    r.client.events.connect(); // a pending prompt suspends the deadline only while the feed is up (RC-06)
    await settle();
    const state = r.store.getState();
    expect(state.status).toBe("awaiting-input");
    expect(Object.keys(state.questions)).toEqual(["que_1"]);
    expect(state.permissions.per_1).toMatchObject({ permission: "bash", patterns: ["ls"] });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.store.getState()).toMatchObject({ status: "awaiting-input", error: null });
    // Answered on the feed as usual: the turn goes on, its deadline running again.
    r.push(ev("question.replied", { requestID: "que_1", answers: [["A"]] }), ev("permission.replied", { requestID: "per_1", reply: "once" }));
    expect(r.store.getState().status).toBe("streaming");
    expect(r.store.getState().watchdog.deadlineKind).toBe("turn");
  });

  test("a request answered on the feed while the lists were in flight is not brought back", async () => {
    const r = resumed({ type: "busy" }, storedText("so far"));
    const list = deferred<readonly unknown[]>();
    r.client.questionsAnswer = () => list.promise;
    await settle();
    r.push(ev("question.replied", { requestID: "que_1", answers: [["A"]] }));
    list.resolve([question]);
    await settle();
    expect(r.store.getState().questions).toEqual({});
    expect(r.store.getState().status).toBe("streaming");
  });

  test("a list that fails is reported; the turn goes on", async () => {
    const r = resumed({ type: "busy" }, storedText("so far"));
    r.client.permissionsAnswer = () => Promise.reject(new Error("permission list down"));
    await settle();
    expect(r.store.getState().status).toBe("streaming");
    expect(r.errors.map((e) => e.message)).toEqual(["permission list down"]);
  });

  test("a question asked while the feed was down is learnt after the reconnect", async () => {
    const r = resumed(undefined, storedText("so far"));
    r.client.events.connect();
    await settle();
    r.push(status("busy"), delta("p1", "so far"));
    r.client.statusAnswer = async () => ({ [SID]: { type: "busy" } });
    r.client.events.drop();
    r.client.questionsAnswer = async () => [question];
    r.client.events.connect();
    await eventually(() => expect(r.store.getState().status).toBe("awaiting-input"));
    expect(r.store.getState().questions.que_1?.questions).toEqual(question.questions);
  });
});

describe("reply store: resume races", () => {
  test("deltas that arrive while the messages are fetched are kept, never doubled", async () => {
    const r = resumed({ type: "busy" }, []);
    const list = deferred<readonly unknown[]>();
    r.client.listAnswer = () => list.promise;
    await settle();
    expect(r.client.listCalls()).toBe(1);
    // The stored answer already has the first of these deltas, not the second.
    r.push(delta("p1", "l"), delta("p1", "d"));
    expect(r.store.getState().status).toBe("streaming");
    list.resolve(storedText("Hello worl"));
    await settle();
    expect(r.text()).toBe("Hello world");
    r.push(delta("p1", "!"));
    expect(r.text()).toBe("Hello world!");
  });

  test("deltas before the fetch left are in the stored text; one after it that the server has not stored yet is appended", async () => {
    const statusAnswer = deferred<SessionStatus | undefined>();
    const r = resumed(() => statusAnswer.promise, []);
    r.push(delta("p1", "wor"));
    expect(r.store.getState().status).toBe("streaming");
    const list = deferred<readonly unknown[]>();
    r.client.listAnswer = () => list.promise;
    statusAnswer.resolve({ type: "busy" });
    await settle();
    expect(r.client.listCalls()).toBe(1);
    r.push(delta("p1", "ld"));
    list.resolve(storedText("Hello wor"));
    await settle();
    expect(r.text()).toBe("Hello world");
  });

  test("a snapshot during the fetch is authoritative: the older stored text does not shorten it", async () => {
    const r = resumed({ type: "busy" }, []);
    const list = deferred<readonly unknown[]>();
    r.client.listAnswer = () => list.promise;
    await settle();
    r.push(textSnap("p1", "Hello world"), delta("p1", "!"));
    list.resolve(storedText("Hello wo"));
    await settle();
    expect(r.text()).toBe("Hello world!");
  });

  test("stitching: the stored text plus the live deltas it does not end with yet", () => {
    expect(stitchText("Hello wor", "ld", 0)).toBe("Hello world");
    expect(stitchText("Hello worl", "ld", 0)).toBe("Hello world");
    expect(stitchText("Hello world", "ld", 0)).toBe("Hello world");
    // The server answered with a delta still on its way to us.
    expect(stitchText("Hello world!", "ld", 0)).toBe("Hello world!");
    // Live before the request ("ld") is stored; "!" came after it.
    expect(stitchText("Hello world", "ld!", 2)).toBe("Hello world!");
    // Inconsistent: the longer one.
    expect(stitchText("Hello", "xyz", 3)).toBe("Hello");
  });
});

describe("reply store: resume failures and dispose", () => {
  test("a failed status check is reported; the store works", async () => {
    const r = resumed(async () => {
      throw new Error("status down");
    }, []);
    await settle();
    expect(r.errors.map((e) => e.message)).toEqual(["status down"]);
    expect(r.client.listCalls()).toBe(0);
    r.push(status("busy"), delta("p1", "live"));
    expect(r.store.getState()).toMatchObject({ status: "streaming", error: null });
    expect(r.text()).toBe("live");
  });

  test("a failed messages fetch is reported; the turn streams on and ends", async () => {
    const r = resumed({ type: "busy" }, []);
    r.client.listAnswer = async () => {
      throw new Error("list down");
    };
    await settle();
    expect(r.errors.map((e) => e.message)).toEqual(["list down"]);
    expect(r.store.getState()).toMatchObject({ status: "streaming", error: null });
    r.push(delta("p1", "tail"));
    expect(r.text()).toBe("tail");
    r.client.listAnswer = async () => storedText("whole tail");
    r.push(status("idle"));
    await settle();
    expect(r.store.getState()).toMatchObject({ status: "idle", result: { text: "whole tail" } });
  });

  test("disposed while the messages are fetched: no update", async () => {
    const r = resumed({ type: "busy" }, []);
    const list = deferred<readonly unknown[]>();
    r.client.listAnswer = () => list.promise;
    await settle();
    const before = r.store.getState();
    const count = r.notifications();
    r.store.getState().dispose();
    list.resolve(storedText("too late"));
    await settle();
    expect(r.store.getState()).toBe(before);
    expect(r.notifications()).toBe(count);
  });

  test("disposed while the status is asked: no fetch, no update", async () => {
    const answer = deferred<SessionStatus | undefined>();
    const r = resumed(() => answer.promise, storedText("so far"));
    const before = r.store.getState();
    r.store.getState().dispose();
    answer.resolve({ type: "busy" });
    await settle();
    expect(r.client.listCalls()).toBe(0);
    expect(r.store.getState()).toBe(before);
  });

  test("a send() while the status is asked wins: the answer is not taken over", async () => {
    const answer = deferred<SessionStatus | undefined>();
    const r = resumed(() => answer.promise, storedText("old"));
    const sending = r.store.getState().send("hi");
    r.client.events.connect();
    await sending;
    answer.resolve({ type: "busy" });
    await settle();
    expect(r.client.listCalls()).toBe(0);
    expect(r.store.getState()).toMatchObject({ status: "submitted", parts: [] });
  });
});
