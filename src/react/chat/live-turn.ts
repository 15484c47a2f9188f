/**
 * The ONE place that reads the reply store for the chat hooks: everything `useChat` and
 * `useChatMessage` need from the session's in-flight turn, as a flat view whose fields keep their
 * identity until they change (for `useShallow`). When the reply store's state changes shape, only
 * this module changes.
 */
import type { AssistantMessage } from "@opencode-ai/sdk/v2";
import type { StoreApi } from "zustand/vanilla";
import type { PromptInput } from "../../core/api";
import {
  type ReplyPart,
  type ReplySessionStatus,
  type ReplyStatus,
  type ReplyStoreState,
  type ReplyWatchdog,
  type Todo,
  type Totals,
} from "../../core/reply";

/**
 * The live turn as the chat sees it.
 * @example const live: LiveTurn = selectLiveTurn(store.getState())
 */
export interface LiveTurn {
  readonly status: ReplyStatus;
  readonly error: Error | null;
  readonly sessionStatus: ReplySessionStatus;
  readonly watchdog: ReplyWatchdog;
  readonly todos: readonly Todo[];
  readonly totals: Totals;
  readonly aborted: boolean;
  /** Assistant message infos of the turn, by id. */
  readonly assistants: Readonly<Record<string, AssistantMessage>>;
  /** The turn's parts grouped by their message, in emission order. */
  readonly partsByMessage: ReadonlyMap<string, readonly ReplyPart[]>;
}

const TURN_ACTIVE: ReadonlySet<ReplyStatus> = new Set<ReplyStatus>(["connecting", "submitted", "streaming", "awaiting-input", "stalled", "wedged"]);

/**
 * True while a turn is in flight.
 * @example if (isTurnActive(chat.status)) showStop();
 */
export function isTurnActive(status: ReplyStatus): boolean {
  return TURN_ACTIVE.has(status);
}

const groupCache = new WeakMap<readonly ReplyPart[], ReadonlyMap<string, readonly ReplyPart[]>>();

/** Parts by message id; a part without one goes with the message before it. */
function groupByMessage(parts: readonly ReplyPart[]): ReadonlyMap<string, readonly ReplyPart[]> {
  let groups = groupCache.get(parts);
  if (groups !== undefined) return groups;
  const built = new Map<string, ReplyPart[]>();
  let last: string | undefined;
  for (const part of parts) {
    const messageId = part.messageID ?? last;
    if (messageId === undefined) continue;
    last = messageId;
    let list = built.get(messageId);
    if (list === undefined) built.set(messageId, (list = []));
    list.push(part);
  }
  groups = built;
  groupCache.set(parts, groups);
  return groups;
}

/**
 * The chat's view of a reply store state (select it with `useShallow`).
 * @example const live = useStore(store, useShallow(selectLiveTurn))
 */
export function selectLiveTurn(state: ReplyStoreState): LiveTurn {
  return {
    status: state.status,
    error: state.error,
    sessionStatus: state.sessionStatus,
    watchdog: state.watchdog,
    todos: state.todos,
    totals: state.totals,
    aborted: state.aborted,
    assistants: state.messages,
    partsByMessage: groupByMessage(state.parts),
  };
}

/**
 * One message's live parts and info (for `useChatMessage`; select with `useShallow`).
 * @example useStore(store, useShallow((s) => selectLiveMessage(s, "msg_1")))
 */
export function selectLiveMessage(
  state: ReplyStoreState,
  messageId: string,
): { readonly parts: readonly ReplyPart[] | undefined; readonly info: AssistantMessage | undefined; readonly turnActive: boolean } {
  const parts = groupByMessage(state.parts).get(messageId);
  // The turn's status matters only to a message of the turn: others do not re-render for it.
  return { parts, info: state.messages[messageId], turnActive: parts !== undefined && isTurnActive(state.status) };
}

/**
 * Sends a prompt through the store: resolves with the POST's error (or the feed's), or null once
 * it was posted. Rejects as the store does (a turn already in flight, a disposed store).
 * @example const failure = await sendTurn(store, { messageID, parts })
 */
export async function sendTurn(store: StoreApi<ReplyStoreState>, prompt: PromptInput): Promise<Error | null> {
  await store.getState().send(prompt);
  const state = store.getState();
  return state.status === "error" ? state.error : null;
}

/**
 * Asks the server to abort the store's turn.
 * @example await abortLiveTurn(store)
 */
export function abortLiveTurn(store: StoreApi<ReplyStoreState>): Promise<void> {
  return store.getState().abort();
}
