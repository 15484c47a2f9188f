// @vitest-environment jsdom
/**
 * useChat after a page reload: the page that sent the prompt is gone (its client, QueryClient and
 * reply store with it); a brand-new client + QueryClient + provider mounts on the session while
 * the server is still running the turn. The earlier turns show from the history, the running
 * assistant message appears with what it has so far and keeps streaming to its end, nothing is
 * shown twice, and the finished list equals what the server stored.
 */
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import { useChat } from "../../src/react/chat";
import { fakeAssistantMessage, fakeUserMessage } from "../../src/testing";
import { chatServer, mountChat, transcript } from "../support/chat-mount";
import { feedOpen, renderOpencodeHook, testQueryClient } from "../support/render-opencode";

describe("useChat: page reload", () => {
  it("a reload mid-turn (new client, QueryClient, provider) shows the history and the running answer, keeps streaming it to the stored end, no duplicate", async () => {
    const server = chatServer({ scenario: "none" });
    for (const [question, answer] of [["first q", "first a"], ["second q", "second a"]] as const) {
      const user = fakeUserMessage(server.sessionId, question);
      server.fake.server.instance().addMessages(server.sessionId, user, fakeAssistantMessage(server.sessionId, user.info.id, answer));
    }
    // The page before the reload sends the prompt and sees the turn start.
    const before = mountChat(server);
    await feedOpen(server.client);
    await waitFor(() => expect(before.result.current.messages).toHaveLength(4));
    await act(() => before.result.current.send("third q"));
    const turn = server.fake.turn(server.sessionId);
    act(() => void turn.text("partial "));
    await waitFor(() => expect(transcript(before.result.current.messages).at(-1)).toBe("assistant: partial "));
    before.unmount();

    // The reloaded page: nothing shared with the one before.
    const client = createOpencodeClient({ baseUrl: server.fake.baseUrl, fetch: server.fake.fetch, events: { backoffInitialMs: 2, backoffMaxMs: 10 } });
    const after = renderOpencodeHook(() => useChat(server.sessionId, { throttleMs: 0 }), { client, queryClient: testQueryClient() });
    await feedOpen(client);
    await waitFor(() =>
      expect(transcript(after.result.current.messages)).toEqual(["user: first q", "assistant: first a", "user: second q", "assistant: second a", "user: third q", "assistant: partial "]),
    );
    act(() => void turn.text("more "));
    await waitFor(() => expect(transcript(after.result.current.messages).at(-1)).toBe("assistant: partial more "));
    expect(after.result.current.status).not.toBe("idle");
    expect(after.result.current.messages.at(-1)?.status).toBe("streaming");
    act(() => void turn.text("end"));
    await waitFor(() => expect(transcript(after.result.current.messages).at(-1)).toBe("assistant: partial more end"));
    act(() => turn.finish());
    await waitFor(() => expect(after.result.current.status).toBe("idle"));
    const stored = server.fake.server.instance().messages.get(server.sessionId) ?? [];
    const shown = after.result.current.messages;
    expect(shown.map((m) => m.id)).toEqual(stored.map((m) => m.info.id));
    expect(new Set(shown.map((m) => m.id)).size).toBe(shown.length);
    expect(transcript(shown)).toEqual(transcript(stored.map((m) => ({ ...m, id: m.info.id, role: m.info.role, status: "complete", parts: m.parts }) as never)));
    expect(transcript(shown).slice(-2)).toEqual(["user: third q", "assistant: partial more end"]);
    expect(shown.at(-1)?.status).toBe("complete");
    // No render of the reloaded page ever showed a message twice or lost the history.
    for (const messages of after.history.map((r) => r.messages)) expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    after.unmount();
  });
});
