/**
 * createFakeOpencode itself: the scenario queue and the keyword routing, pace, `push` storing
 * what it emits, the request log, close(), and that the module stays portable (no React, no
 * test runner, no Node-only API: it must run inside Storybook's browser bundle).
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeOpencode, scenarios, type FakeOpencode } from "../../src/testing";
import { turnUnderTest, type TurnUnderTest } from "./turn-harness";

let turn: TurnUnderTest | undefined;
let fake: FakeOpencode | undefined;
afterEach(() => {
  turn?.dispose();
  fake?.close();
  turn = fake = undefined;
});

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
    await new Promise((resolve) => setTimeout(resolve, 20));
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
    expect(seen.filter((type) => !type.startsWith("server."))).toEqual(["message.updated", "message.part.updated"]);
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
    turn.fake.close();
    await turn.fake.settled();
    // The client reconnects to the closed streams (server.connected again); the turn says no more.
    const count = turn.types().length;
    await new Promise((resolve) => setTimeout(resolve, 300));
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
