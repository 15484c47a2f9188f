// @vitest-environment jsdom
/**
 * useChat's paged history and the turn's state around the list: older pages merged in order with
 * the shown messages kept; sessionStatus (retry with attempt and next), the watchdog's window
 * lengths and remaining time, todos (stored, then live), totals; a refused answer comes back.
 */
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ServerError } from "../../src/core/errors";
import { useChat } from "../../src/react/chat";
import { useQuestions } from "../../src/react/stream";
import { fakeAssistantMessage, fakeTodo, fakeUserMessage } from "../../src/testing";
import { chatServer, mountChat, transcript } from "../support/chat-mount";
import { feedOpen, renderOpencodeHook } from "../support/render-opencode";

describe("useChat: history and turn state", () => {
  it("a long session opens on its newest page; loadOlder merges the older page in order and keeps the shown messages", async () => {
    const server = chatServer();
    for (let i = 0; i < 12; i += 1) {
      const user = fakeUserMessage(server.sessionId, `q${i}`);
      server.fake.server.instance().addMessages(server.sessionId, user, fakeAssistantMessage(server.sessionId, user.info.id, `a${i}`));
    }
    const chat = mountChat(server, { throttleMs: 0, pageSize: 10 });
    await waitFor(() => expect(chat.result.current.messages).toHaveLength(10));
    expect(chat.result.current.history.hasOlder).toBe(true);
    expect(transcript(chat.result.current.messages).slice(0, 2)).toEqual(["user: q7", "assistant: a7"]);
    const shown = chat.result.current.messages;
    const gate = server.fake.server.hold("GET", /\/message$/);
    let loading!: Promise<void>;
    act(() => {
      loading = chat.result.current.history.loadOlder();
    });
    await waitFor(() => expect(chat.result.current.history.isLoadingOlder).toBe(true));
    expect(chat.result.current.messages).toBe(shown);
    gate.release();
    await act(() => loading);
    await waitFor(() => expect(chat.result.current.messages).toHaveLength(20));
    const all = chat.result.current.messages;
    expect(transcript(all).slice(0, 2)).toEqual(["user: q2", "assistant: a2"]);
    expect(all.slice(10).every((message, i) => message === shown[i])).toBe(true);
    await act(() => chat.result.current.history.loadOlder());
    await waitFor(() => expect(chat.result.current.messages).toHaveLength(24));
    expect(chat.result.current.history.hasOlder).toBe(false);
    expect(transcript(chat.result.current.messages).slice(0, 1)).toEqual(["user: q0"]);
  });

  it("sessionStatus shows a retry (attempt, next); the watchdog has its windows; todos are stored, then live; totals count the turn", async () => {
    const server = chatServer({ scenario: "none" });
    const stored = [fakeTodo("stored plan")];
    server.fake.server.instance().todos.set(server.sessionId, stored);
    const chat = mountChat(server, { throttleMs: 0, idleTimeoutMs: 45_000, firstEventTimeoutMs: 30_000 });
    await feedOpen(server.client);
    await waitFor(() => expect(chat.result.current.todos.map((t) => t.content)).toEqual(["stored plan"]));
    expect(chat.result.current.watchdog).toMatchObject({ idleMs: 45_000, firstEventMs: 30_000 });
    await act(() => chat.result.current.send("go"));
    await waitFor(() => expect(chat.result.current.watchdog.remainingMs).not.toBeNull());
    const turn = server.fake.turn(server.sessionId);
    const next = Date.now() + 5_000;
    act(() => void turn.retry({ attempt: 2, inMs: 5_000, message: "overloaded" }));
    await waitFor(() => expect(chat.result.current.sessionStatus).toMatchObject({ type: "retry", attempt: 2, message: "overloaded" }));
    const status = chat.result.current.sessionStatus;
    expect(status.type === "retry" ? Math.abs((status.next ?? 0) - next) : Infinity).toBeLessThan(60_000);
    act(() => void turn.text("answer").todo([fakeTodo("live step", "in_progress")]));
    await waitFor(() => expect(chat.result.current.todos.map((t) => t.content)).toEqual(["live step"]));
    act(() => turn.finish({ tokens: { total: 15, input: 10, output: 5, reasoning: 0, cache: { read: 0, write: 0 } } }));
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    expect(chat.result.current.totals.tokens).toMatchObject({ input: 10, output: 5 });
    expect(chat.result.current.sessionStatus.type).toBe("idle");
  });

  it("a question answered through useChat that the server refuses comes back, in useChat and useQuestions, with the typed error", async () => {
    const server = chatServer({ scenario: "question" });
    const both = renderOpencodeHook(() => ({ chat: useChat(server.sessionId, { throttleMs: 0 }), listed: useQuestions(server.sessionId) }), server);
    await feedOpen(server.client);
    await act(() => both.result.current.chat.send("ask me"));
    await waitFor(() => expect(both.result.current.chat.questions).toHaveLength(1));
    const id = both.result.current.chat.questions[0]?.id ?? "";
    server.fake.server.failNext("POST", `/question/${id}/reply`, 500);
    await act(async () => {
      await expect(both.result.current.chat.replyQuestion(id, [["Blue"]])).rejects.toBeInstanceOf(ServerError);
    });
    await waitFor(() => expect(both.result.current.chat.questions.map((q) => q.id)).toEqual([id]));
    expect(both.result.current.listed.questions.map((q) => q.id)).toEqual([id]);
    both.unmount();
  });
});
