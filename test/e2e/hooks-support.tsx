/**
 * Shared pieces of the hooks e2e files (test/e2e/hooks-*.test.tsx): a "chat panel" hook that
 * renders what a chat component would (useStream plus the requests, status and todo hooks) and
 * records every render, helpers to run and answer a turn through it, and the server's own view of
 * the turn (GET /session/:id/message) in the same shape, for comparison.
 * Not a test file (vitest only collects *.test.tsx).
 */
import { waitFor } from "@testing-library/react";
import { expect } from "vitest";
import {
  createOpencodeClient,
  useQuestions,
  usePermissions,
  useReply,
  useSessionStatusOf,
  useStream,
  useTodos,
  type DistilledReply,
  type MessageWithParts,
  type OpencodeClient,
  type OpencodeClientConfig,
  type PermissionReply,
  type ReplyFinishInfo,
  type UsePermissionsResult,
  type UseQuestionsResult,
  type UseStreamOptions,
  type UseStreamResult,
} from "../../src";
import { renderOpencodeHook, testQueryClient, type RecordedHook } from "../support/render-opencode";

// A real server pushes updates at any moment, as in a browser. Inside act() React would hold
// every render until the scope ends and hide the very transitions these tests record, so the act
// environment stays off (RTL's render and waitFor switch it on/off around their own calls).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

/** Generous: two busy cores, and a server's first turn loads its plugins (seconds). */
export const WAIT = { timeout: 20_000, interval: 25 } as const;

/** A client of the real server (or of a proxy in front of it) that reconnects quickly. */
export function e2eClient(baseUrl: string, config: OpencodeClientConfig = {}): OpencodeClient {
  return createOpencodeClient({ baseUrl, events: { backoffInitialMs: 50, backoffMaxMs: 500 }, ...config });
}

/** Logs how long a file took, parseable like the harness's OPENCODE_HARNESS_STARTUP_MS line. */
export function fileTimer(name: string): () => void {
  const started = performance.now();
  return () => console.info(`OPENCODE_HOOKS_E2E_FILE_MS=${Math.round(performance.now() - started)} ${name}`);
}

const unmounts: Array<() => void> = [];
/** Unmounts everything rendered by the helpers below (vitest has no RTL auto-cleanup here). */
export function unmountAll(): void {
  for (const unmount of unmounts.splice(0)) unmount();
}

/** Renders a hook in its own provider (fresh QueryClient) and unmounts it in `unmountAll`. */
export function renderLive<T>(client: OpencodeClient, hook: () => T): RecordedHook<T, undefined> {
  const rendered = renderOpencodeHook(hook, { client, queryClient: testQueryClient() });
  unmounts.push(rendered.unmount);
  return rendered;
}

/** What the chat panel shows in one render. */
export interface PanelView {
  stream: UseStreamResult;
  /** The server's session status as the reply store saw it (`session.status`). */
  storeSessionStatus: string;
  /** The same through the live status map (`useSessionStatusOf`). */
  mapSessionStatus: string;
  aborted: boolean;
  questions: UseQuestionsResult;
  permissions: UsePermissionsResult;
  todos: readonly { content: string; status: string }[] | undefined;
}

/** A rendered panel plus every turn's `onFinish`. */
export interface Panel extends RecordedHook<PanelView, undefined> {
  readonly sessionId: string;
  readonly finishes: { result: DistilledReply; info: ReplyFinishInfo }[];
}

/** Renders the panel of one session; `options` go to its useStream (onFinish is the panel's). */
export function renderPanel(client: OpencodeClient, sessionId: string, options: UseStreamOptions = {}): Panel {
  const finishes: Panel["finishes"] = [];
  const rendered = renderLive(client, () => ({
    stream: useStream(sessionId, { ...options, onFinish: (result, info) => finishes.push({ result, info }) }),
    storeSessionStatus: useReply(sessionId, (s) => s.sessionStatus.type),
    mapSessionStatus: useSessionStatusOf(sessionId).type,
    aborted: useReply(sessionId, (s) => s.aborted),
    questions: useQuestions(sessionId),
    permissions: usePermissions(sessionId),
    todos: useTodos(sessionId).data,
  }));
  return Object.assign(rendered, { sessionId, finishes });
}

/** Consecutive duplicates removed: the statuses a user saw, in order. */
export function transitions<T>(values: readonly T[]): T[] {
  return values.filter((value, i) => i === 0 || value !== values[i - 1]);
}

/** True when `wanted` appears in `seen` in this order (other values may come in between). */
export function inOrder<T>(seen: readonly T[], wanted: readonly T[]): boolean {
  let next = 0;
  for (const value of seen) if (value === wanted[next]) next += 1;
  return next === wanted.length;
}

/** One finished turn as the panel went through it. */
export interface PanelTurn {
  finish: { result: DistilledReply; info: ReplyFinishInfo };
  /** Turn statuses rendered from just before the send to the end (deduplicated). */
  statuses: string[];
  /** Every render of the turn. */
  renders: PanelView[];
}

/**
 * Sends `text` through the panel's useStream, lets `during` answer what the turn asks, and waits
 * for the turn's onFinish (reconciled with the stored messages) and a settled status.
 */
export async function runPanelTurn(panel: Panel, text: string, during?: (panel: Panel) => Promise<void>): Promise<PanelTurn> {
  const finished = panel.finishes.length;
  const from = Math.max(0, panel.history.length - 1);
  await panel.result.current.stream.send(text);
  await during?.(panel);
  await waitFor(() => expect(panel.finishes.length).toBeGreaterThan(finished), WAIT);
  await waitFor(() => expect(["idle", "error"]).toContain(panel.result.current.stream.status), WAIT);
  const renders = panel.history.slice(from);
  return { finish: panel.finishes[finished]!, statuses: transitions(renders.map((r) => r.stream.status)), renders };
}

/** Waits for the session's first pending permission request and answers it. */
export async function answerPermission(panel: Panel, reply: PermissionReply, message?: string): Promise<void> {
  const request = await waitFor(() => {
    const first = panel.result.current.permissions.permissions[0];
    expect(first).toBeDefined();
    return first!;
  }, WAIT);
  // What the user saw while deciding: the turn waits for them.
  expect(panel.result.current.stream.status).toBe("awaiting-input");
  await panel.result.current.permissions.reply(request.id, reply, message);
}

/** A turn reduced to what a chat shows: text, reasoning and the finished tool calls. */
export interface TurnView {
  text: string;
  reasoning: string;
  tools: { tool: string; status: string; output?: string; error?: string }[];
}

/** The reply store shortens tool errors to 200 characters (197 + "...", documented on ReplyToolPart.error). */
const short = (text: string): string => (text.length > 200 ? `${text.slice(0, 197)}...` : text);

/** What the hook shows for its latest turn. */
export function hookView(stream: UseStreamResult): TurnView {
  return {
    text: stream.text,
    reasoning: stream.reasoning,
    tools: stream.toolParts.map((t) => ({ tool: t.tool, status: t.status, output: t.output, error: t.error })),
  };
}

/** The last turn as stored on the server: the assistant messages answering the last user message. */
export function storedView(items: readonly MessageWithParts[]): TurnView {
  const lastUser = items.filter((m) => m.info.role === "user").at(-1);
  const parts = items
    .filter((m) => m.info.role === "assistant" && m.info.parentID === lastUser?.info.id)
    .flatMap((m) => m.parts);
  const joined = (type: "text" | "reasoning"): string =>
    parts.flatMap((p) => (p.type === type && p.text !== "" ? [p.text] : [])).join("\n\n");
  return {
    text: joined("text"),
    reasoning: joined("reasoning"),
    tools: parts.flatMap((p) => {
      if (p.type !== "tool") return [];
      const { state } = p;
      return [
        {
          tool: p.tool,
          status: state.status,
          output: state.status === "completed" ? state.output : undefined,
          error: state.status === "error" ? short(state.error) : undefined,
        },
      ];
    }),
  };
}

/** The server's view of the session's last turn. */
export async function serverView(client: OpencodeClient, sessionId: string): Promise<TurnView> {
  return storedView((await client.messages.list(sessionId)).items);
}

/** The assistant messages the server stored for the session's last turn. */
export async function assistantCount(client: OpencodeClient, sessionId: string): Promise<number> {
  const { items } = await client.messages.list(sessionId);
  const lastUser = items.filter((m) => m.info.role === "user").at(-1);
  return items.filter((m) => m.info.role === "assistant" && m.info.parentID === lastUser?.info.id).length;
}
