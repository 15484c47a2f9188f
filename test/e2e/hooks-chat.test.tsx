// @vitest-environment jsdom
/**
 * useChat against a real `opencode serve` and the scripted model: for every scripted turn, the
 * user's message is in `messages` from the moment of sending, and after the turn `messages`
 * equals what GET /session/:id/message returns (ids, roles, text, reasoning, tool states). Also a
 * page reload mid-turn (a new client and QueryClient) that keeps streaming to the stored end.
 */
import { act, waitFor } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { MessageWithParts, OpencodeClient } from "../../src";
import { useChat, type ChatMessage, type UseChatResult } from "../../src/react/chat";
import { e2eClient, fileTimer, renderLive, unmountAll, WAIT } from "./hooks-support";
import { useChildServer } from "./hooks-server";

const server = useChildServer();
afterEach(unmountAll);
afterAll(fileTimer("hooks-chat"));
let cached: OpencodeClient | undefined;
const client = (): OpencodeClient => (cached ??= e2eClient(server().baseUrl));

interface MessageView {
  id: string;
  role: string;
  text: string;
  reasoning: string;
  tools: string[];
}

function chatView(messages: readonly ChatMessage[]): MessageView[] {
  return messages.map((m) => ({
    id: m.id,
    role: m.role,
    text: m.parts.flatMap((p) => (p.type === "text" && p.raw?.synthetic !== true && p.text !== "" ? [p.text] : [])).join("\n\n"),
    reasoning: m.parts.flatMap((p) => (p.type === "reasoning" && p.text !== "" ? [p.text] : [])).join("\n\n"),
    tools: m.parts.flatMap((p) => (p.type === "tool" ? [`${p.tool}:${p.status}`] : [])),
  }));
}

function storedView(items: readonly MessageWithParts[]): MessageView[] {
  return items.map((m) => ({
    id: m.info.id,
    role: m.info.role,
    text: m.parts.flatMap((p) => (p.type === "text" && !p.synthetic && p.text !== "" ? [p.text] : [])).join("\n\n"),
    reasoning: m.parts.flatMap((p) => (p.type === "reasoning" && p.text !== "" ? [p.text] : [])).join("\n\n"),
    tools: m.parts.flatMap((p) => (p.type === "tool" ? [`${p.tool}:${p.state.status}`] : [])),
  }));
}

type During = (chat: () => UseChatResult) => Promise<void>;

/** One scripted turn in a fresh session, checked against the server. */
async function chatTurn(prompt: string, during?: During): Promise<UseChatResult> {
  const session = await client().sessions.create({ title: `chat ${prompt}` });
  const hook = renderLive(client(), () => useChat(session.id));
  await waitFor(() => expect(hook.result.current.history.isLoading).toBe(false), WAIT);
  const from = hook.history.length;
  let sent!: Promise<void>;
  act(() => {
    sent = hook.result.current.send(prompt);
  });
  const userId = hook.result.current.messages.at(-1)?.id;
  expect(chatView(hook.result.current.messages).at(-1)).toMatchObject({ role: "user", text: prompt });
  await act(() => sent);
  await during?.(() => hook.result.current);
  await waitFor(() => expect(["idle", "error"]).toContain(hook.result.current.status), WAIT);
  await waitFor(async () => expect(chatView(hook.result.current.messages)).toEqual(storedView((await client().messages.list(session.id)).items)), WAIT);
  // The user's message was there in every render from the send on.
  expect(hook.history.slice(from).every((r) => r.messages.some((m) => m.id === userId && m.role === "user"))).toBe(true);
  return hook.result.current;
}

const firstQuestion = async (chat: () => UseChatResult) => waitFor(() => chat().questions[0] ?? Promise.reject(new Error("no question yet")), WAIT);
const firstPermission = async (chat: () => UseChatResult) => waitFor(() => chat().permissions[0] ?? Promise.reject(new Error("no permission yet")), WAIT);

describe("useChat against the real server", () => {
  it("hello", async () => {
    const chat = await chatTurn("hello");
    expect(chat.messages.map((m) => m.status)).toEqual(["complete", "complete"]);
  });

  it("reasoning", async () => {
    const chat = await chatTurn("reason");
    expect(chatView(chat.messages).at(-1)).toMatchObject({ reasoning: "Let me think about this carefully.", text: "After thinking: 42." });
  });
  it("todo", async () => {
    const chat = await chatTurn("todo");
    expect(chat.todos.length).toBeGreaterThan(0);
  });
  it("midstream error, retried", () => chatTurn("midstream").then(() => undefined));
  it("retried 5xx", () => chatTurn("flaky500").then(() => undefined));
  it("provider error", async () => {
    const chat = await chatTurn("fatal400");
    expect(chat.messages.at(-1)?.status).toBe("error");
  });
  it("question reply", () => chatTurn("question", async (chat) => chat().replyQuestion((await firstQuestion(chat)).id, [["Red"]])).then(() => undefined));
  it("question reject", () => chatTurn("question", async (chat) => chat().rejectQuestion((await firstQuestion(chat)).id)).then(() => undefined));
  it("tool + permission once", () => chatTurn("tool", async (chat) => chat().replyPermission((await firstPermission(chat)).id, "once")).then(() => undefined));
  it("tool + permission reject", () => chatTurn("tool", async (chat) => chat().replyPermission((await firstPermission(chat)).id, "reject")).then(() => undefined));
  it("abort", async () => {
    const chat = await chatTurn("slow", async (current) => {
      await waitFor(() => expect(current().messages.at(-1)?.role).toBe("assistant"), WAIT);
      await current().abort();
    });
    expect(chat.messages.at(-1)?.status).toBe("aborted");
  });
  it("a page reload mid-turn: a new client + QueryClient shows the finished turn and the running answer, which keeps streaming to the stored end, no duplicate", async () => {
    const session = await client().sessions.create({ title: "chat reload" });
    const page = e2eClient(server().baseUrl);
    const before = renderLive(page, () => useChat(session.id));
    await waitFor(() => expect(before.result.current.history.isLoading).toBe(false), WAIT);
    await act(() => before.result.current.send("hello"));
    await waitFor(() => expect(before.result.current.messages.map((m) => m.status)).toEqual(["complete", "complete"]), WAIT);
    await waitFor(() => expect(before.result.current.status).toBe("idle"), WAIT);
    await act(() => before.result.current.send("slow"));
    // The reload happens as soon as the answer has begun (the scripted "slow" turn lasts ~10 s).
    await waitFor(() => expect(chatView(before.result.current.messages).at(-1)?.text).toMatch(/^slow0 /), WAIT);
    before.unmount();
    page.dispose();

    const reloaded = e2eClient(server().baseUrl);
    const after = renderLive(reloaded, () => useChat(session.id));
    const last = () => chatView(after.result.current.messages).at(-1);
    await waitFor(() => expect(after.result.current.messages).toHaveLength(4), WAIT);
    expect(chatView(after.result.current.messages).slice(0, 3).map((m) => [m.role, m.text.slice(0, 5)])).toEqual([["user", "hello"], ["assistant", "Hello"], ["user", "slow"]]);
    // The server stores a text part's text only when the part ends (its snapshot is "" until
    // then), so the reloaded page shows the text streamed from the reload on, and all of it at
    // the end.
    await waitFor(() => expect(last()?.text).toMatch(/slow\d+ /), WAIT);
    const first = last()?.text ?? "";
    // Keeps streaming: more text arrives on the reloaded page (positive signal), then the end.
    await waitFor(() => expect(last()?.text.length).toBeGreaterThan(first.length), WAIT);
    await waitFor(() => expect(after.result.current.status).toBe("idle"), WAIT);
    await waitFor(async () => expect(chatView(after.result.current.messages)).toEqual(storedView((await reloaded.messages.list(session.id)).items)), WAIT);
    expect(last()?.text).toMatch(/^slow0 .*slow39 $/);
    expect(after.result.current.messages.at(-1)?.status).toBe("complete");
    expect(after.history.some((r) => r.messages.at(-1)?.status === "streaming")).toBe(true);
    for (const r of after.history) expect(new Set(r.messages.map((m) => m.id)).size).toBe(r.messages.length);
    reloaded.dispose();
  });
  it("tool + permission always (last: it persists server-wide)", () =>
    chatTurn("tool", async (chat) => chat().replyPermission((await firstPermission(chat)).id, "always")).then(() => undefined));
});
