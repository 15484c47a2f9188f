/**
 * Render commits while 1,000 text deltas arrive 2 ms apart, counted per component (each counts
 * its own renders): our `useChat` (the streaming message's view, memoised views of 200 past
 * messages, the message list, a chat of another session) beside the AI SDK's `useChat` 4.x
 * (`@ai-sdk/react` 1.2.12, default and `experimental_throttle: 16`) fed the same deltas. (The
 * cost of a delta by history length is the "chat" section's.) Runs React in jsdom, in its own process.
 *
 * Both sides get the SAME delta timeline ({@link playDeltas}: delta i is due at start + i x 2 ms,
 * whatever the work in between) and are counted over the same window: from the first delta to the
 * end of the turn on screen. (Before, each delta waited 2 ms AFTER the previous one was handled,
 * and our window also held the POST, the scripted turn's other paced events and the fake's
 * stored-copy upkeep, so our run lasted ~30 % longer than the AI SDK's and the counts were not
 * comparable.)
 */
import { createElement, memo, Profiler, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { JSDOM } from "jsdom";
import { QueryClient } from "@tanstack/react-query";

const DELTAS = 1_000;
const GAP_MS = 2;

/** Puts a jsdom window on globalThis (React renders into it), once per process. */
export function installDom(): void {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true, url: "http://localhost/" });
  const g = globalThis as Record<string, unknown>;
  for (const key of ["window", "document", "navigator", "HTMLElement", "Node", "MutationObserver", "requestAnimationFrame", "cancelAnimationFrame"]) {
    if (g[key] === undefined) g[key] = (dom.window as unknown as Record<string, unknown>)[key];
  }
  g.IS_REACT_ACT_ENVIRONMENT = false;
}

/**
 * Emits the deltas on a fixed timeline: delta i is due at start + i x GAP_MS. Deltas that fell due
 * while the event loop was busy go out together as soon as it is free (as a network would deliver
 * them), so a slow consumer never stretches the timeline. Resolves after the last one.
 * @example await playDeltas((text) => turn.text(text))
 */
export async function playDeltas(emit: (text: string) => void): Promise<void> {
  const start = performance.now();
  let i = 0;
  while (i < DELTAS) {
    const now = performance.now();
    for (; i < DELTAS && start + i * GAP_MS <= now; i += 1) emit(`w${i} `);
    if (i < DELTAS) await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + i * GAP_MS - performance.now())));
  }
}

const until = async (what: string, done: () => boolean, limitMs = 180_000): Promise<void> => {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > limitMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** The figures of our side. */
export interface OurRenders {
  readonly ms: number;
  readonly streamingView: number;
  readonly pastViews: number;
  readonly list: number;
  readonly otherChat: number;
  readonly reactMsPerDelta: number;
}

async function runOurs(past: number): Promise<OurRenders> {
  const { OpencodeProvider, useChat } = await import("../src/react");
  const { createFakeOpencode, fakeUserMessage, fakeAssistantMessage } = await import("../src/testing");
  // No scripted turn: the bench drives it (fake.turn) on the shared delta timeline.
  const fake = createFakeOpencode({ scenario: "none" });
  const a = fake.addSession({ title: "a" });
  const b = fake.addSession({ title: "b" });
  for (let i = 0; i < past / 2; i += 1) {
    const user = fakeUserMessage(a.id, `question ${i}`);
    fake.server.instance().addMessages(a.id, user, fakeAssistantMessage(a.id, user.info.id, `answer ${i}`));
  }
  const counts = { list: 0, other: 0, rows: new Map<string, number>() };
  let reactMs = 0;
  const Row = memo(function Row({ message }: { message: { id: string; parts: readonly { type: string; text?: string }[] } }) {
    counts.rows.set(message.id, (counts.rows.get(message.id) ?? 0) + 1);
    return createElement("p", null, message.parts.map((p) => p.text ?? "").join(""));
  });
  let chat: ReturnType<typeof useChat> | undefined;
  function List(): ReactNode {
    chat = useChat(a.id, { pageSize: Math.max(50, past + 10) });
    counts.list += 1;
    return chat.messages.map((m) => createElement(Row, { key: m.id, message: m }));
  }
  function Other(): ReactNode {
    const other = useChat(b.id);
    counts.other += 1;
    return createElement("p", null, other.messages.length);
  }
  const root = createRoot(document.createElement("div"));
  const onRender = (_id: string, _phase: string, actual: number) => {
    reactMs += actual;
  };
  // Our own QueryClient, cleared at the end: its 5-minute gc timers would keep the process alive.
  const queryClient = new QueryClient();
  root.render(createElement(OpencodeProvider, { client: fake.client, queryClient }, createElement(Profiler, { id: "chat", onRender }, createElement(List), createElement(Other))));
  await until("the history", () => chat !== undefined && !chat.history.isLoading && fake.client.events.status === "open" && chat.messages.length === past);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const pastIds = chat?.messages.map((m) => m.id) ?? [];
  await chat?.send("go");
  await until("the user's message", () => chat?.messages.length === past + 1);
  const turn = fake.turn(a.id);
  const before = { list: counts.list, other: counts.other, past: pastIds.map((id) => counts.rows.get(id) ?? 0) };
  reactMs = 0;
  const started = performance.now();
  await playDeltas((text) => void turn.text(text));
  turn.finish();
  await until("the end of our turn", () => chat?.status === "idle" && chat.messages.at(-1)?.parts.some((p) => p.type === "text" && p.text.endsWith(`w${DELTAS - 1} `)) === true);
  const ms = performance.now() - started;
  const streamingId = chat?.messages.at(-1)?.id ?? "";
  const result: OurRenders = {
    ms,
    streamingView: counts.rows.get(streamingId) ?? 0,
    pastViews: pastIds.reduce((sum, id, i) => sum + (counts.rows.get(id) ?? 0) - (before.past[i] ?? 0), 0),
    list: counts.list - before.list,
    otherChat: counts.other - before.other,
    reactMsPerDelta: reactMs / DELTAS,
  };
  root.unmount();
  await new Promise((resolve) => setTimeout(resolve, 20));
  fake.close();
  queryClient.clear();
  return result;
}

/** The AI SDK's data stream protocol (4.x): `0:"text"` lines on the shared timeline, then the finish parts; `onFirstDelta` just before the first. */
function aiSdkFetch(onFirstDelta: () => void): typeof fetch {
  return async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode('f:{"messageId":"msg_bench"}\n'));
        onFirstDelta();
        await playDeltas((text) => controller.enqueue(encoder.encode(`0:${JSON.stringify(text)}\n`)));
        controller.enqueue(encoder.encode('e:{"finishReason":"stop","usage":{"promptTokens":1,"completionTokens":1},"isContinued":false}\n'));
        controller.enqueue(encoder.encode('d:{"finishReason":"stop","usage":{"promptTokens":1,"completionTokens":1}}\n'));
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { "content-type": "text/plain; charset=utf-8", "x-vercel-ai-data-stream": "v1" } });
  };
}

async function runAiSdk(throttle: number | undefined): Promise<{ ms: number; renders: number }> {
  const { useChat } = await import("@ai-sdk/react");
  let renders = 0;
  let before = 0;
  let started = 0;
  const fetch = aiSdkFetch(() => {
    before = renders;
    started = performance.now();
  });
  let chat: ReturnType<typeof useChat> | undefined;
  function View(): ReactNode {
    chat = useChat({ api: "http://localhost/api/chat", fetch, experimental_throttle: throttle, id: `bench-${String(throttle)}` });
    renders += 1;
    return createElement("p", null, chat.messages.at(-1)?.content ?? "");
  }
  const root = createRoot(document.createElement("div"));
  root.render(createElement(View));
  await until("the AI SDK hook", () => chat !== undefined);
  await chat?.append({ role: "user", content: "go" });
  await until("the end of the AI SDK stream", () => chat?.status === "ready" && (chat.messages.at(-1)?.content ?? "").endsWith(`w${DELTAS - 1} `));
  const ms = performance.now() - started;
  const result = { ms, renders: renders - before };
  root.unmount();
  return result;
}

/** All figures of the section. */
export interface RenderBench {
  readonly deltas: number;
  readonly gapMs: number;
  readonly ours: OurRenders;
  readonly aiSdkDefault: { ms: number; renders: number };
  readonly aiSdkThrottle16: { ms: number; renders: number };
}

/**
 * Runs the section.
 * @example const figures = await runRenderBench()
 */
export async function runRenderBench(): Promise<RenderBench> {
  installDom();
  const ours = await runOurs(200);
  const aiSdkDefault = await runAiSdk(undefined);
  const aiSdkThrottle16 = await runAiSdk(16);
  return { deltas: DELTAS, gapMs: GAP_MS, ours, aiSdkDefault, aiSdkThrottle16 };
}
