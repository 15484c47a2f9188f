/**
 * The scenarios that wait for the user (a permission, a question) and the tool and todo turns,
 * through the real reply store: they pause in "awaiting-input" until the reply route answers,
 * and continue the way the recorded server did for each answer.
 */
import { afterEach, describe, expect, it } from "vitest";
import { distill } from "../../src/core/reply";
import { scenarios } from "../../src/testing";
import { squash, turnUnderTest, type TurnUnderTest } from "./turn-harness";

let turn: TurnUnderTest | undefined;
afterEach(() => turn?.dispose());

const toolStatuses = (t: TurnUnderTest): string[] => squash(t.types().filter((type) => type.startsWith("part:tool")));

describe("permission", () => {
  it("waits for the permission, then runs the command and talks about it", async () => {
    turn = await turnUnderTest({ scenario: "permission" });
    await turn.store.getState().send("run the tool please");
    await turn.until((s) => s.status === "awaiting-input");
    const [request] = await turn.fake.client.permissions.list();
    expect(request).toMatchObject({ sessionID: turn.sessionId, permission: "bash", patterns: ["echo hi"], metadata: { command: "echo hi" } });
    await turn.fake.client.permissions.reply(String(request?.id), "once");
    await turn.until((s) => s.result !== null);
    expect(toolStatuses(turn)).toEqual(["part:tool:pending", "part:tool:running", "part:tool:completed"]);
    expect(turn.types()).toContain("permission.replied");
    expect(turn.store.getState().result?.toolParts[0]).toMatchObject({ tool: "bash", status: "completed", output: "hi\n" });
    expect(turn.text()).toBe("Tool result received: hi ");
    expect(await turn.fake.client.permissions.list()).toEqual([]);
  });

  it("fails the call with the rejection message when the permission is rejected", async () => {
    turn = await turnUnderTest({ scenario: "permission" });
    await turn.store.getState().send("run the tool please");
    await turn.until((s) => s.status === "awaiting-input");
    const [request] = await turn.fake.client.permissions.list();
    await turn.fake.client.permissions.reply(String(request?.id), "reject", "not allowed in tests");
    await turn.until((s) => s.result !== null);
    expect(turn.store.getState().result?.toolParts[0]).toMatchObject({
      status: "error",
      error: "The user rejected permission to use this specific tool call with the following feedback: not allowed in tests",
    });
  });
});

describe("question", () => {
  it("waits for the answer and completes the question tool with it", async () => {
    turn = await turnUnderTest({ scenario: "question" });
    await turn.store.getState().send("ask me a question");
    await turn.until((s) => s.status === "awaiting-input");
    const [asked] = await turn.fake.client.questions.list();
    expect(asked?.questions[0]?.question).toBe("Which color do you prefer?");
    await turn.fake.client.questions.reply(String(asked?.id), [["Red"]]);
    await turn.until((s) => s.result !== null);
    const types = turn.types();
    expect(types.indexOf("question.asked")).toBeLessThan(types.indexOf("question.replied"));
    expect(turn.store.getState().result?.toolParts[0]).toMatchObject({ tool: "question", status: "completed" });
    expect(turn.text()).toContain('"Which color do you prefer?"="Red"');
  });

  it("fails the question tool when the question is dismissed", async () => {
    turn = await turnUnderTest({ scenario: "question" });
    await turn.store.getState().send("ask me a question");
    await turn.until((s) => s.status === "awaiting-input");
    const [asked] = await turn.fake.client.questions.list();
    await turn.fake.client.questions.reject(String(asked?.id));
    await turn.until((s) => s.result !== null);
    expect(turn.store.getState().result?.toolParts[0]).toMatchObject({ tool: "question", status: "error" });
  });
});

describe("todo", () => {
  it("publishes the plan with todo.updated and stores it for GET /session/:id/todo", async () => {
    turn = await turnUnderTest({ scenario: "todo" });
    await turn.store.getState().send("write a todo list");
    await turn.until((s) => s.result !== null);
    expect(turn.store.getState().todos.map((t) => t.status)).toEqual(["completed", "in_progress", "pending"]);
    expect(turn.types().indexOf("todo.updated")).toBeLessThan(turn.types().indexOf("part:tool:completed"));
    expect(await turn.fake.client.sessions.todo(turn.sessionId)).toHaveLength(3);
  });
});

describe("tool", () => {
  it("runs a call without asking (running, then completed after runMs)", async () => {
    turn = await turnUnderTest({ scenario: scenarios.tool({ command: "ls", output: "a\nb\n", runMs: 100 }) });
    await turn.store.getState().send("list");
    await turn.until((s) => distill(s).parts.some((p) => p.type === "tool" && p.status === "running"));
    expect(turn.store.getState().status).toBe("streaming");
    await turn.until((s) => s.result !== null);
    expect(toolStatuses(turn)).toEqual(["part:tool:pending", "part:tool:running", "part:tool:completed"]);
    expect(turn.types()).not.toContain("permission.asked");
    expect(turn.text()).toBe("Tool result received: a b ");
  });
});
