/**
 * The store a hook reads while it has no session (sessionId undefined) or before the session's
 * store exists (it is created in an effect): an idle reply with no parts, never changing.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { OpencodeError } from "../../core/errors";
import {
  DEFAULT_FIRST_EVENT_TIMEOUT_MS,
  DEFAULT_TURN_TIMEOUT_MS,
  PersistentMap,
  ZERO_TOTALS,
  type ReplyPart,
  type ReplyStoreState,
} from "../../core/reply";

const state: ReplyStoreState = {
  parts: [],
  partsById: PersistentMap.empty<ReplyPart>(),
  messages: {},
  status: "idle",
  error: null,
  sessionStatus: { type: "idle" },
  questions: {},
  permissions: {},
  todos: [],
  totals: ZERO_TOTALS,
  watchdog: {
    lastEventAt: null,
    deadlineAt: null,
    deadlineKind: null,
    firstEventMs: DEFAULT_FIRST_EVENT_TIMEOUT_MS,
    idleMs: null,
    turnMs: DEFAULT_TURN_TIMEOUT_MS,
  },
  aborted: false,
  result: null,
  send: () => Promise.reject(new OpencodeError("opencode-react: there is no session to send to (sessionId is undefined)")),
  abort: () => Promise.resolve(),
  dispose: () => undefined,
};

/**
 * The idle, inert store.
 * @example useStore(store ?? EMPTY_REPLY_STORE, (s) => s.status) // "idle"
 */
export const EMPTY_REPLY_STORE: StoreApi<ReplyStoreState> = createStore<ReplyStoreState>()(() => state);
