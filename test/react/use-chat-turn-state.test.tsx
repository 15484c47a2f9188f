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
import { useTodos } from "../../src/react/use-todos";
import { todosQueryOptions } from "../../src/query/query-options";
import { fakeAssistantMessage, fakeTodo, fakeUserMessage } from "../../src/testing";
import { askedQuestion, chatServer, mountChat, transcript } from "../support/chat-mount";
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

  it("live todos win over stored ones while the turn runs, even after the stored list is re-fetched with other content", async () => {
    const server = chatServer({ scenario: "none" });
    server.fake.server.instance().todos.set(server.sessionId, [fakeTodo("stored plan")]);
    // useTodos beside useChat in the same component: the render where it shows the re-fetched
    // stored list is a render where useChat has seen it too.
    const both = renderOpencodeHook(() => ({ chat: useChat(server.sessionId, { throttleMs: 0 }), stored: useTodos(server.sessionId) }), server);
    const contents = () => both.result.current.chat.todos.map((t) => t.content);
    await feedOpen(server.client);
    await waitFor(() => expect(contents()).toEqual(["stored plan"]));
    await act(() => both.result.current.chat.send("go"));
    const turn = server.fake.turn(server.sessionId);
    act(() => void turn.text("working").todo([fakeTodo("live step", "in_progress")]));
    await waitFor(() => expect(contents()).toEqual(["live step"]));
    // The stored list now says something else (another writer, a stale replica): re-fetched, it
    // lands in the todos cache, but the turn's own live list stays what the chat shows.
    server.fake.server.instance().todos.set(server.sessionId, [fakeTodo("stale stored copy")]);
    await act(() => server.queryClient.refetchQueries({ queryKey: todosQueryOptions(server.client, server.sessionId).queryKey }));
    await waitFor(() => expect((both.result.current.stored.data ?? []).map((t) => t.content)).toEqual(["stale stored copy"]));
    expect(both.result.current.chat.status).not.toBe("idle");
    expect(contents()).toEqual(["live step"]);
    act(() => turn.finish());
    await waitFor(() => expect(both.result.current.chat.status).toBe("idle"));
    both.unmount();
  });

  it("stored todos show while a turn runs that has sent no live list (not an empty list)", async () => {
    const server = chatServer({ scenario: "none" });
    server.fake.server.instance().todos.set(server.sessionId, [fakeTodo("stored plan"), fakeTodo("stored step 2", "completed")]);
    const chat = mountChat(server, { throttleMs: 0 });
    await feedOpen(server.client);
    await waitFor(() => expect(chat.result.current.todos.map((t) => t.content)).toEqual(["stored plan", "stored step 2"]));
    await act(() => chat.result.current.send("go"));
    const turn = server.fake.turn(server.sessionId);
    act(() => void turn.text("thinking aloud"));
    await waitFor(() => expect(chat.result.current.status).toBe("streaming"));
    expect(chat.result.current.todos.map((t) => [t.content, t.status])).toEqual([
      ["stored plan", "pending"],
      ["stored step 2", "completed"],
    ]);
    act(() => turn.finish());
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    expect(chat.result.current.todos.map((t) => t.content)).toEqual(["stored plan", "stored step 2"]);
  });

  it("a question answered through useChat that the server refuses comes back, in useChat and useQuestions, with the typed error", async () => {
    const { server, both, id } = await askedQuestion();
    server.fake.server.failNext("POST", `/question/${id}/reply`, 500);
    await act(async () => {
      await expect(both.result.current.chat.replyQuestion(id, [["Blue"]])).rejects.toBeInstanceOf(ServerError);
    });
    await waitFor(() => expect(both.result.current.chat.questions.map((q) => q.id)).toEqual([id]));
    expect(both.result.current.listed.questions.map((q) => q.id)).toEqual([id]);
    both.unmount();
  });
});
