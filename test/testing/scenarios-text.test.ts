/**
 * The talking scenarios of opencode-react/testing, through the real reply store: hello,
 * reasoning, a provider error, a slow stream that is aborted, a silent server (stalled).
 */
import { afterEach, describe, expect, it } from "vitest";
import { SessionError, StaleSessionError } from "../../src/core/errors";
import { distill } from "../../src/core/reply";
import { squash, turnUnderTest, type TurnUnderTest } from "./turn-harness";

let turn: TurnUnderTest | undefined;
afterEach(() => turn?.dispose());

describe("hello", () => {
  it("streams the recorded greeting as deltas between snapshots, then ends on idle", async () => {
    turn = await turnUnderTest({ scenario: "hello" });
    await turn.store.getState().send("hi");
    await turn.until((s) => s.result !== null);
    expect(turn.text()).toBe("Hello there! I am a fake model.");
    expect(squash(turn.types())).toEqual([
      "message:user",
      "part:text",
      "session.status:busy",
      "message:assistant",
      "session.status:busy",
      "part:step-start",
      "part:text",
      "message.part.delta",
      "part:text",
      "part:step-finish",
      "message:assistant",
      "session.status:busy",
      "session.status:idle",
      "session.idle",
    ]);
    expect(turn.statuses).toEqual(["idle", "connecting", "submitted", "streaming", "idle"]);
    expect(turn.store.getState().result?.tokens).toMatchObject({ input: 10, output: 5 });
  });
});

describe("reasoning", () => {
  it("streams a reasoning part before the answer", async () => {
    turn = await turnUnderTest({ scenario: "reasoning" });
    await turn.store.getState().send("reason about it");
    await turn.until((s) => s.result !== null);
    expect(turn.store.getState().result).toMatchObject({ reasoning: "Let me think about this carefully.", text: "After thinking: 42." });
    const types = turn.types();
    expect(types.indexOf("part:reasoning")).toBeLessThan(types.lastIndexOf("part:text"));
  });
});

describe("providerError", () => {
  it("fails the turn with a SessionError named APIError", async () => {
    turn = await turnUnderTest({ scenario: "providerError" });
    await turn.store.getState().send("fatal400 now");
    await turn.until((s) => s.status === "error" && s.result !== null);
    const error = turn.store.getState().error;
    expect(error).toBeInstanceOf(SessionError);
    expect(error?.message).toContain("Fake bad request");
    expect(squash(turn.types()).slice(-6)).toEqual(["session.error", "session.status:idle", "session.idle", "message:assistant", "session.status:idle", "session.idle"]);
  });
});

describe("slow + abort", () => {
  it("ends an aborted stream the server's way: MessageAbortedError, final snapshot, idle", async () => {
    turn = await turnUnderTest({ scenario: "slow" });
    await turn.store.getState().send("slow please");
    await turn.until((s) => s.status === "streaming" && distill(s).text.includes("slow1"));
    await turn.store.getState().abort();
    await turn.until((s) => s.status === "idle" && s.result !== null);
    const state = turn.store.getState();
    expect(state.aborted).toBe(true);
    expect(state.error).toBeNull();
    expect(turn.text()).toMatch(/^slow0 slow1 /);
    expect(turn.text()).not.toContain("slow39");
    expect(turn.types()).toContain("session.error");
    expect(turn.fake.server.instance().status[turn.sessionId]).toBeUndefined();
  });
});

describe("silent", () => {
  it("accepts the prompt and emits nothing, so the first-event watchdog stalls the turn", async () => {
    turn = await turnUnderTest({ scenario: "silent" }, { firstEventTimeoutMs: 50 });
    await turn.store.getState().send("silent");
    await turn.until((s) => s.status === "stalled");
    expect(turn.store.getState().error).toBeInstanceOf(StaleSessionError);
    expect(turn.types()).toEqual([]);
    await turn.store.getState().abort();
    await turn.until((s) => s.status === "idle");
  });
});
