// @vitest-environment jsdom
/**
 * useChat against the scripted fake server: the user's message at once, the streamed answer, the
 * list equal to the stored messages after the turn, no flicker while the next prompt posts,
 * identity of past messages, refusals and ambiguous failures, resend under the same id.
 */
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BadRequestError, ServerError } from "../../src/core/errors";
import { chatServer, mountChat, promptBodies, textOf, transcript } from "../support/chat-mount";
import { feedOpen } from "../support/render-opencode";

describe("useChat: one list", () => {
  it("shows the user's message at once under its client-made id, then the answer; after the turn the list equals the stored messages", async () => {
    const server = chatServer();
    const chat = mountChat(server);
    await waitFor(() => expect(chat.result.current.history.isLoading).toBe(false));
    let sent!: Promise<void>;
    act(() => {
      sent = chat.result.current.send("hi there");
    });
    const first = chat.result.current.messages;
    expect(transcript(first)).toEqual(["user: hi there"]);
    expect(first[0]?.status).toBe("pending");
    const id = first[0]?.id;
    expect(id).toMatch(/^msg_/);
    await act(() => sent);
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    await act(() => server.fake.settled());
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: hi there", "assistant: Hello there! I am a fake model."]));
    expect(promptBodies(server)[0]?.messageID).toBe(id);
    const stored = await server.client.messages.list(server.sessionId);
    const messages = chat.result.current.messages;
    expect(messages.map((m) => [m.id, m.role, m.status])).toEqual(stored.items.map((m) => [m.info.id, m.info.role, "complete"]));
    expect(messages.map(textOf)).toEqual(stored.items.map((m) => m.parts.flatMap((p) => (p.type === "text" && !p.synthetic ? [p.text] : [])).join("")));
    // From the moment it was sent, every render showed the user's message.
    const sentAt = chat.history.findIndex((r) => r.messages.length > 0);
    expect(chat.history.slice(sentAt).map((r) => `${r.messages[0]?.id === id}:${textOf(r.messages[0])}:${r.messages[0]?.status}`).filter((s) => s !== "true:hi there:pending" && s !== "true:hi there:complete")).toEqual([]);
  });

  it("first question FIRST ANSWER -> Connecting... flicker: the previous answer and the new question stay while the next prompt posts", async () => {
    const server = chatServer();
    const chat = mountChat(server);
    await feedOpen(server.client);
    await act(() => chat.result.current.send("first question"));
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: first question", "assistant: Hello there! I am a fake model."]));
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    const gate = server.fake.server.hold("POST", /\/prompt_async$/);
    const from = chat.history.length;
    let sent!: Promise<void>;
    act(() => {
      sent = chat.result.current.send("second question");
    });
    await waitFor(() => expect(chat.result.current.status).toBe("connecting"));
    expect(transcript(chat.result.current.messages)).toEqual(["user: first question", "assistant: Hello there! I am a fake model.", "user: second question"]);
    gate.release();
    await act(() => sent);
    await waitFor(() => expect(chat.result.current.messages).toHaveLength(4));
    for (const render of chat.history.slice(from)) {
      expect(transcript(render.messages).slice(0, 2)).toEqual(["user: first question", "assistant: Hello there! I am a fake model."]);
    }
  });

  it("past messages keep their identity (objects and parts) while the next turn streams and reconciles", async () => {
    const server = chatServer();
    const chat = mountChat(server);
    await feedOpen(server.client);
    await act(() => chat.result.current.send("one"));
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: one", "assistant: Hello there! I am a fake model."]));
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    await act(() => server.fake.settled());
    const [user, answer] = chat.result.current.messages;
    const from = chat.history.length;
    await act(() => chat.result.current.send("two"));
    await waitFor(() => expect(chat.result.current.messages).toHaveLength(4));
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    await act(() => server.fake.settled());
    for (const render of chat.history.slice(from)) {
      expect(render.messages[0]).toBe(user);
      expect(render.messages[1]).toBe(answer);
    }
  });

  it("a definite refusal (400) leaves the message failed with its typed error and text; resend posts it under the same id", async () => {
    const server = chatServer();
    const chat = mountChat(server);
    await feedOpen(server.client);
    server.fake.server.failNext("POST", /\/prompt_async$/, 400, { name: "BadRequest", data: { message: "no such agent" } });
    await act(() => chat.result.current.send("hello?"));
    const [failed] = chat.result.current.messages;
    expect(failed).toMatchObject({ role: "user", status: "error" });
    expect(failed?.error).toBeInstanceOf(BadRequestError);
    expect(textOf(failed)).toBe("hello?");
    await act(() => chat.result.current.resend(failed?.id ?? ""));
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: hello?", "assistant: Hello there! I am a fake model."]));
    const bodies = promptBodies(server);
    expect(bodies.map((b) => b.messageID)).toEqual([failed?.id, failed?.id]);
  });

  it("an ambiguous failure (the POST went out, the answer was lost) is confirmed by id: no error, no second POST", async () => {
    let lose = true;
    const server = chatServer({}, (fetch) => async (input, init) => {
      const response = await fetch(input, init);
      if (lose && String(input instanceof Request ? input.url : input).includes("/prompt_async")) {
        lose = false;
        return new Response(JSON.stringify({ name: "UnknownError", data: { message: "proxy dropped it" } }), { status: 502 });
      }
      return response;
    });
    const chat = mountChat(server);
    await feedOpen(server.client);
    await act(() => chat.result.current.send("did it arrive?"));
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: did it arrive?", "assistant: Hello there! I am a fake model."]));
    expect(chat.result.current.messages[0]?.status).toBe("complete");
    expect(chat.history.some((r) => r.messages[0]?.status === "error")).toBe(false);
    expect(chat.result.current.error).toBeNull();
    expect(promptBodies(server)).toHaveLength(1);
  });

  it("an ambiguous failure the server never stored turns failed after the lookup; resend reuses the id", async () => {
    const server = chatServer();
    const chat = mountChat(server);
    await feedOpen(server.client);
    server.fake.server.failNext("POST", /\/prompt_async$/, 503);
    await act(() => chat.result.current.send("again?"));
    await waitFor(() => expect(chat.result.current.messages[0]?.status).toBe("error"));
    const failed = chat.result.current.messages[0];
    expect(failed?.error).toBeInstanceOf(ServerError);
    const lookups = server.fake.requests().filter((r) => r.method === "GET" && r.path.endsWith(`/message/${failed?.id}`));
    expect(lookups).toHaveLength(1);
    await act(() => chat.result.current.resend(failed?.id ?? ""));
    await waitFor(() => expect(chat.result.current.messages).toHaveLength(2));
    expect(promptBodies(server).map((b) => b.messageID)).toEqual([failed?.id, failed?.id]);
  });
});
