// @vitest-environment jsdom
/**
 * The big-screen chat: a list from useChatMessageIds with a useChatMessage row each. While a
 * turn streams, the list renders only when a message is added, no past row renders at all, and
 * the streaming row shows every chunk; a row alone on a screen loads the history itself.
 */
import { memo } from "react";
import { act, render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useChat, useChatMessage, useChatMessageIds } from "../../src/react/chat";
import { OpencodeProvider } from "../../src/react/provider";
import { fakeAssistantMessage, fakeUserMessage, scenarios } from "../../src/testing";
import { chatServer, textOf } from "../support/chat-mount";
import { feedOpen } from "../support/render-opencode";

describe("useChatMessageIds + useChatMessage", () => {
  it("while a turn streams, the list renders only when a message is added and past rows not at all", async () => {
    const chunks = Array.from({ length: 30 }, (_, i) => `c${i} `);
    const server = chatServer({ scenario: scenarios.hello({ chunks }), pace: 3 });
    for (let i = 0; i < 10; i += 1) {
      const user = fakeUserMessage(server.sessionId, `q${i}`);
      server.fake.server.instance().addMessages(server.sessionId, user, fakeAssistantMessage(server.sessionId, user.info.id, `a${i}`));
    }
    const rowRenders = new Map<string, number>();
    const rowTexts = new Map<string, string[]>();
    const Row = memo(function Row({ id }: { id: string }) {
      const message = useChatMessage(server.sessionId, id);
      rowRenders.set(id, (rowRenders.get(id) ?? 0) + 1);
      rowTexts.set(id, [...(rowTexts.get(id) ?? []), textOf(message)]);
      return <p data-testid={id}>{textOf(message)}</p>;
    });
    const lists: (readonly string[])[] = [];
    function List() {
      const ids = useChatMessageIds(server.sessionId);
      lists.push(ids);
      return ids.map((id) => <Row key={id} id={id} />);
    }
    const latest: { send?: (text: string) => Promise<void>; status?: string } = {};
    function Composer() {
      const chat = useChat(server.sessionId, { throttleMs: 0 });
      latest.send = chat.send;
      latest.status = chat.status;
      return null;
    }
    const view = render(
      <OpencodeProvider client={server.client} queryClient={server.queryClient}>
        <Composer />
        <List />
      </OpencodeProvider>,
    );
    await feedOpen(server.client);
    await waitFor(() => expect(lists.at(-1)).toHaveLength(20));
    const past = [...(lists.at(-1) ?? [])];
    const pastRenders = past.map((id) => rowRenders.get(id));
    const listRendersBefore = lists.length;
    await act(() => latest.send?.("go") ?? Promise.resolve());
    await waitFor(() => expect(lists.at(-1)).toHaveLength(22));
    await waitFor(() => expect(latest.status).toBe("idle"));
    await act(() => server.fake.settled());
    const answerId = lists.at(-1)?.[21] ?? "";
    await waitFor(() => expect(view.getByTestId(answerId).textContent).toBe(chunks.join("")));
    // The list rendered for the two additions (the user's message, the answer), not per chunk.
    const during = lists.slice(listRendersBefore);
    expect(new Set(during).size).toBeLessThanOrEqual(2);
    expect(during.length).toBeLessThanOrEqual(4);
    expect(past.map((id) => rowRenders.get(id))).toEqual(pastRenders);
    // The streaming row saw the text grow (more than the first and the last state).
    expect(new Set(rowTexts.get(answerId)).size).toBeGreaterThan(2);
    view.unmount();
  });

  it("a useChatMessage row alone on a screen loads the history and shows its message", async () => {
    const server = chatServer();
    const user = fakeUserMessage(server.sessionId, "stored question");
    server.fake.server.instance().addMessages(server.sessionId, user);
    function Row() {
      const message = useChatMessage(server.sessionId, user.info.id);
      return <p data-testid="row">{message === undefined ? "none" : `${message.role}: ${textOf(message)}`}</p>;
    }
    const view = render(
      <OpencodeProvider client={server.client} queryClient={server.queryClient}>
        <Row />
      </OpencodeProvider>,
    );
    await waitFor(() => expect(view.getByTestId("row").textContent).toBe("user: stored question"));
    view.unmount();
  });
});
