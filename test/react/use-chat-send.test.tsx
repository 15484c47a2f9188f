// @vitest-environment jsdom
/**
 * useChat's send path, the gaps a review found: an ambiguous failure without an HTTP status (the
 * connection dropped after the POST went out, a timeout) is confirmed by one lookup once the feed
 * is ready, never shown as an error and never posted twice; the lookup waits for the feed; a
 * resend looks the message up first; a chat that unmounts before its POST still posts it (A5);
 * subscribe-then-prompt; a full prompt reaches the server whole.
 */
import { act, render, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../src/core/errors";
import { filePart } from "../../src/core/api/mention-parts";
import { useChat } from "../../src/react/chat";
import { OpencodeProvider } from "../../src/react/provider";
import { fakeUserMessage } from "../../src/testing";
import type { Gate } from "../../src/testing";
import { chatServer, lookups, mountChat, promptBodies, transcript, urlOf } from "../support/chat-mount";
import { feedOpen, sleep } from "../support/render-opencode";

const ANSWER = "assistant: Hello there! I am a fake model.";
const isPrompt = (input: RequestInfo | URL): boolean => urlOf(input).endsWith("/prompt_async");

/** The first prompt POST reaches the server, then its answer is lost: `lose` says how. */
function answerLost(lose: (init: RequestInit | undefined) => Promise<never>) {
  let lost = false;
  return (fetch: typeof globalThis.fetch): typeof globalThis.fetch =>
    async (input, init) => {
      const response = await fetch(input, init);
      if (!lost && isPrompt(input)) {
        lost = true;
        return lose(init);
      }
      return response;
    };
}

const dropped = (): Promise<never> => Promise.reject(new TypeError("fetch failed"));
/** Never answers: the client's own timeout ends the request. */
const silent = (init: RequestInit | undefined): Promise<never> =>
  new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true }));

describe("useChat: ambiguous failures without an HTTP status", () => {
  for (const [how, lose, config, type] of [
    ["the connection dropped after the POST went out (fetch threw a TypeError)", dropped, 0, ConnectionError],
    ["the POST timed out after it reached the server (TimeoutError)", silent, 300, TimeoutError],
  ] as const) {
    it(`${how}: not a failure: one lookup by id once the feed is ready, no error shown, one POST, confirmed`, async () => {
      const postErrors: Array<string | undefined> = [];
      const server = chatServer({}, answerLost(lose), {
        ...(config > 0 ? { timeoutMs: config } : {}),
        instrument: (event) => void (event.path.endsWith("/prompt_async") && postErrors.push(event.error)),
      });
      const chat = mountChat(server);
      await feedOpen(server.client);
      await act(() => chat.result.current.send("did it arrive?"));
      await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: did it arrive?", ANSWER]));
      await waitFor(() => expect(chat.result.current.messages[0]?.status).toBe("complete"));
      expect(postErrors).toEqual([type.name]); // the POST's answer really was lost, with no status
      const id = chat.result.current.messages[0]?.id;
      expect(promptBodies(server).map((b) => b.messageID)).toEqual([id]);
      expect(lookups(server, id)).toHaveLength(1);
      expect(chat.history.some((r) => r.messages[0]?.status === "error")).toBe(false);
      expect(chat.history.filter((r) => r.error !== null).map((r) => r.error)).toEqual([]);
      expect(chat.history.some((r) => r.status === "error")).toBe(false);
    });
  }

  it("the lookup waits for the feed: none while /event is held after the connection dropped, then one that confirms", async () => {
    let holdFeed: () => Gate = () => ({ release: () => undefined });
    let gate: Gate | undefined;
    const server = chatServer(
      {},
      answerLost(() => {
        gate = holdFeed(); // the connection is gone: so is the feed, and it cannot come back yet
        return dropped();
      }),
    );
    holdFeed = () => server.fake.server.hold("GET", "/event");
    const chat = mountChat(server);
    await feedOpen(server.client);
    const feeds = server.fake.requests().filter((r) => r.path === "/event").length;
    let sent!: Promise<void>;
    act(() => {
      sent = chat.result.current.send("are you there?");
    });
    const id = chat.result.current.messages[0]?.id;
    // The POST failed and the feed is reconnecting behind the held route.
    await waitFor(() => expect(server.fake.requests().filter((r) => r.path === "/event").length).toBeGreaterThan(feeds));
    await waitFor(() => expect(promptBodies(server)).toHaveLength(1));
    await act(() => sleep(50));
    expect(lookups(server, id)).toHaveLength(0);
    expect(chat.result.current.messages[0]).toMatchObject({ id, status: "pending" });
    expect(chat.result.current.error).toBeNull();
    expect(chat.result.current.status).toBe("connecting"); // not a failure yet
    gate?.release();
    await act(() => sent);
    expect(lookups(server, id)).toHaveLength(1);
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: are you there?", ANSWER]));
    await waitFor(() => expect(chat.result.current.messages[0]?.status).toBe("complete"));
    expect(chat.history.some((r) => r.messages[0]?.status === "error")).toBe(false);
    expect(promptBodies(server)).toHaveLength(1);
  });

  it("a resend of an unconfirmed message the server stored meanwhile looks it up first and posts nothing", async () => {
    let attempts = 0;
    let dropFirst = true;
    const server = chatServer({ scenario: "none" }, (fetch) => async (input, init) => {
      if (!isPrompt(input)) return fetch(input, init);
      attempts += 1;
      if (!dropFirst) return fetch(input, init);
      dropFirst = false;
      throw new TypeError("fetch failed"); // the connection dropped: nobody knows if it arrived
    });
    const chat = mountChat(server);
    await feedOpen(server.client);
    await act(() => chat.result.current.send("stored later"));
    await waitFor(() => expect(chat.result.current.messages[0]?.status).toBe("error"));
    const failed = chat.result.current.messages[0];
    expect(failed?.error).toBeInstanceOf(ConnectionError);
    expect(lookups(server, failed?.id)).toHaveLength(1); // not found then: status unknown
    // The slow path delivers it after all: the server has the message, the feed did not say so.
    server.fake.server.instance().addMessages(server.sessionId, fakeUserMessage(server.sessionId, "stored later", failed?.id));
    await act(() => chat.result.current.resend(failed?.id ?? ""));
    expect(lookups(server, failed?.id)).toHaveLength(2);
    expect(attempts).toBe(1);
    expect(promptBodies(server)).toHaveLength(0);
    expect(chat.result.current.messages[0]).toMatchObject({ id: failed?.id, status: "pending" });
    expect(chat.result.current.error).toBeNull();
  });
});

describe("useChat: subscribe, ready, post", () => {
  it("A5 through useChat: a chat that sends and unmounts while the feed is held (before the POST) still posts, once the feed is ready", async () => {
    const server = chatServer({ scenario: "none" });
    const gate = server.fake.server.hold("GET", "/event");
    function SendOnMount() {
      const { send } = useChat(server.sessionId, { throttleMs: 0 });
      useEffect(() => void send("go").catch(() => undefined), [send]);
      return null;
    }
    const wrap = (children: React.ReactNode) => (
      <OpencodeProvider client={server.client} queryClient={server.queryClient}>
        {children}
      </OpencodeProvider>
    );
    const view = render(wrap(<SendOnMount />));
    await waitFor(() => expect(server.fake.requests().some((r) => r.path === "/event")).toBe(true));
    view.rerender(wrap(null));
    await act(() => sleep(0)); // let the 0 ms dispose timer run
    expect(promptBodies(server)).toHaveLength(0);
    gate.release();
    await waitFor(() => expect(promptBodies(server).map((b) => (b.parts as Array<{ text?: string }>)[0]?.text)).toEqual(["go"]));
    view.unmount();
  });

  it("send makes no POST until the feed is ready (subscribe-then-prompt)", async () => {
    const server = chatServer();
    const gate = server.fake.server.hold("GET", "/event");
    const chat = mountChat(server);
    await waitFor(() => expect(chat.result.current.history.isLoading).toBe(false));
    let sent!: Promise<void>;
    act(() => {
      sent = chat.result.current.send("wait for me");
    });
    await waitFor(() => expect(server.fake.requests().some((r) => r.path === "/event")).toBe(true));
    await act(() => sleep(30));
    expect(promptBodies(server)).toHaveLength(0);
    expect(transcript(chat.result.current.messages)).toEqual(["user: wait for me"]);
    gate.release();
    await act(() => sent);
    expect(promptBodies(server)).toHaveLength(1);
    await waitFor(() => expect(transcript(chat.result.current.messages)).toEqual(["user: wait for me", ANSWER]));
  });

  it("a full prompt (text and file parts, agent, model, variant) reaches the server whole, under the message's id", async () => {
    const server = chatServer();
    const chat = mountChat(server);
    await feedOpen(server.client);
    const file = filePart("/repo/src/app.ts");
    await act(() =>
      chat.result.current.send({ parts: [{ type: "text", text: "Explain this" }, file], agent: "plan", model: "anthropic/claude-sonnet-4", variant: "high" }),
    );
    const [body] = promptBodies(server);
    expect(body).toMatchObject({
      messageID: chat.result.current.messages[0]?.id,
      parts: [
        { type: "text", text: "Explain this" },
        { type: "file", mime: file.mime, url: "file:///repo/src/app.ts", filename: "app.ts" },
      ],
      agent: "plan",
      model: { providerID: "anthropic", modelID: "claude-sonnet-4" },
      variant: "high",
    });
    await waitFor(() => expect(chat.result.current.messages).toHaveLength(2));
  });
});
