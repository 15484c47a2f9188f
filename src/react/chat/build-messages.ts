/**
 * The chat's message list, pure: the stored history, the outbox (the user's messages not yet
 * confirmed) and the live turn merged into one list ordered by `time.created` then id (OpenCode's
 * ids carry a 48-bit time prefix that wraps, so ids alone do not order). A message that did not
 * change is the previous render's object; the work per call is one pass over the list.
 */
import type { AssistantMessage, Message } from "@opencode-ai/sdk/v2";
import type { MessageWithParts } from "../../core/api";
import { SessionError } from "../../core/errors";
import { ABORT_ERROR_NAME, errorText, type ReplyPart } from "../../core/reply";
import { reuseParts, storedParts } from "./chat-parts";
import { isTurnActive, type LiveTurn } from "./live-turn";
import type { OutboxEntry } from "./outbox";
import type { ChatMessage, ChatMessageStatus } from "./types";

/**
 * What the list is built from.
 * @example buildChatMessages({ history, live, outbox: {} }, new Map())
 */
export interface ChatSources {
  /** The stored history, oldest first. */
  readonly history: readonly MessageWithParts[];
  readonly live: LiveTurn;
  readonly outbox: Readonly<Record<string, OutboxEntry>>;
}

const stepErrors = new WeakMap<object, Error>();

/** The step's failure as a typed error (one object per info, so identity holds). */
function stepError(info: AssistantMessage): Error | undefined {
  const raw = info.error;
  if (raw === undefined || raw.name === ABORT_ERROR_NAME) return undefined;
  let error = stepErrors.get(raw);
  if (error === undefined) {
    error = new SessionError(raw.name, errorText(raw) || raw.name);
    stepErrors.set(raw, error);
  }
  return error;
}

function assistantStatus(info: AssistantMessage, streamingTurn: boolean): ChatMessageStatus {
  if (info.error !== undefined) return info.error.name === ABORT_ERROR_NAME ? "aborted" : "error";
  return info.time.completed === undefined && streamingTurn ? "streaming" : "complete";
}

/** The previous object when nothing shown changed, else a new one (keeping equal parts). */
function message(
  previous: ChatMessage | undefined,
  info: Message,
  parts: readonly ReplyPart[],
  status: ChatMessageStatus,
  error: Error | undefined,
): ChatMessage {
  const kept = reuseParts(parts, previous?.parts);
  if (previous !== undefined && previous.info === info && previous.status === status && previous.error === error && kept === previous.parts) {
    return previous;
  }
  const built: { -readonly [K in keyof ChatMessage]: ChatMessage[K] } = { id: info.id, role: info.role, parts: kept, status, info };
  if (error !== undefined) built.error = error;
  return built;
}

/**
 * Where one message comes from: the stored history, the live turn, the outbox (any may be missing).
 * @example buildChatMessage({ stored, liveParts: undefined, liveInfo: undefined, turnActive: false, entry: undefined }, undefined)
 */
export interface ChatMessageSources {
  readonly stored: MessageWithParts | undefined;
  readonly liveParts: readonly ReplyPart[] | undefined;
  readonly liveInfo: AssistantMessage | undefined;
  /** A turn is in flight. */
  readonly turnActive: boolean;
  readonly entry: OutboxEntry | undefined;
}

/**
 * One chat message from its sources (the stored copy wins for info; the live turn's parts win for
 * an assistant message it streams; the outbox only while the server has not stored the message),
 * or undefined when no source has it. `previous` is returned when nothing changed.
 * @example buildChatMessage(sources, lastRendered)
 */
export function buildChatMessage(sources: ChatMessageSources, previous: ChatMessage | undefined): ChatMessage | undefined {
  const { stored, liveParts, liveInfo, turnActive, entry } = sources;
  const info = stored?.info ?? liveInfo;
  if (info !== undefined && info.role === "assistant") {
    const parts = liveParts ?? (stored === undefined ? [] : storedParts(stored.parts));
    return message(previous, info, parts, assistantStatus(info, turnActive && liveParts !== undefined), stepError(info));
  }
  if (stored !== undefined) {
    // The server announces the message before its parts: the sent parts show until then.
    const parts = stored.parts.length === 0 && entry !== undefined ? entry.message.parts : stored.parts;
    return message(previous, stored.info, storedParts(parts), "complete", undefined);
  }
  if (entry === undefined) return undefined;
  return message(previous, entry.message.info, storedParts(entry.message.parts), entry.state === "failed" ? "error" : "pending", entry.error ?? undefined);
}

function before(a: ChatMessage, b: ChatMessage): boolean {
  const at = a.info.time.created;
  const bt = b.info.time.created;
  return at !== bt ? at < bt : a.id < b.id;
}

/**
 * Builds the list. `previous` holds the last call's messages by id (pass the returned `byId`
 * back next time); unchanged messages are returned as the same objects.
 * @example
 * const { messages, byId } = buildChatMessages(sources, last.byId);
 */
export function buildChatMessages(
  sources: ChatSources,
  previous: ReadonlyMap<string, ChatMessage>,
): { readonly messages: readonly ChatMessage[]; readonly byId: ReadonlyMap<string, ChatMessage> } {
  const { history, live, outbox } = sources;
  const byId = new Map<string, ChatMessage>();
  const messages: ChatMessage[] = [];
  const add = (chat: ChatMessage): void => {
    byId.set(chat.id, chat);
    messages.push(chat);
  };
  const turnActive = isTurnActive(live.status);
  const build = (id: string, stored: MessageWithParts | undefined, entry: OutboxEntry | undefined): void => {
    if (byId.has(id)) return;
    const sources = { stored, liveParts: live.partsByMessage.get(id), liveInfo: live.assistants[id], turnActive, entry };
    const chat = buildChatMessage(sources, previous.get(id));
    if (chat !== undefined) add(chat);
  };
  for (const stored of history) build(stored.info.id, stored, outbox[stored.info.id]);
  for (const entry of Object.values(outbox)) build(entry.id, undefined, entry);
  for (const id of Object.keys(live.assistants)) build(id, undefined, undefined);
  let sorted = true;
  for (let i = 1; i < messages.length && sorted; i += 1) sorted = before(messages[i - 1] as ChatMessage, messages[i] as ChatMessage);
  if (!sorted) messages.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return { messages, byId };
}
