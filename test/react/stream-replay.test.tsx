// @vitest-environment jsdom
/**
 * Full turns replayed from the real OpenCode 1.18.33 captures through the fake server into the
 * hooks: what a chat UI shows at the end, and the statuses it rendered on the way. Questions and
 * permissions are answered through useQuestions / usePermissions, as a user would.
 */
import { act, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SessionError } from "../../src/core/errors";
import { usePermissions, useQuestions, useStream } from "../../src/react/stream";
import { feedOpen, renderOpencodeHook } from "../support/render-opencode";
import { storedTurn as storedOf } from "../support/stored-turn";
import { distinct, replayServer, type ReplayServer } from "../support/stream-replay";
import { streamPins } from "../support/stream-pins";

function useChat(sessionId: string) {
  return { stream: useStream(sessionId), questions: useQuestions(sessionId), permissions: usePermissions(sessionId) };
}

const unmounts: Array<() => void> = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

async function start(name: string) {
  const server = replayServer(name);
  const hook = renderOpencodeHook(() => useChat(server.sessionId), server);
  unmounts.push(hook.unmount);
  await feedOpen(server.client);
  // Two act scopes, so React 18 (whose act() renders once, at the end of a scope) shows the
  // "connecting" render as React 19 does: the first renders what send() set synchronously,
  // the second waits for the prompt to be posted.
  let sent: Promise<void> = Promise.resolve();
  act(() => {
    sent = hook.result.current.stream.send("hi");
  });
  await act(() => sent);
  const statuses = () => distinct(hook.history.map((h) => h.stream.status));
  const finished = async () => {
    await waitFor(() => expect(hook.result.current.stream.result).not.toBeNull());
    return hook.result.current.stream;
  };
  return { server, hook, statuses, finished };
}

const toolView = (stream: ReturnType<typeof useStream>) =>
  stream.parts.flatMap((p) => (p.type === "tool" ? [[p.tool, p.status, p.output ?? null]] : []));
const storedTurn = (capture: ReplayServer["capture"]) => storedOf(capture.messages);

const promptPosts = (server: ReplayServer) => server.posts.filter((p) => p.path.endsWith("prompt_async"));

describe("useStream: capture replays (opencode 1.18.33)", () => {
  it.each(["hello", "reasoning"])("%s: the streamed text ends as stored; idle > connecting > submitted > streaming > idle", async (name) => {
    const { server, hook, statuses, finished } = await start(name);
    await server.play();
    const stream = await finished();
    const stored = storedTurn(server.capture);
    expect(stored.text.length).toBeGreaterThan(0);
    expect(stream).toMatchObject({ status: "idle", error: null, text: stored.text, reasoning: stored.reasoning });
    expect(stream.result?.text).toBe(stored.text);
    if (name === "reasoning") expect(stream.reasoning.length).toBeGreaterThan(0);
    expect(stream.tokens.output).toBeGreaterThan(0);
    expect(statuses()).toEqual(["idle", "connecting", "submitted", "streaming", "idle"]);
    expect(stream.watchdog).toMatchObject({ deadlineAt: null, remainingMs: null });
    // Every render on the way showed each text as a prefix of what the server stored (issue 17).
    const pins = streamPins(server.capture.events, server.capture.messages);
    for (const rendered of hook.history) pins.update(rendered.stream.parts);
    expect(pins.violations).toEqual([]);
    expect(promptPosts(server)).toEqual([{ path: `/session/${server.sessionId}/prompt_async`, body: { parts: [{ type: "text", text: "hi" }] }, feed: "open" }]);
  });

  it("todo: the todo list and the finished todowrite call", async () => {
    const { server, statuses, finished } = await start("todo");
    await server.play();
    const stream = await finished();
    expect(stream.todos.length).toBeGreaterThan(0);
    expect(stream.todos.every((t) => typeof t.content === "string" && typeof t.status === "string")).toBe(true);
    expect(stream.toolParts.map((p) => [p.tool, p.status])).toEqual([["todowrite", "completed"]]);
    expect(stream.text).toBe(storedTurn(server.capture).text);
    expect(statuses()).toEqual(["idle", "connecting", "submitted", "streaming", "idle"]);
  });

  it.each([
    ["tool-permission-once", "once", "completed"],
    ["tool-permission-reject", "reject", "error"],
  ] as const)("%s: awaiting-input while the permission waits, answered through usePermissions", async (name, answer, toolStatus) => {
    const { server, hook, statuses, finished } = await start(name);
    await server.play((e) => e.type === "permission.replied");
    expect(hook.result.current.stream.status).toBe("awaiting-input");
    const [request] = hook.result.current.permissions.permissions;
    expect(request).toMatchObject({ kind: "permission", permission: "bash", patterns: ["echo hi"] });
    expect(hook.result.current.stream.permissions).toEqual([request]);
    // The turn deadline is suspended while the user decides.
    expect(hook.result.current.stream.watchdog.deadlineKind).not.toBe("turn");

    await act(() => hook.result.current.permissions.reply(request!.id, answer));
    await waitFor(() => expect(hook.result.current.permissions.permissions).toEqual([]));
    expect(server.posts.at(-1)).toMatchObject({ path: `/permission/${request!.id}/reply`, body: { reply: answer } });

    await server.play();
    const stream = await finished();
    const stored = storedTurn(server.capture);
    expect(toolView(stream)).toEqual(stored.tools);
    expect(stream.toolParts.map((p) => p.status)).toEqual([toolStatus]);
    expect(stream).toMatchObject({ status: "idle", error: null, text: stored.text, permissions: [] });
    expect(statuses()).toEqual(["idle", "connecting", "submitted", "streaming", "awaiting-input", "streaming", "idle"]);
  });

  it("question-reply: the question shows in useStream and useQuestions, answered through useQuestions", async () => {
    const { server, hook, statuses, finished } = await start("question-reply");
    await server.play((e) => e.type === "question.replied");
    expect(hook.result.current.stream.status).toBe("awaiting-input");
    const [question] = hook.result.current.questions.questions;
    expect(question?.questions[0]?.question).toBe("Which color do you prefer?");
    expect(hook.result.current.stream.questions).toEqual([question]);
    // The question tool part is linked to its request.
    const tool = hook.result.current.stream.parts.find((p) => p.type === "tool");
    expect(tool?.type === "tool" && tool.question?.requestId).toBe(question?.id);

    await act(() => hook.result.current.questions.reply(question!.id, [["Red"]]));
    await waitFor(() => expect(hook.result.current.questions.questions).toEqual([]));
    expect(server.posts.at(-1)).toMatchObject({ path: `/question/${question!.id}/reply`, body: { answers: [["Red"]] } });

    await server.play();
    const stream = await finished();
    const stored = storedTurn(server.capture);
    expect(toolView(stream)).toEqual(stored.tools);
    expect(stream).toMatchObject({ status: "idle", error: null, text: stored.text, questions: [] });
    expect(statuses()).toEqual(["idle", "connecting", "submitted", "streaming", "awaiting-input", "streaming", "idle"]);
  });

  it("error-fatal400: ends in error with the provider's message", async () => {
    const { server, statuses, finished } = await start("error-fatal400");
    await server.play();
    const stream = await finished();
    expect(stream.status).toBe("error");
    expect(stream.error).toBeInstanceOf(SessionError);
    expect(stream.error?.message).toBe("APIError: Fake bad request: this model refuses fatal400");
    expect(stream.text).toBe("");
    expect(statuses()).toEqual(["idle", "connecting", "submitted", "streaming", "error"]);
  });

  it("abort: the user stops mid-reply; the text so far stays, no error, one abort POST", async () => {
    const { server, hook, statuses, finished } = await start("abort");
    await server.play((e) => e.type === "session.error");
    // Deltas are applied once per animation frame.
    await waitFor(() => expect(hook.result.current.stream.text).toBe("slow0 slow1 slow2 "));
    await act(() => hook.result.current.stream.abort());
    expect(server.fake.count("POST", `/session/${server.sessionId}/abort`)).toBe(1);
    await server.play();
    const stream = await finished();
    expect(stream).toMatchObject({ status: "idle", error: null, text: "slow0 slow1 slow2 " });
    expect(stream.result?.text).toBe("slow0 slow1 slow2 ");
    expect(statuses()).toEqual(["idle", "connecting", "submitted", "streaming", "idle"]);
    expect(promptPosts(server)).toHaveLength(1);
  });
});
