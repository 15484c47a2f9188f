// @vitest-environment jsdom
/**
 * What a chat shows when things go wrong: `error` (typed) after a refusal and after a provider
 * error, `history.error` when a page of the history cannot be loaded, and `abort()` ending a
 * running turn with its last message marked aborted.
 */
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BadRequestError, ServerError, SessionError } from "../../src/core/errors";
import { scenarios } from "../../src/testing";
import { chatServer, mountChat, textOf } from "../support/chat-mount";
import { feedOpen } from "../support/render-opencode";

describe("useChat: errors and abort", () => {
  it("a 400 refusal sets chat.error to the typed BadRequestError (status error)", async () => {
    const server = chatServer();
    const chat = mountChat(server);
    await feedOpen(server.client);
    server.fake.server.failNext("POST", /\/prompt_async$/, 400, { name: "BadRequest", data: { message: "no such agent" } });
    await act(() => chat.result.current.send("hello?"));
    await waitFor(() => expect(chat.result.current.error).toBeInstanceOf(BadRequestError));
    expect(chat.result.current.error?.message).toMatch(/no such agent/);
    expect(chat.result.current.status).toBe("error");
  });

  it("a provider error (session.error) sets chat.error to a SessionError with the provider's message", async () => {
    const server = chatServer({ scenario: "providerError" });
    const chat = mountChat(server);
    await feedOpen(server.client);
    await act(() => chat.result.current.send("fail please"));
    await waitFor(() => expect(chat.result.current.error).toBeInstanceOf(SessionError));
    expect(chat.result.current.error?.message).toMatch(/Fake bad request/);
    expect(chat.result.current.status).toBe("error");
  });

  it("history.error is the typed error when a history page cannot be loaded", async () => {
    const server = chatServer();
    server.fake.server.failNext("GET", `/session/${server.sessionId}/message`, 500);
    const chat = mountChat(server);
    await waitFor(() => expect(chat.result.current.history.error).toBeInstanceOf(ServerError));
    expect(chat.result.current.history.isLoading).toBe(false);
    expect(chat.result.current.messages).toEqual([]);
  });

  it("abort() ends a running turn: the last message is aborted, the chat idle, the server asked once", async () => {
    const server = chatServer({ scenario: scenarios.slow({ intervalMs: 20 }) });
    const chat = mountChat(server);
    await feedOpen(server.client);
    await act(() => chat.result.current.send("go slowly"));
    await waitFor(() => expect(textOf(chat.result.current.messages.at(-1))).toMatch(/slow1/));
    expect(chat.result.current.messages.at(-1)?.status).toBe("streaming");
    await act(() => chat.result.current.abort());
    await waitFor(() => expect(chat.result.current.status).toBe("idle"));
    await waitFor(() => expect(chat.result.current.messages.at(-1)).toMatchObject({ role: "assistant", status: "aborted" }));
    expect(textOf(chat.result.current.messages.at(-1))).not.toMatch(/slow39/);
    expect(server.fake.server.count("POST", `/session/${server.sessionId}/abort`)).toBe(1);
  });
});
