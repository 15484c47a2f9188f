/**
 * The reply store asking the server where a turn is (`sessions.status()`) at creation and after a
 * reconnect: an explicit idle entry, an answer that comes after the turn ended on the feed, a
 * status request that fails. Requests are answered by hand; every wait is a positive signal.
 */
import type { SessionStatus } from "@opencode-ai/sdk/v2";
import { afterEach, describe, expect, test, vi } from "vitest";
import { distill } from "../../src/core/reply";
import { eventually } from "../support/eventually";
import { delta, ev, SID, status, userMessage } from "../support/reply-events";
import { disposeHarnesses, harness, startTurn, storedText } from "../support/store-harness";
import { deferred } from "../support/deferred";

afterEach(() => {
  disposeHarnesses();
  vi.useRealTimers();
});

describe("reply store: the session's status at creation", () => {
  test("a busy answer that comes after the turn ended on the feed does not take the finished turn over", async () => {
    const answer = deferred<Record<string, SessionStatus>>();
    const h = harness({ resume: false }, storedText("done"));
    h.client.statusAnswer = () => answer.promise;
    const r = harness({ client: h.client }, storedText("done"));
    h.client.events.connect();
    h.push(status("busy"), userMessage(), delta("p1", "done"), status("idle"));
    await eventually(() => expect(r.state().result?.text).toBe("done"));
    answer.resolve({ [SID]: { type: "busy" } }); // stale: asked before the turn ended
    await answer.promise;
    await eventually(() => expect(h.client.listCalls()).toBeGreaterThanOrEqual(1));
    h.push(delta("p9", "")); // a positive signal: the feed delivers after the answer was handled
    expect(r.state().status).toBe("idle");
  });
});

describe("reply store: the session's status after a reconnect", () => {
  test("an explicit idle entry ends the turn: finished from the stored messages", async () => {
    const h = harness({}, storedText("done while away"));
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "done"));
    h.client.events.drop();
    h.client.statusAnswer = async () => ({ [SID]: { type: "idle" } as SessionStatus });
    h.client.events.connect();
    await eventually(() => expect(h.state().status).toBe("idle"));
    expect(h.state().result?.text).toBe("done while away");
  });

  test("a status request that fails is reported; the turn's messages are still re-synced", async () => {
    const h = harness({}, storedText("Hello, world"));
    await startTurn(h);
    h.push(status("busy"), userMessage(), delta("p1", "Hel"));
    h.client.events.drop();
    h.client.statusAnswer = () => Promise.reject(new Error("status down"));
    h.client.events.connect();
    await eventually(() => expect(distill(h.state()).text).toBe("Hello, world"));
    expect(h.state().status).toBe("streaming");
    expect(h.errors.map((e) => e.message)).toEqual(["status down"]);
  });

  test("a re-sync that finds nothing new publishes nothing (no re-render)", async () => {
    const stored = storedText("Hello") as Array<{ info: Record<string, unknown> }>;
    const h = harness({}, stored);
    await startTurn(h);
    // The live turn is what the server stored: its user message, its assistant message, its text.
    h.push(status("busy"), userMessage(), ev("message.updated", { info: stored[1]?.info }), delta("p1", "Hello"));
    const count = h.notifications();
    let listed = false;
    h.client.listAnswer = async () => {
      listed = true;
      return storedText("Hello");
    };
    h.client.events.drop();
    h.client.events.connect();
    await eventually(() => expect(listed).toBe(true));
    h.push(delta("p1", "!")); // a positive signal: one more update, after the re-sync's
    await eventually(() => expect(distill(h.state()).text).toBe("Hello!"));
    expect(h.notifications()).toBe(count + 1);
  });

  test("a question still pending when the feed comes back holds the turn deadline again (RC-06)", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const h = harness({ turnTimeoutMs: 10_000 });
    await startTurn(h);
    const question = { id: "que_1", sessionID: SID, questions: [] };
    h.push(status("busy"), userMessage(), ev("question.asked", question));
    h.client.events.drop();
    expect(h.state().watchdog.deadlineKind).toBe("turn"); // running while nobody can answer
    vi.advanceTimersByTime(5_000);
    h.client.questionsAnswer = async () => [question]; // still pending on the server
    h.client.events.connect();
    await eventually(() => expect(h.state().watchdog.deadlineKind).not.toBe("turn"));
    vi.advanceTimersByTime(20_000);
    expect(h.state()).toMatchObject({ status: "awaiting-input", error: null });
  });
});
