/**
 * createFakeOpencode itself: the scenario queue and the keyword routing, pace, `push` storing
 * what it emits, the request log, close(), and that the module stays portable (no React, no
 * test runner, no Node-only API: it must run inside Storybook's browser bundle).
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeOpencode, scenarioForPrompt, scenarios, turnEvents, type FakeOpencode, type Scenario, type ScenarioTurn } from "../../src/testing";
import { turnUnderTest, type TurnUnderTest } from "./turn-harness";

let turn: TurnUnderTest | undefined;
let fake: FakeOpencode | undefined;
afterEach(() => {
  turn?.dispose();
  fake?.close();
  turn = fake = undefined;
});

/**
 * What a scenario emits and asks, as event types (with the part type), played on a stub turn
 * that answers at once and sleeps not at all; a turn still running after that (silent) is
 * aborted on the next macrotask and recorded as "stopped".
 */
async function recordScenario(scenario: Scenario): Promise<string[]> {
  const seen: string[] = [];
  let next = 0;
  const controller = new AbortController();
  const turn: ScenarioTurn = {
    prompt: { sessionId: "ses_1", directory: "", userMessageId: "msg_user", text: "", body: {} },
    events: turnEvents("ses_1", "msg_user"),
    signal: controller.signal,
    id: (prefix) => `${prefix}_${(next += 1)}`,
    async emit(...events) {
      for (const event of events.flat()) {
        const part = (event.properties as { part?: { type?: string } }).part;
        seen.push(part?.type === undefined ? event.type : `${event.type}:${part.type}`);
      }
    },
    sleep: async () => undefined,
    async askPermission(request) {
      seen.push(`ask:permission:${request.permission}`);
      return { reply: "once" };
    },
    async askQuestion() {
      seen.push("ask:question");
      return [["yes"]];
    },
    control() {
      throw new Error("the routing scenarios never take manual control");
    },
  };
  const stop = setTimeout(() => controller.abort(), 0);
  await scenario(turn).catch(() => seen.push("stopped"));
  clearTimeout(stop);
  return seen;
}

describe("choosing the scenario", () => {
  it("routes a prompt by its words by default, like the demo's scripted model", async () => {
    turn = await turnUnderTest();
    const outcomes: string[] = [];
    for (const prompt of ["hello", "please reason about it", "write a todo list", "fatal400 now"]) {
      await turn.store.getState().send(prompt);
      await turn.until((s) => s.result !== null && (s.status === "idle" || s.status === "error"));
      const state = turn.store.getState();
      outcomes.push(state.error ? state.error.name : state.todos.length > 0 && prompt.includes("todo") ? "todos" : (state.result?.reasoning || state.result?.text) ?? "");
    }
    expect(outcomes).toEqual(["Hello there! I am a fake model.", "Let me think about this carefully.", "todos", "SessionError"]);
  });

  it("routes every documented word to its scenario (and anything else to hello)", async () => {
    const byWord: Record<string, keyof typeof scenarios> = {
      reason: "reasoning",
      think: "reasoning",
      permission: "permission",
      tool: "permission",
      bash: "permission",
      question: "question",
      ask: "question",
      todo: "todo",
      plan: "todo",
      fatal400: "providerError",
      error: "providerError",
      fail: "providerError",
      slow: "slow",
      silent: "silent",
      stall: "silent",
      hang: "silent",
      read: "tool",
      ls: "tool",
      hi: "hello",
    };
    const named = ["hello", "reasoning", "tool", "permission", "question", "todo", "providerError", "slow", "silent"] as const;
    const expected = new Map<string, string>();
    for (const name of named) expected.set(name, (await recordScenario(scenarios[name]())).join(" "));
    expect(new Set(expected.values()).size).toBe(named.length); // the recordings tell every scenario apart
    const routed: Record<string, string | undefined> = {};
    for (const word of Object.keys(byWord)) {
      const recording = (await recordScenario(scenarioForPrompt(`please ${word} now`))).join(" ");
      routed[word] = named.find((name) => expected.get(name) === recording);
    }
    expect(routed).toEqual(byWord);
  });

  it("plays scripted scenarios first, one per prompt, then the default", async () => {
    turn = await turnUnderTest({ scenario: "hello" });
    turn.fake.script("reasoning", scenarios.hello({ chunks: ["Second."] }));
    const texts: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await turn.store.getState().send(`prompt ${i}`);
      await turn.until((s) => s.result !== null && s.status === "idle");
      texts.push(turn.store.getState().result?.text ?? "");
    }
    expect(texts).toEqual(["After thinking: 42.", "Second.", "Hello there! I am a fake model."]);
  });

  it("answers nothing with scenario \"none\" but still stores and announces the prompt", async () => {
    fake = createFakeOpencode({ scenario: "none" });
    const session = fake.addSession();
    const seen: string[] = [];
    fake.client.events.subscribe((event) => seen.push(event.type), { sessionId: session.id });
    await fake.client.prompt(session.id, { text: "hi" });
    await fake.settled();
    // A marker pushed after the turn had its chance: once it arrives, everything before it has.
    fake.push({ type: "session.idle", properties: { sessionID: session.id } });
    await vi.waitFor(() => expect(seen).toContain("session.idle"));
    seen.pop();
    expect(seen.filter((type) => !type.startsWith("server."))).toEqual(["message.updated", "message.part.updated"]);
    expect((await fake.client.messages.list(session.id)).items).toHaveLength(1);
  });
});

describe("script(\"none\")", () => {
  it("gives that one prompt no turn (announced, stored), the next one the default", async () => {
    fake = createFakeOpencode({ scenario: "hello" });
    const session = fake.addSession();
    const seen: string[] = [];
    fake.client.events.subscribe((event) => seen.push(event.type), { sessionId: session.id });
    fake.script("none");
    await fake.client.prompt(session.id, { text: "first" });
    await fake.settled();
    // A marker pushed after the turn had its chance: once it arrives, everything before it has.
    fake.push({ type: "session.idle", properties: { sessionID: session.id } });
    await vi.waitFor(() => expect(seen).toContain("session.idle"));
    seen.pop();
    expect(seen.filter((type) => !type.startsWith("server."))).toEqual(["message.updated", "message.part.updated"]);
    seen.length = 0;
    await fake.client.prompt(session.id, { text: "second" });
    await fake.settled();
    expect(seen).toContain("session.idle");
  });
});

describe("pace", () => {
  it("waits `pace` ms before each scripted event", async () => {
    turn = await turnUnderTest({ scenario: "hello", pace: 20 });
    const started = Date.now();
    await turn.store.getState().send("hello");
    await turn.until((s) => s.result !== null);
    // hello is 16 events after the prompt's own two.
    expect(Date.now() - started).toBeGreaterThanOrEqual(15 * 20);
  });
});

describe("push", () => {
  it("emits events and stores what they say (status, messages, todos, pending requests)", async () => {
    fake = createFakeOpencode();
    const session = fake.addSession();
    fake.push(
      { type: "session.status", properties: { sessionID: session.id, status: { type: "busy" } } },
      { type: "todo.updated", properties: { sessionID: session.id, todos: [{ content: "a", status: "pending", priority: "low" }] } },
      { type: "permission.asked", properties: { id: "per_1", sessionID: session.id, permission: "bash", patterns: ["ls"], always: [], metadata: {} } },
    );
    expect(await fake.client.sessions.status()).toEqual({ [session.id]: { type: "busy" } });
    expect(await fake.client.sessions.todo(session.id)).toHaveLength(1);
    expect((await fake.client.permissions.list()).map((p) => p.id)).toEqual(["per_1"]);
  });
});

describe("requests() and close()", () => {
  it("logs every request and stops a running turn on close without emitting more", async () => {
    turn = await turnUnderTest({ scenario: "slow" });
    await turn.store.getState().send("slow");
    await turn.until((s) => s.status === "streaming");
    expect(turn.fake.requests().some((r) => r.method === "POST" && r.path === `/session/${turn?.sessionId}/prompt_async`)).toBe(true);
    const reconnected = new Promise((resolve) => turn?.fake.client.events.onReconnect(resolve));
    turn.fake.close();
    await turn.fake.settled();
    const count = turn.types().length;
    // The client reconnects to the closed streams (server.connected again): everything sent before
    // the close has arrived by then, and the turn says no more.
    await reconnected;
    expect(turn.types().length).toBe(count);
    expect(turn.types().filter((type) => type === "message.part.delta").length).toBeLessThan(40);
  });
});

describe("portability", () => {
  it("imports no React, no test runner and no Node built-in", () => {
    const root = new URL("../../src/testing/", import.meta.url);
    // testing/react and testing/library are their own entries, for React users (see docs/testing.md).
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !/^(react|library)\//.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(new URL(file, root), "utf8");
      expect(source, file).not.toMatch(/from "(react|react-dom|vitest|@testing-library\/[^"]+|node:[^"]+|fs|path|@tanstack\/[^"]+)"/);
      expect(source, file).not.toMatch(/\bprocess\.|\bBuffer\b|require\(/);
      expect(source, file).not.toMatch(/from "\.\/(react|library)/);
    }
  });
});
