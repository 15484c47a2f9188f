/**
 * Long chats: the cost of one delta with 0, 500 and 2,000 past messages loaded (all pages, 50 a
 * page), for the two ways to render a chat: the simple list (`useChat().messages.map` to memoised
 * rows: the list re-renders once per frame and React walks every row element) and the big-screen
 * list (`useChatMessageIds` + rows reading `useChatMessage`: only the streaming row re-renders).
 * Per delta: the CPU time of the whole process (feed, reply store, history cache, chat model,
 * React, jsdom) while 1,000 deltas arrive 2 ms apart, and React's render time (Profiler). The
 * fake server emits the turn straight into its feed (not into its own stored copy, whose upkeep
 * is O(history) per delta and is not ours to measure).
 */
import { createElement, memo, Profiler, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient } from "@tanstack/react-query";

const DELTAS = 1_000;
const GAP_MS = 2;
const BLOCK = 50;

const until = async (what: string, done: () => boolean, limitMs = 300_000): Promise<void> => {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > limitMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** How the chat is rendered. */
export type ChatPattern = "messages" | "ids";

/** The figures of one run. */
export interface ChatDeltaCost {
  readonly past: number;
  readonly pattern: ChatPattern;
  /** Process CPU time (user + system) per delta, µs. */
  readonly cpuUsPerDelta: number;
  /** React render time (Profiler actualDuration) per delta, µs. */
  readonly reactUsPerDelta: number;
  readonly listCommits: number;
  readonly pastRowCommits: number;
  readonly streamingRowCommits: number;
  readonly ms: number;
}

type Message = { readonly id: string; readonly parts: readonly { readonly type: string; readonly text?: string }[] };
const textOf = (message: Message | undefined): string => message?.parts.map((p) => p.text ?? "").join("") ?? "";

/** `ids` in blocks of {@link BLOCK}, each the previous block's array when its ids are the same. */
function chunk(ids: readonly string[], previous: readonly (readonly string[])[]): (readonly string[])[] {
  const blocks: (readonly string[])[] = [];
  for (let start = 0, n = 0; start < ids.length; start += BLOCK, n += 1) {
    const next = ids.slice(start, start + BLOCK);
    const old = previous[n];
    blocks.push(old !== undefined && old.length === next.length && old.every((id, i) => id === next[i]) ? old : next);
  }
  return blocks;
}

/**
 * One run: a fresh fake server, `past` stored messages all loaded, then one streamed turn.
 * @example await runChatDelta(500, "ids")
 */
export async function runChatDelta(past: number, pattern: ChatPattern): Promise<ChatDeltaCost> {
  const { OpencodeProvider, useChat, useChatMessage, useChatMessageIds } = await import("../src/react");
  const { createFakeOpencode, createTurnController, fakeUserMessage, fakeAssistantMessage } = await import("../src/testing");
  const fake = createFakeOpencode({ scenario: "none" });
  const session = fake.addSession({ title: "long" });
  const instance = fake.server.instance();
  for (let i = 0; i < past / 2; i += 1) {
    const user = fakeUserMessage(session.id, `question ${i}`);
    instance.addMessages(session.id, user, fakeAssistantMessage(session.id, user.info.id, `answer ${i}`));
  }
  const counts = { list: 0, rows: new Map<string, number>() };
  const texts = new Map<string, string>();
  const seen = (id: string, message: Message | undefined): void => {
    counts.rows.set(id, (counts.rows.get(id) ?? 0) + 1);
    texts.set(id, textOf(message));
  };
  const Row = memo(function Row({ message }: { message: Message }) {
    seen(message.id, message);
    return createElement("p", null, textOf(message));
  });
  const SelfRow = memo(function SelfRow({ id }: { id: string }) {
    const message = useChatMessage(session.id, id);
    seen(id, message);
    return createElement("p", null, textOf(message));
  });
  let chat: ReturnType<typeof useChat> | undefined;
  let ids: readonly string[] = [];
  function MessagesList(): ReactNode {
    chat = useChat(session.id);
    counts.list += 1;
    ids = chat.messages.map((m) => m.id);
    return chat.messages.map((m) => createElement(Row, { key: m.id, message: m }));
  }
  function Controls(): ReactNode {
    chat = useChat(session.id);
    return createElement("p", null, chat.status);
  }
  // The big-screen recipe: rows grouped in memoised blocks of 50 whose id arrays keep their
  // identity while unchanged, so a row's update walks its block and the blocks, not every row.
  const Block = memo(function Block({ ids: blockIds }: { ids: readonly string[] }) {
    return blockIds.map((id) => createElement(SelfRow, { key: id, id }));
  });
  let blocks: (readonly string[])[] = [];
  function IdsList(): ReactNode {
    ids = useChatMessageIds(session.id);
    counts.list += 1;
    blocks = chunk(ids, blocks);
    return blocks.map((blockIds) => createElement(Block, { key: blockIds[0], ids: blockIds }));
  }
  let reactMs = 0;
  const onRender = (_id: string, _phase: string, actual: number): void => {
    reactMs += actual;
  };
  const tree = pattern === "messages" ? [createElement(MessagesList, { key: "l" })] : [createElement(Controls, { key: "c" }), createElement(IdsList, { key: "l" })];
  const root = createRoot(document.createElement("div"));
  // Our own QueryClient, cleared at the end: its 5-minute gc timers would keep the process alive.
  const queryClient = new QueryClient();
  root.render(createElement(OpencodeProvider, { client: fake.client, queryClient }, createElement(Profiler, { id: "chat", onRender }, ...tree)));
  await until("the first page", () => chat !== undefined && !chat.history.isLoading && fake.client.events.status === "open");
  while (chat?.history.hasOlder === true) {
    await chat.history.loadOlder();
    await until("an older page", () => chat?.history.isLoadingOlder === false);
  }
  await until("the whole history", () => ids.length === past);
  await new Promise((resolve) => setTimeout(resolve, 200));

  const user = fakeUserMessage(session.id, "go");
  instance.addMessages(session.id, user);
  instance.feed.emit({ type: "message.updated", properties: { sessionID: session.id, info: user.info } });
  for (const part of user.parts) instance.feed.emit({ type: "message.part.updated", properties: { sessionID: session.id, part } });
  const turn = createTurnController(session.id, user.info.id, (event) => instance.feed.emit(event));
  const pastIds = [...ids];
  const before = { list: counts.list, past: pastIds.map((id) => counts.rows.get(id) ?? 0) };
  reactMs = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < DELTAS; i += 1) {
    turn.text(`w${i} `);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  const last = `w${DELTAS - 1} `;
  await until("the last delta on screen", () => (texts.get(turn.messageId) ?? "").endsWith(last));
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  const result: ChatDeltaCost = {
    past,
    pattern,
    cpuUsPerDelta: (used.user + used.system) / DELTAS,
    reactUsPerDelta: (reactMs * 1000) / DELTAS,
    listCommits: counts.list - before.list,
    pastRowCommits: pastIds.reduce((sum, id, i) => sum + (counts.rows.get(id) ?? 0) - (before.past[i] ?? 0), 0),
    streamingRowCommits: counts.rows.get(turn.messageId) ?? 0,
    ms,
  };
  root.unmount();
  await new Promise((resolve) => setTimeout(resolve, 20));
  fake.close();
  queryClient.clear();
  return result;
}
