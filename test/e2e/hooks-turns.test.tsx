// @vitest-environment jsdom
/**
 * useStream turns against a real `opencode serve` and the scripted model, answered through
 * usePermissions / useQuestions like a chat UI would: what the hooks show during and after each
 * turn, the statuses they went through, and that the final reply equals what the server stored.
 * Permission "always" persists server-wide, so it runs last and on a command of its own.
 */
import { waitFor } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { OpencodeClient, PendingQuestion } from "../../src";
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

describe("a retried turn", () => {
  // The first attempt streams "Starting then " into a text part, then fails in-band; the server
  // retries in the same assistant message and stores the failed part emptied (text ""), followed
  // by the retry's own text part. No event tells the stream that the first part was emptied, so
  // only the final merge with the stored messages can drop the partial text; the hook must end on
  // what the server stored. (Fails with opencode-react as of this writing: the final merge keeps
  // the streamed text of a part stored blank, the FX-12 divergence in docs/divergences.md.)
  it("midstream: the turn completes after the server's retry, the failed attempt's text is not kept", async () => {
    const panel = await newPanel("midstream");
    const turn = await runPanelTurn(panel, "midstream");
    const stream = panel.result.current.stream;
    // The retry was visible to the hooks (session status "retry"), so this really was a retried turn.
    expect(turn.renders.some((r) => r.storeSessionStatus === "retry" || r.mapSessionStatus === "retry")).toBe(true);
    expect(turn.statuses.at(-1)).toBe("idle");
    expect(turn.finish.info).toEqual({ aborted: false, error: null });
    expect(stream.error).toBeNull();
    // Whatever a render showed, the partial text never appeared twice (the retry did not append to it).
    const doubled = turn.renders.map((r) => r.stream.text).filter((t) => t.split("Starting").length > 2);
    expect(doubled).toEqual([]);
    const stored = await serverView(client(), panel.sessionId);
    expect(stored.text.trim()).toBe("You said: midstream");
    expect(stream.text).toBe(stored.text);
    expect(turn.finish.result.text).toBe(stored.text);
    expect(stream.text).not.toContain("Starting");
    expect(hookView(stream)).toEqual(stored);
    expect(await assistantCount(client(), panel.sessionId)).toBe(1);
  });
});

/** The first question `useQuestions` lists on the panel, once there is one. */
function firstQuestion(p: Panel): Promise<PendingQuestion> {
  return waitFor(() => {
    const first = p.result.current.questions.questions[0];
    expect(first).toBeDefined();
    return first!;
  }, WAIT);
}

describe("questions through useQuestions", () => {
  it("reply: the question is shown while awaiting input; the answer completes the tool and the turn goes on", async () => {
    const panel = await newPanel("question reply");
    const turn = await runPanelTurn(panel, "question", async (p) => {
      const asked = await firstQuestion(p);
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
      const asked = await firstQuestion(p);
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

  it("multitool: two parallel bash calls ask together, both answered once, both tools complete", async () => {
    const panel = await newPanel("multitool");
    const turn = await runPanelTurn(panel, "multitool", async (p) => {
      // The real server asks for both calls of the step at once (same step, parallel tool calls),
      // so usePermissions lists two requests side by side rather than one after the other.
      const both = await waitFor(() => {
        const pending = p.result.current.permissions.permissions;
        expect(pending).toHaveLength(2);
        return pending;
      }, WAIT);
      expect(both.map((r) => r.patterns).sort()).toEqual([["echo one"], ["echo two"]]);
      expect(p.result.current.stream.status).toBe("awaiting-input");
      await p.result.current.permissions.reply(both[0]!.id, "once");
      // One answer is not enough: the other call still blocks the turn.
      await waitFor(() => expect(p.result.current.permissions.permissions.map((r) => r.id)).toEqual([both[1]!.id]), WAIT);
      expect(p.result.current.stream.status).toBe("awaiting-input");
      await p.result.current.permissions.reply(both[1]!.id, "once");
    });
    expect(inOrder(turn.statuses, ["connecting", "awaiting-input", "streaming", "idle"]), turn.statuses.join(" -> ")).toBe(true);
    const stream = panel.result.current.stream;
    expect(panel.result.current.permissions.permissions).toEqual([]);
    expect(stream.toolParts).toEqual([
      expect.objectContaining({ tool: "bash", status: "completed", output: "one\n" }),
      expect.objectContaining({ tool: "bash", status: "completed", output: "two\n" }),
    ]);
    // The scripted model answers the follow-up step with the last tool result it was sent.
    expect(stream.text).toMatch(/^Tool result received: /);
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
