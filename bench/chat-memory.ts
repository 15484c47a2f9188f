/**
 * Memory held by a chat: the heap (after a full GC) a mounted `useChat` holds, against the pages
 * it loaded: a 2,000-message session opened (one page of 50 loaded) beside a 50-message one, then
 * with 10 and all 40 pages loaded, after a 1,000-delta turn, and once closed. The component renders
 * the message count only, so the figures are the chat's (history cache, chat model, reply store),
 * not an app's DOM. The QueryClient uses `gcTime: 0` so a closed chat's pages go at once (with
 * TanStack's default, 5 minutes, they stay cached that long, by design).
 */
import { createElement, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { getHeapSpaceStatistics } from "node:v8";
import { gc } from "./timing";

/** Heap in use after a full GC, code space left out (compiled code is not data a chat holds). */
function dataHeap(): number {
  gc();
  return getHeapSpaceStatistics()
    .filter((space) => space.space_name !== "code_space" && space.space_name !== "code_large_object_space")
    .reduce((sum, space) => sum + space.space_used_size, 0);
}

const until = async (what: string, done: () => boolean, limitMs = 300_000): Promise<void> => {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > limitMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
const settle = (ms = 100): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Heap above the baseline (a mounted app with no chat), bytes, at each step. */
export interface ChatMemory {
  readonly pageSize: number;
  readonly smallOpen: number;
  readonly bigOpen: number;
  readonly big10Pages: number;
  readonly bigAllPages: number;
  readonly afterTurn: number;
  readonly turnTextBytes: number;
  readonly closed: number;
  readonly closedAgain: number;
  readonly loadedAll: number;
}

const ANSWER = "Streaming tokens arrive in small pieces, and the history keeps every answer. ".repeat(3);

/**
 * Runs the memory measurements (needs --expose-gc).
 * @example const figures = await runChatMemory()
 */
export async function runChatMemory(): Promise<ChatMemory> {
  const { OpencodeProvider, useChat } = await import("../src/react");
  const { QueryClient } = await import("@tanstack/react-query");
  const { createFakeOpencode, createTurnController, fakeUserMessage, fakeAssistantMessage } = await import("../src/testing");
  const fake = createFakeOpencode({ scenario: "none" });
  const instance = fake.server.instance();
  const seed = (title: string, count: number): string => {
    const session = fake.addSession({ title });
    for (let i = 0; i < count / 2; i += 1) {
      const user = fakeUserMessage(session.id, `question ${i}: what happened next?`);
      instance.addMessages(session.id, user, fakeAssistantMessage(session.id, user.info.id, `${i} ${ANSWER}`));
    }
    return session.id;
  };
  const warm = seed("warm-up", 300);
  const small = seed("small", 50);
  const big = seed("big", 2_000);
  const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 } } });
  let chat: ReturnType<typeof useChat> | undefined;
  let open: ((id: string | undefined) => void) | undefined;
  function Chat({ sessionId }: { sessionId: string }): ReactNode {
    chat = useChat(sessionId);
    return createElement("p", null, chat.messages.length);
  }
  function App(): ReactNode {
    const [sessionId, setSessionId] = useState<string | undefined>(undefined);
    open = setSessionId;
    return sessionId === undefined ? null : createElement(Chat, { key: sessionId, sessionId });
  }
  const root = createRoot(document.createElement("div"));
  root.render(createElement(OpencodeProvider, { client: fake.client, queryClient }, createElement(App)));
  await until("the app", () => open !== undefined);
  const show = async (id: string | undefined, count: number): Promise<void> => {
    chat = undefined;
    flushSync(() => open?.(id));
    if (id !== undefined) await until(`${count} messages`, () => chat !== undefined && !chat.history.isLoading && chat.messages.length === count);
    await settle();
  };
  const stream = async (sessionId: string, deltas: number): Promise<number> => {
    const user = fakeUserMessage(sessionId, "go");
    instance.addMessages(sessionId, user);
    instance.feed.emit({ type: "message.updated", properties: { sessionID: sessionId, info: user.info } });
    const turn = createTurnController(sessionId, user.info.id, (event) => instance.feed.emit(event));
    let text = "";
    for (let i = 0; i < deltas; i += 1) {
      const delta = `w${i} `;
      text += delta;
      turn.text(delta);
      if (i % 50 === 49) await settle(2);
    }
    const end = `w${deltas - 1} `;
    await until("the turn on screen", () => chat?.messages.at(-1)?.parts.some((p) => p.type === "text" && p.text.endsWith(end)) === true);
    await settle();
    return text.length;
  };
  const loadPages = async (pages: number): Promise<void> => {
    while (chat !== undefined && chat.history.hasOlder && chat.messages.length < pages * 50) {
      await chat.history.loadOlder();
      await until("an older page", () => chat?.history.isLoadingOlder === false);
    }
    await settle();
  };
  // Warm-up (the same paths once, so the JIT's first compilations are not counted), then the
  // baseline: the feed open, no chat.
  await show(warm, 50);
  await loadPages(6);
  await stream(warm, 200);
  await show(small, 50);
  await show(undefined, 0);
  const base = dataHeap();
  const above = (): number => dataHeap() - base;

  await show(small, 50);
  const smallOpen = above();
  await show(big, 50);
  const bigOpen = above();
  await loadPages(10);
  const big10Pages = above();
  await loadPages(40);
  const bigAllPages = above();
  const loadedAll = chat?.messages.length ?? 0;

  const turnTextBytes = await stream(big, 1_000);
  const afterTurn = above();
  await show(undefined, 0);
  await settle(200);
  const closed = above();
  // React keeps the last unmounted tree's fibers until its next commit: one more commit, then again.
  await show(small, 50);
  await show(undefined, 0);
  await settle(200);
  const closedAgain = above();
  root.unmount();
  fake.close();
  return { pageSize: 50, smallOpen, bigOpen, big10Pages, bigAllPages, afterTurn, turnTextBytes, closed, closedAgain, loadedAll };
}
