/** Mounting useChat on the public fake server (scripted turns), with helpers the chat suites share. */
import { act, waitFor } from "@testing-library/react";
import { afterEach, expect } from "vitest";
import { createOpencodeClient } from "../../src/core/client";
import type { OpencodeClientConfig } from "../../src/core/config";
import type { ChatMessage, UseChatOptions } from "../../src/react/chat";
import { useChat } from "../../src/react/chat";
import { useQuestions } from "../../src/react/stream";
import { createFakeOpencode, type FakeOpencodeOptions } from "../../src/testing";
import { feedOpen, renderOpencodeHook, testQueryClient } from "./render-opencode";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * A scripted fake with one session; `fetch` may wrap the fake's (to fail a request after it went
 * out); `config` adds client settings (e.g. a short `timeoutMs`).
 */
export function chatServer(
  options: FakeOpencodeOptions = {},
  wrap?: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch,
  config: Omit<OpencodeClientConfig, "baseUrl" | "fetch"> = {},
) {
  const fake = createFakeOpencode({ scenario: "hello", ...options });
  const session = fake.addSession();
  const fetch = wrap === undefined ? fake.fetch : wrap(fake.fetch);
  const client = createOpencodeClient({ baseUrl: fake.baseUrl, fetch, events: { backoffInitialMs: 2, backoffMaxMs: 10 }, ...config });
  const queryClient = testQueryClient();
  cleanups.push(() => fake.close());
  return { fake, session, sessionId: session.id, client, queryClient };
}

/** Renders useChat(sessionId); unmounted after the test. */
export function mountChat(server: ReturnType<typeof chatServer>, options: UseChatOptions = { throttleMs: 0 }) {
  const hook = renderOpencodeHook(() => useChat(server.sessionId, options), server);
  cleanups.push(hook.unmount);
  return hook;
}

/**
 * useChat beside useQuestions on the "question" scenario, after `send` made the model ask: the
 * mounted pair (with its render history) and the pending question's id.
 */
export async function askedQuestion() {
  const server = chatServer({ scenario: "question" });
  const both = renderOpencodeHook(() => ({ chat: useChat(server.sessionId, { throttleMs: 0 }), listed: useQuestions(server.sessionId) }), server);
  await feedOpen(server.client);
  await act(() => both.result.current.chat.send("ask me"));
  await waitFor(() => expect(both.result.current.chat.questions).toHaveLength(1));
  return { server, both, id: both.result.current.chat.questions[0]?.id ?? "" };
}

/** The visible text of a message (its text parts, synthetic ones left out). */
export function textOf(message: ChatMessage | undefined): string {
  return (message?.parts ?? [])
    .flatMap((part) => (part.type === "text" && part.raw?.synthetic !== true ? [part.text] : []))
    .join("");
}

/** role: text of every message, for readable assertions. */
export function transcript(messages: readonly ChatMessage[]): string[] {
  return messages.map((m) => `${m.role}: ${textOf(m)}`);
}

/** The prompt_async POST bodies the fake received. */
export function promptBodies(server: ReturnType<typeof chatServer>): Array<Record<string, unknown>> {
  return server.fake.requests().filter((r) => r.path.endsWith("/prompt_async")).map((r) => r.body as Record<string, unknown>);
}

/** The GETs of one message by id (the lookups that confirm an ambiguous failure). */
export function lookups(server: ReturnType<typeof chatServer>, messageId: string | undefined) {
  return server.fake.requests().filter((r) => r.method === "GET" && r.path === `/session/${server.sessionId}/message/${messageId}`);
}

/** The URL a fetch was called with. */
export function urlOf(input: RequestInfo | URL): string {
  return input instanceof Request ? input.url : String(input);
}
