/**
 * The reply state: everything one turn of one session has streamed so far. Immutable: every
 * change makes a new state object that shares whatever did not change, so a selector on one
 * part keeps its identity while another part grows.
 */
import type { SessionError } from "../../errors";
import { PersistentMap } from "./persistent-map";
import { copyState } from "./state-copy";
import type {
  PendingPermission,
  PendingQuestion,
  QuestionLink,
  ReplyMessageInfo,
  ReplyPart,
  ReplySessionStatus,
  ResolvedPrompt,
  Todo,
  Totals,
  TurnEndedBy,
  TurnPhase,
} from "./types";

/**
 * State of one streaming reply (one turn of one session), folded from `/event` by {@link reduce}.
 * @example
 * const state = initialReplyState("ses_1");
 * state.partIds.map((id) => getPart(state, id));
 */
export interface ReplyState {
  /** The session the reply belongs to; events of other sessions are ignored. */
  readonly sessionId: string;
  /** Part ids in first-appearance order. A new array only when a part is added or removed. */
  readonly partIds: readonly string[];
  /** Parts by id; a part object is replaced only when that part changes. */
  readonly parts: PersistentMap<ReplyPart>;
  /** Part type announced by a blank snapshot before any delta (TXT-04, TXT-17). */
  readonly typeMemo: PersistentMap<"text" | "reasoning">;
  /** Cost and tokens summed over the turn's step-finish parts. */
  readonly totals: Totals;
  /** Latest info of each assistant message of the turn (one per model step), by message id. */
  readonly messages: Readonly<Record<string, ReplyMessageInfo>>;
  /** The user message of the turn (the latest one seen); its parts are not part of the reply. */
  readonly userMessageId: string | null;
  /** Every user message id seen, so their part events are skipped. */
  readonly userMessageIds: Readonly<Record<string, true>>;
  /**
   * The user messages of this turn, in order: usually one, more when a prompt is queued mid-turn
   * (another tab) or auto-compaction adds its continue message. The final merge keeps the
   * assistant messages of every one of them.
   */
  readonly turnUserIds: readonly string[];
  /** Child sessions (subagents of the task tool): their questions and permissions are this turn's. */
  readonly children: Readonly<Record<string, true>>;
  /**
   * Characters of a part's text that a mid-turn fetch took from the server ahead of the stream:
   * the deltas still to come for them are skipped, so a streamed text stays a prefix of the stored one.
   */
  readonly ahead: Readonly<Record<string, number>>;
  /** Latest `session.status`. */
  readonly status: ReplySessionStatus;
  /** Turn phase; moves to "done" once per turn even though the server sends two idle events. */
  readonly turn: TurnPhase;
  /** How many times a turn ended; a store reacts when this number changes. */
  readonly turnsEnded: number;
  /** The event that ended the latest turn. */
  readonly endedBy: TurnEndedBy | null;
  /** Latest `session.error` that was a failure (an abort is not). */
  readonly error: SessionError | null;
  /** True once the server reported `MessageAbortedError`. */
  readonly aborted: boolean;
  /** Latest todo list (`todo.updated`), canonical. */
  readonly todos: readonly Todo[];
  /** The tool part `todo.updated` refreshes: the latest todowrite/todoread part (TODO-05). */
  readonly todoPartId: string | null;
  /** Pending questions by request id, in asking order. */
  readonly questions: Readonly<Record<string, PendingQuestion>>;
  /** Pending permission requests by request id, in asking order. */
  readonly permissions: Readonly<Record<string, PendingPermission>>;
  /** Question payloads that arrived before their tool part, by "messageID:callID". */
  readonly parkedQuestions: Readonly<Record<string, QuestionLink>>;
  /** Latest question or permission resolution. */
  readonly lastResolved: ResolvedPrompt | null;
  /** True after the first non-empty text delta of a text part (TXT-10). */
  readonly firstTextSeen: boolean;
}

/**
 * Zero cost and tokens.
 * @example state.totals === ZERO_TOTALS // nothing counted yet
 */
export const ZERO_TOTALS: Totals = Object.freeze({
  cost: 0,
  tokens: Object.freeze({ input: 0, output: 0, reasoning: 0, cache: Object.freeze({ read: 0, write: 0 }) }),
});

/** No text ahead of the stream (one shared object, so the delta path checks identity only). */
export const NO_AHEAD: Readonly<Record<string, number>> = Object.freeze({});

/**
 * The state of a reply before any event.
 * @example const state = initialReplyState("ses_1"); // state.turn === "idle"
 */
export function initialReplyState(sessionId: string): ReplyState {
  return {
    sessionId,
    partIds: [],
    parts: PersistentMap.empty(),
    typeMemo: PersistentMap.empty(),
    totals: ZERO_TOTALS,
    messages: {},
    userMessageId: null,
    userMessageIds: {},
    turnUserIds: [],
    children: {},
    ahead: NO_AHEAD,
    status: { type: "idle" },
    turn: "idle",
    turnsEnded: 0,
    endedBy: null,
    error: null,
    aborted: false,
    todos: [],
    todoPartId: null,
    questions: {},
    permissions: {},
    parkedQuestions: {},
    lastResolved: null,
    firstTextSeen: false,
  };
}

/**
 * The part with this id, or undefined.
 * @example const part = getPart(state, "prt_1"); if (part?.type === "text") render(part.text);
 */
export function getPart(state: ReplyState, id: string): ReplyPart | undefined {
  return state.parts.get(id);
}

// Keyed by the parts table: `partIds` and `parts` always change together, so a state that only
// changed its status or todos returns the same list.
const listCache = new WeakMap<PersistentMap<ReplyPart>, readonly ReplyPart[]>();

/**
 * Every part in emission order. Cached while the parts do not change, so a selector returns the
 * same array until a part changes (safe for `useSyncExternalStore`, no needless re-render).
 * @example const parts = listParts(store.getState());
 */
export function listParts(state: ReplyState): readonly ReplyPart[] {
  let list = listCache.get(state.parts);
  if (!list) {
    const parts: ReplyPart[] = [];
    for (const id of state.partIds) {
      const part = state.parts.get(id);
      if (part !== undefined) parts.push(part);
    }
    list = parts;
    listCache.set(state.parts, list);
  }
  return list;
}

/**
 * True while a question or permission waits for the user (the turn deadline is suspended).
 * @example if (isAwaitingInput(state)) showPrompt();
 */
export function isAwaitingInput(state: ReplyState): boolean {
  for (const _ in state.questions) return true;
  for (const _ in state.permissions) return true;
  return false;
}

/** `state` with `part` stored under its id (appended to the order when new). */
export function withPart(state: ReplyState, part: ReplyPart): ReplyState {
  const parts = state.parts.set(part.id, part);
  if (parts === state.parts) return state;
  const next = copyState(state);
  next.parts = parts;
  if (parts.size !== state.parts.size) next.partIds = [...state.partIds, part.id];
  return next;
}

/** `state` without the parts matching `drop` (the same state when none match). */
export function withoutParts(state: ReplyState, drop: (part: ReplyPart) => boolean): ReplyState {
  const kept = listParts(state).filter((part) => !drop(part));
  if (kept.length === state.partIds.length) return state;
  return {
    ...state,
    partIds: kept.map((part) => part.id),
    parts: PersistentMap.from(kept.map((part) => [part.id, part] as const)),
  };
}
