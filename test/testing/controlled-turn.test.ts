/**
 * Controlled turns (`fake.turn(sessionId)`): each step emits at once, synchronously, and the real
 * reply store (the hooks' reducer) shows the state the step describes, and stays there.
 */
import { afterEach, describe, expect, it } from "vitest";
import { distill } from "../../src/core/reply";
import { turnUnderTest, type TurnUnderTest } from "./turn-harness";

let t: TurnUnderTest | undefined;
afterEach(() => t?.dispose());

/** A session whose sent prompt got no scripted reply ("none"): the test drives it. */
async function sentAndWaiting(): Promise<TurnUnderTest> {
  const under = await turnUnderTest({ scenario: "none" });
  await under.store.getState().send("drive me");
  await under.until((s) => s.status === "streaming"); // the prompt was posted and announced
  return under;
}

describe("fake.turn", () => {
  it("streams text and reasoning delta by delta, then finishes with the stored reply", async () => {
    t = await sentAndWaiting();
    const turn = t.fake.turn(t.sessionId);
    turn.reasoning("Let me ").reasoning("think.");
    turn.text("Hel").text("lo");
    await t.until((s) => distill(s).text === "Hello");
    expect(t.store.getState().status).toBe("streaming");
    expect(distill(t.store.getState()).reasoning).toBe("Let me think.");
    turn.finish();
    await t.until((s) => s.result !== null);
    expect(t.store.getState().status).toBe("idle");
    expect(t.store.getState().result?.text).toBe("Hello");
    const { items } = await t.fake.client.messages.list(t.sessionId);
    expect(items.map((m) => m.info.role)).toEqual(["user", "assistant"]);
    expect(items[1]?.info).toMatchObject({ parentID: items[0]?.info.id, finish: "stop" });
  });

  it("emits synchronously: the step is stored before the call returns, with no timer", async () => {
    {
      t = await turnUnderTest({ scenario: "none" });
      const turn = t.fake.turn(t.sessionId, { prompt: "no send needed" });
      turn.text("at once");
      const stored = t.fake.server.instance().messages.get(t.sessionId) ?? [];
      expect(stored.map((m) => m.info.role)).toEqual(["user", "assistant"]);
      expect(stored[1]?.parts.find((p) => p.type === "text")).toMatchObject({ text: "at once" });
      expect(stored[0]?.parts[0]).toMatchObject({ type: "text", text: "no send needed" });
    }
  });

  it("moves a tool call through its states", async () => {
    t = await sentAndWaiting();
    const call = t.fake.turn(t.sessionId).tool("bash", { status: "running", input: { command: "ls" } });
    await t.until((s) => distill(s).parts.some((p) => p.type === "tool"));
    call.update({ status: "completed", output: "README.md\n", title: "ls" });
    await t.until((s) => distill(s).toolParts.length === 1);
    expect(distill(t.store.getState()).toolParts[0]).toMatchObject({ tool: "bash", status: "completed", output: "README.md\n", input: { command: "ls" } });
  });

  it("asks a permission the UI answers through the reply route", async () => {
    t = await sentAndWaiting();
    const id = t.fake.turn(t.sessionId).ask.permission({ patterns: ["rm -rf dist"] });
    await t.until((s) => s.status === "awaiting-input");
    expect(await t.fake.client.permissions.list()).toEqual([expect.objectContaining({ id, patterns: ["rm -rf dist"] })]);
    await t.fake.client.permissions.reply(id, "once");
    await t.until((s) => s.status === "streaming");
    expect(await t.fake.client.permissions.list()).toEqual([]);
  });

  it("asks a question and lists it until answered", async () => {
    t = await sentAndWaiting();
    const id = t.fake.turn(t.sessionId).ask.question();
    await t.until((s) => s.status === "awaiting-input");
    const [question] = await t.fake.client.questions.list();
    expect(question).toMatchObject({ id, questions: [{ question: "Which color do you prefer?" }] });
  });

  it("updates the todo list", async () => {
    t = await sentAndWaiting();
    t.fake.turn(t.sessionId).todo([{ content: "Write tests", status: "in_progress", priority: "high" }]);
    await t.until((s) => s.todos.length === 1);
    expect(await t.fake.client.sessions.todo(t.sessionId)).toEqual([{ content: "Write tests", status: "in_progress", priority: "high" }]);
  });

  it("puts the session in the retry status with the next attempt's time", async () => {
    t = await sentAndWaiting();
    const before = Date.now();
    t.fake.turn(t.sessionId).retry({ attempt: 2, message: "Rate limited", inMs: 30_000 });
    await t.until((s) => s.sessionStatus.type === "retry");
    const status = t.store.getState().sessionStatus;
    expect(status).toMatchObject({ type: "retry", attempt: 2, message: "Rate limited" });
    expect(status.type === "retry" ? status.next : 0).toBeGreaterThanOrEqual(before + 30_000);
  });

  it("fails the turn with a provider error", async () => {
    t = await sentAndWaiting();
    const turn = t.fake.turn(t.sessionId);
    turn.text("Partial");
    turn.fail("Overloaded");
    await t.until((s) => s.status === "error");
    expect(t.store.getState().error).toMatchObject({ name: "SessionError" });
    expect(t.store.getState().error?.message).toContain("Overloaded");
  });

  it("answers the last unanswered prompt rather than adding one", async () => {
    t = await sentAndWaiting();
    const turn = t.fake.turn(t.sessionId);
    const stored = t.fake.server.instance().messages.get(t.sessionId) ?? [];
    expect(stored).toHaveLength(1);
    expect(turn.userMessageId).toBe(stored[0]?.info.id);
  });
});

describe("ScenarioTurn.control", () => {
  it("freezes a scripted turn in the state its steps reached", async () => {
    t = await turnUnderTest({
      scenario: async (turn) => {
        turn.control().text("Frozen mid-sentence");
      },
    });
    await t.store.getState().send("hello");
    await t.until((s) => distill(s).text === "Frozen mid-sentence");
    await t.fake.settled();
    expect(t.store.getState().status).toBe("streaming");
  });
});
