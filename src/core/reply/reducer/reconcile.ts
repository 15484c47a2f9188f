/**
 * The final merge (FX-01..FX-13): when the turn ends, the store fetches the session's messages
 * once and the stored turn replaces the streamed parts. The stored form is authoritative (it has
 * what the stream dropped or never sent), but parts that exist only in the stream (the synthesised
 * todo part) stay where they were, and no text is ever doubled.
 *
 * Alignment: by part id first (ids are stable on real servers), then by position among the parts
 * left over on both sides (the reference aligns by position only, FX-13). Live parts with no
 * stored counterpart are dropped; stored parts with no live counterpart are added in stored order.
 */
import type { Message, Part } from "@opencode-ai/sdk/v2";
import { TODO_TOOLS } from "./parts-tool";
import { PersistentMap } from "./persistent-map";
import { listParts, type ReplyState } from "./state";
import { isStreamOnly } from "./todos";
import type { ReplyMessageInfo, ReplyPart } from "./types";
import { sumStepTotals } from "./usage";
import { partFromWire } from "./wire-parts";
import { isRecord, jsonEqual, str, type Dict } from "./wire";

/**
 * One entry of `GET /session/:id/message`.
 * @example const stored: readonly WireMessage[] = (await client.messages.list(sessionId)).items;
 */
export interface WireMessage {
  readonly info: Message;
  readonly parts: readonly Part[];
}

/** The stored turn: its user message id and assistant messages (one per model step). */
interface StoredTurn {
  readonly userId: string | null;
  readonly assistants: readonly Dict[];
}

const infoOf = (entry: Dict): Dict => entry.info as Dict;

/**
 * The turn's user message is the one the state knows, else the last one; its assistant messages
 * are those whose parentID is it (FX-02 takes everything after the last user message). Undefined
 * when the state's user message is not in the list (a stale or partial list: keep the stream).
 */
function findTurn(state: ReplyState, messages: unknown): StoredTurn | undefined {
  if (!Array.isArray(messages)) return undefined;
  const entries = messages.filter((m): m is Dict => isRecord(m) && isRecord(m.info));
  let userId: string | null = null;
  if (state.userMessageId !== null) {
    const known = entries.some((m) => infoOf(m).role === "user" && infoOf(m).id === state.userMessageId);
    if (!known) return undefined;
    userId = state.userMessageId;
  } else {
    for (const m of entries) if (infoOf(m).role === "user") userId = str(infoOf(m).id) ?? userId;
  }
  // Every user message of the turn (a queued prompt, a compaction's continue message), not only the last.
  const turnUsers = new Set<unknown>(state.turnUserIds);
  if (userId !== null) turnUsers.add(userId);
  const assistants = entries.filter(
    (m) => infoOf(m).role === "assistant" && (userId === null || turnUsers.has(infoOf(m).parentID)),
  );
  return { userId, assistants };
}

/** Equal ignoring `raw` for text and tools (their fields are read from it), else raw too. */
function samePart(a: ReplyPart, b: ReplyPart): boolean {
  if (a === b) return true;
  const { raw: rawA, ...restA } = a;
  const { raw: rawB, ...restB } = b;
  if (!jsonEqual(restA, restB)) return false;
  return a.type === "text" || a.type === "reasoning" || a.type === "tool" || jsonEqual(rawA, rawB);
}

/**
 * A stored text/reasoning part whose text is a string but blank: the server is authoritative. A
 * real 1.18.33 server stores "" for the text part of a failed attempt that it retried (the
 * "midstream" e2e turn): keeping the streamed "Starting then " would show text the server threw
 * away. Only a missing/null text (malformed) keeps the streamed twin (FX-12 diverges).
 */
function blankStoredText(raw: unknown, id: string): ReplyPart | undefined {
  if (!isRecord(raw) || typeof raw.text !== "string") return undefined;
  if (raw.type !== "text" && raw.type !== "reasoning") return undefined;
  return { id, type: raw.type, messageID: str(raw.messageID), text: raw.text };
}

/** Stored parts in live form (see {@link blankStoredText} for blank texts). */
function wireParts(stored: readonly unknown[], liveById: ReadonlyMap<string, ReplyPart>): ReplyPart[] {
  const seen = new Set<string>();
  const out: ReplyPart[] = [];
  for (const raw of stored) {
    const id = isRecord(raw) ? str(raw.id) : undefined;
    if (id === undefined || seen.has(id)) continue;
    const textLike = isRecord(raw) && (raw.type === "text" || raw.type === "reasoning");
    const part = partFromWire(raw) ?? blankStoredText(raw, id) ?? (textLike ? liveById.get(id) : undefined);
    if (part) {
      seen.add(id);
      out.push(part);
    }
  }
  return out;
}

/** The merged part list (see the module comment). */
function mergeParts(
  live: readonly ReplyPart[],
  wire: readonly ReplyPart[],
  liveById: ReadonlyMap<string, ReplyPart>,
): ReplyPart[] {
  const wireIds = new Set(wire.map((p) => p.id));
  const counterpart = new Map<string, ReplyPart>(); // wire id -> live part
  const anchorOf = new Map<string, string>(); // live id -> wire id
  const pairUp = (w: ReplyPart, l: ReplyPart | undefined): void => {
    if (!l) return;
    counterpart.set(w.id, l);
    anchorOf.set(l.id, w.id);
  };
  for (const w of wire) pairUp(w, liveById.get(w.id));
  const leftLive = live.filter((p) => !isStreamOnly(p) && !wireIds.has(p.id));
  wire.filter((w) => !liveById.has(w.id)).forEach((w, i) => pairUp(w, leftLive[i]));
  // A stream-only part follows the stored counterpart of the live part before it (FX-04).
  const after = new Map<string | null, ReplyPart[]>();
  let anchor: string | null = null;
  for (const p of live) {
    if (isStreamOnly(p)) after.set(anchor, [...(after.get(anchor) ?? []), p]);
    else anchor = anchorOf.get(p.id) ?? anchor;
  }
  const out: ReplyPart[] = [...(after.get(null) ?? [])];
  for (const w of wire) {
    const l = counterpart.get(w.id);
    // An unchanged part keeps its object, so selectors on it do not fire.
    out.push(l && samePart(l, w) ? l : w);
    out.push(...(after.get(w.id) ?? []));
  }
  return out;
}

function sameMessages(a: ReplyState["messages"], b: ReplyState["messages"]): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => jsonEqual(a[k], b[k]));
}

/**
 * Reconciles the ended turn with the stored messages (`GET /session/:id/message`). Returns the
 * same state when the list has nothing for the turn (FX-03) or when nothing differs.
 * @example
 * const messages = await client.messages.list(sessionId);
 * store.setState(reconcileTurn(store.getState(), messages.items));
 */
export function reconcileTurn(state: ReplyState, messages: readonly WireMessage[]): ReplyState {
  const turn = findTurn(state, messages);
  if (!turn) return state;
  const stored = turn.assistants.flatMap((m) => (Array.isArray(m.parts) ? (m.parts as unknown[]) : []));
  const live = listParts(state);
  const liveById = new Map(live.filter((p) => !isStreamOnly(p)).map((p) => [p.id, p] as const));
  const wire = wireParts(stored, liveById);
  if (wire.length === 0) return state;
  const merged = mergeParts(live, wire, liveById);
  const unchanged = merged.length === live.length && merged.every((p, i) => p === live[i]);
  const totals = sumStepTotals(stored.filter(isRecord));
  // Only id and role of each info were checked; the rest is the server's word.
  const fetched: Record<string, ReplyMessageInfo> = {};
  for (const m of turn.assistants) {
    const id = str(infoOf(m).id);
    if (id !== undefined) fetched[id] = infoOf(m) as unknown as ReplyMessageInfo;
  }
  const messagesById = sameMessages(state.messages, fetched) ? state.messages : fetched;
  let todoPartId: string | null = null;
  for (const p of merged) if (p.type === "tool" && TODO_TOOLS.has(p.tool)) todoPartId = p.id;
  const next: ReplyState = {
    ...state,
    ...(unchanged
      ? {}
      : { partIds: merged.map((p) => p.id), parts: PersistentMap.from(merged.map((p) => [p.id, p] as const)) }),
    totals: jsonEqual(totals, state.totals) ? state.totals : totals,
    messages: messagesById,
    userMessageId: turn.userId ?? state.userMessageId,
    userMessageIds:
      turn.userId === null || state.userMessageIds[turn.userId]
        ? state.userMessageIds
        : { ...state.userMessageIds, [turn.userId]: true },
    turnUserIds: turn.userId === null || state.turnUserIds.includes(turn.userId) ? state.turnUserIds : [...state.turnUserIds, turn.userId],
    todoPartId,
  };
  const same = (Object.keys(next) as (keyof ReplyState)[]).every((k) => next[k] === state[k]);
  return same ? state : next;
}
