// @vitest-environment jsdom
/**
 * useChat's shared pieces: questions and permissions answered optimistically and shared with
 * useQuestions/usePermissions, a chat opened mid-turn, useChatMessage re-rendering for its own
 * message alone, and memoized past-message views that never re-render while a turn streams.
 */
import { memo } from "react";
import { act, render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/react/chat";
import { useChat, useChatMessage } from "../../src/react/chat";
import { OpencodeProvider } from "../../src/react/provider";
import { usePermissions } from "../../src/react/stream";
import { scenarios } from "../../src/testing";
import { askedQuestion, chatServer, mountChat, textOf, transcript } from "../support/chat-mount";
import { feedOpen, renderOpencodeHook } from "../support/render-opencode";

describe("useChat: questions and permissions", () => {
  it("an answered question leaves useChat and useQuestions at once; the turn goes on", async () => {
    const { server, both, id } = await askedQuestion();
    const from = both.history.length;
    const gate = server.fake.server.hold("POST", /\/question\/.*\/reply$/);
    let answered!: Promise<void>;
    await act(async () => {
      answered = both.result.current.chat.replyQuestion(id, [["Blue"]]);
      await Promise.resolve();
    });
    await waitFor(() => expect(both.result.current.chat.questions).toEqual([]));
    expect(both.result.current.listed.questions).toEqual([]);
    gate.release();
    await act(() => answered);
    await waitFor(() => expect(both.result.current.chat.status).toBe("idle"));
    expect(both.history.slice(both.history.findIndex((r, i) => i >= from && r.chat.questions.length === 0)).every((r) => r.chat.questions.length === 0 && r.listed.questions.length === 0)).toBe(true);
    both.unmount();
  });

  it("a permission answered with replyPermission leaves usePermissions at once", async () => {
    const server = chatServer({ scenario: scenarios.permission() });
    const both = renderOpencodeHook(() => ({ chat: useChat(server.sessionId, { throttleMs: 0 }), listed: usePermissions(server.sessionId) }), server);
    await feedOpen(server.client);
    await act(() => both.result.current.chat.send("run ls"));
    await waitFor(() => expect(both.result.current.chat.permissions).toHaveLength(1));
    const id = both.result.current.chat.permissions[0]?.id ?? "";
    const gate = server.fake.server.hold("POST", /\/permission\/.*\/reply$/);
    let answered!: Promise<void>;
    await act(async () => {
      answered = both.result.current.chat.replyPermission(id, "once");
      await Promise.resolve();
    });
    // The reply is held at the server: what leaves the lists is the optimistic answer.
    await waitFor(() => expect(both.result.current.chat.permissions).toEqual([]));
    expect(both.result.current.listed.permissions).toEqual([]);
    gate.release();
    await act(() => answered);
    await waitFor(() => expect(both.result.current.chat.status).toBe("idle"));
    both.unmount();
  });
});

describe("useChat: mid-turn and fine-grained views", () => {
  it("a chat opened mid-turn hydrates the turn so far, renders it streaming (partial text) and keeps streaming to the stored end", async () => {
    const server = chatServer({ scenario: "none" });
    const turn = server.fake.turn(server.sessionId, { prompt: "start" });
    turn.text("one ");
    const chat = mountChat(server);
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: start", "assistant: one "]));
    await waitFor(() => expect(chat.result.current.status).toBe("streaming"));
    expect(chat.result.current.messages[1]?.status).toBe("streaming");
    act(() => void turn.text("two "));
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: start", "assistant: one two "]));
    expect(chat.result.current).toMatchObject({ status: "streaming", messages: [{ status: "complete" }, { status: "streaming" }] });
    act(() => void turn.text("three").finish());
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    expect(transcript(chat.result.current.messages)).toEqual(["user: start", "assistant: one two three"]);
    expect(chat.result.current.messages[1]?.status).toBe("complete");
  });

  it("memoized past-message rows and useChatMessage rows of past messages never re-render while a new turn streams", async () => {
    const server = chatServer({ scenario: "hello" });
    const rowRenders = new Map<string, number>();
    const Row = memo(function Row({ message }: { message: ChatMessage }) {
      rowRenders.set(message.id, (rowRenders.get(message.id) ?? 0) + 1);
      return <p>{textOf(message)}</p>;
    });
    const selfRenders = new Map<string, number>();
    const SelfRow = memo(function SelfRow({ id }: { id: string }) {
      const message = useChatMessage(server.sessionId, id);
      selfRenders.set(id, (selfRenders.get(id) ?? 0) + 1);
      return <p data-testid={`self-${id}`}>{textOf(message)}</p>;
    });
    const latest: { send?: (text: string) => Promise<void>; messages: readonly ChatMessage[]; status?: string } = { messages: [] };
    function Chat() {
      const chat = useChat(server.sessionId, { throttleMs: 0 });
      latest.send = chat.send;
      latest.messages = chat.messages;
      latest.status = chat.status;
      return (
        <>
          {chat.messages.map((m) => <Row key={m.id} message={m} />)}
          {chat.messages.map((m) => <SelfRow key={`s${m.id}`} id={m.id} />)}
        </>
      );
    }
    const view = render(<OpencodeProvider client={server.client} queryClient={server.queryClient}><Chat /></OpencodeProvider>);
    await feedOpen(server.client);
    await act(() => latest.send?.("one") ?? Promise.resolve());
    await waitFor(() => expect(transcript(latest.messages)).toEqual(["user: one", "assistant: Hello there! I am a fake model."]));
    await waitFor(() => expect(latest.status).toBe("idle"));
    await act(() => server.fake.settled());
    await act(() => latest.send?.("two") ?? Promise.resolve());
    await waitFor(() => expect(latest.messages).toHaveLength(4));
    await waitFor(() => expect(latest.status).toBe("idle"));
    await act(() => server.fake.settled());
    // Turn 1 left the reply store when turn 2 was sent; turn 2 leaves it when turn 3 is.
    const older = latest.messages.slice(0, 2).map((m) => m.id);
    const recent = latest.messages.slice(2).map((m) => m.id);
    const before = { older: older.map((id) => [rowRenders.get(id), selfRenders.get(id)]), recent: recent.map((id) => rowRenders.get(id)) };
    await act(() => latest.send?.("three") ?? Promise.resolve());
    await waitFor(() => expect(latest.messages).toHaveLength(6));
    await waitFor(() => expect(latest.status).toBe("idle"));
    await act(() => server.fake.settled());
    expect(view.getByTestId(`self-${latest.messages[5]?.id}`).textContent).toBe("Hello there! I am a fake model.");
    expect(older.map((id) => [rowRenders.get(id), selfRenders.get(id)])).toEqual(before.older);
    expect(recent.map((id) => rowRenders.get(id))).toEqual(before.recent);
    view.unmount();
  });
});
