// @vitest-environment jsdom
/**
 * useStream turns against a real `opencode serve` and the scripted model, answered through
 * usePermissions / useQuestions like a chat UI would: what the hooks show during and after each
 * turn, the statuses they went through, and that the final reply equals what the server stored.
 * Permission "always" persists server-wide, so it runs last and on a command of its own.
 */
import { waitFor } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { OpencodeClient } from "../../src";
import { HELLO_TEXT } from "./core-support";
import {
  answerPermission,
  assistantCount,
  e2eClient,
  fileTimer,
  hookView,
  inOrder,
  renderPanel,
  runPanelTurn,
  serverView,
  unmountAll,
  WAIT,
  type Panel,
} from "./hooks-support";
import { useChildServer } from "./hooks-server";

const server = useChildServer();
afterEach(unmountAll);
afterAll(fileTimer("hooks-turns"));
let cached: OpencodeClient | undefined;
const client = (): OpencodeClient => (cached ??= e2eClient(server().baseUrl));

async function newPanel(title: string): Promise<Panel> {
  const session = await client().sessions.create({ title });
  return renderPanel(client(), session.id);
}

describe("streamed turns", () => {
  it("hello: streams the text in growing prefixes, idle -> connecting -> streaming -> idle, equal to the stored reply", async () => {
    const panel = await newPanel("hello");
    const turn = await runPanelTurn(panel, "hello");
    expect(inOrder(turn.statuses, ["idle", "connecting", "streaming", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    // Every text a render showed was a prefix of the final one: nothing doubled or lost on the way.
    const texts = turn.renders.map((r) => r.stream.text).filter((t) => t !== "");
    expect(texts.every((t) => HELLO_TEXT.startsWith(t)), texts.join(" | ")).toBe(true);
    expect(panel.result.current.stream.text).toBe(HELLO_TEXT);
    expect(panel.result.current.stream.error).toBeNull();
    expect(turn.finish.info).toEqual({ aborted: false, error: null });
    expect(hookView(panel.result.current.stream)).toEqual(await serverView(client(), panel.sessionId));
    expect(panel.result.current.stream.tokens.output).toBeGreaterThan(0);
  });

  it("reason: reasoning and text are shown apart and match the stored parts", async () => {
    const panel = await newPanel("reason");
    const turn = await runPanelTurn(panel, "reason");
    expect(turn.statuses.at(-1)).toBe("idle");
    expect(panel.result.current.stream.reasoning).toBe("Let me think about this carefully.");
    expect(panel.result.current.stream.text).toBe("After thinking: 42.");
    expect(hookView(panel.result.current.stream)).toEqual(await serverView(client(), panel.sessionId));
  });

  it("todo: the todowrite call shows its list in useStream().todos and useTodos", async () => {
    const panel = await newPanel("todo");
    await runPanelTurn(panel, "todo");
    const expected = [
      { content: "Write the fake server", status: "completed", priority: "high" },
      { content: "Capture the event stream", status: "in_progress", priority: "medium" },
      { content: "Write the report", status: "pending", priority: "low" },
    ];
    expect(panel.result.current.stream.todos).toEqual(expected.map((t) => expect.objectContaining(t)));
    await waitFor(() => expect(panel.result.current.todos).toEqual(expected.map((t) => expect.objectContaining(t))), WAIT);
    const view = hookView(panel.result.current.stream);
    expect(view.tools).toEqual([expect.objectContaining({ tool: "todowrite", status: "completed" })]);
    expect(view).toEqual(await serverView(client(), panel.sessionId));
  });
});

describe("questions through useQuestions", () => {
  it("reply: the question is shown while awaiting input; the answer completes the tool and the turn goes on", async () => {
    const panel = await newPanel("question reply");
    const turn = await runPanelTurn(panel, "question", async (p) => {
      const asked = await waitFor(() => {
        const first = p.result.current.questions.questions[0];
        expect(first).toBeDefined();
        return first!;
      }, WAIT);
      expect(asked.questions[0]).toMatchObject({ header: "Color", question: "Which color do you prefer?" });
      expect(p.result.current.stream.status).toBe("awaiting-input");
      expect(p.result.current.stream.questions.map((q) => q.id)).toEqual([asked.id]);
      await p.result.current.questions.reply(asked.id, [["Red"]]);
    });
    expect(inOrder(turn.statuses, ["connecting", "awaiting-input", "streaming", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    const stream = panel.result.current.stream;
    expect(panel.result.current.questions.questions).toEqual([]);
    expect(stream.questions).toEqual([]);
    expect(stream.toolParts).toEqual([expect.objectContaining({ tool: "question", status: "completed" })]);
    expect(stream.toolParts[0]?.output).toContain('"Which color do you prefer?"="Red"');
    expect(stream.text).toContain("Tool result received");
    expect(hookView(stream)).toEqual(await serverView(client(), panel.sessionId));
  });

  it("reject: the question goes away and the tool ends as dismissed, as stored", async () => {
    const panel = await newPanel("question reject");
    const turn = await runPanelTurn(panel, "question", async (p) => {
      const asked = await waitFor(() => {
        const first = p.result.current.questions.questions[0];
        expect(first).toBeDefined();
        return first!;
      }, WAIT);
      await p.result.current.questions.reject(asked.id);
    });
    expect(inOrder(turn.statuses, ["awaiting-input", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    expect(panel.result.current.questions.questions).toEqual([]);
    // Like a permission rejected without a message, a dismissed question ends the turn.
    expect(await assistantCount(client(), panel.sessionId)).toBe(1);
    const view = hookView(panel.result.current.stream);
    expect(view.tools).toEqual([expect.objectContaining({ tool: "question", status: "error", error: expect.stringMatching(/dismissed/) })]);
    expect(view).toEqual(await serverView(client(), panel.sessionId));
  });
});

describe("permissions through usePermissions", () => {
  it("once: bash asks, the answer runs it (output hi), awaiting-input -> streaming -> idle", async () => {
    const panel = await newPanel("once");
    const turn = await runPanelTurn(panel, "tool", async (p) => {
      await waitFor(() => expect(p.result.current.permissions.permissions[0]).toMatchObject({ permission: "bash", patterns: ["echo hi"] }), WAIT);
      await answerPermission(p, "once");
    });
    expect(inOrder(turn.statuses, ["connecting", "awaiting-input", "streaming", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    const stream = panel.result.current.stream;
    expect(panel.result.current.permissions.permissions).toEqual([]);
    expect(stream.toolParts).toEqual([expect.objectContaining({ tool: "bash", status: "completed", output: "hi\n" })]);
    expect(hookView(stream)).toEqual(await serverView(client(), panel.sessionId));
  });

  it("reject without a message: the tool fails and the turn ends there (no follow-up step)", async () => {
    const panel = await newPanel("reject");
    const turn = await runPanelTurn(panel, "tool", (p) => answerPermission(p, "reject"));
    expect(inOrder(turn.statuses, ["awaiting-input", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    const stream = panel.result.current.stream;
    expect(stream.toolParts).toEqual([expect.objectContaining({ tool: "bash", status: "error" })]);
    expect(stream.text).toBe("");
    expect(await assistantCount(client(), panel.sessionId)).toBe(1);
    expect(hookView(stream)).toEqual(await serverView(client(), panel.sessionId));
  });

  it("reject with a message: the tool fails with the feedback and the model answers it", async () => {
    const feedback = "use ls instead";
    const panel = await newPanel("reject with message");
    const turn = await runPanelTurn(panel, "tool", (p) => answerPermission(p, "reject", feedback));
    expect(inOrder(turn.statuses, ["awaiting-input", "streaming", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    const stream = panel.result.current.stream;
    expect(stream.toolParts).toEqual([expect.objectContaining({ tool: "bash", status: "error", error: expect.stringContaining(feedback) })]);
    expect(stream.text).toMatch(/^Tool result received: The user rejected permission/);
    expect(stream.error).toBeNull();
    expect(await assistantCount(client(), panel.sessionId)).toBe(2);
    expect(hookView(stream)).toEqual(await serverView(client(), panel.sessionId));
  });

  // Last: "always" is remembered by the server for every later session.
  it("always: runs the command, and a later session's same command runs without asking", async () => {
    const first = await newPanel("always");
    const turn = await runPanelTurn(first, "tool cmd=pwd", (p) => answerPermission(p, "always"));
    expect(inOrder(turn.statuses, ["awaiting-input", "streaming", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    expect(first.result.current.stream.toolParts).toEqual([
      expect.objectContaining({ tool: "bash", status: "completed", output: `${server().directory}\n` }),
    ]);
    expect(hookView(first.result.current.stream)).toEqual(await serverView(client(), first.sessionId));

    const second = await newPanel("always again");
    const again = await runPanelTurn(second, "tool cmd=pwd");
    expect(again.statuses).not.toContain("awaiting-input");
    expect(again.renders.every((r) => r.permissions.permissions.length === 0)).toBe(true);
    expect(second.result.current.stream.toolParts).toEqual([expect.objectContaining({ tool: "bash", status: "completed" })]);
    expect(hookView(second.result.current.stream)).toEqual(await serverView(client(), second.sessionId));
  });
});
