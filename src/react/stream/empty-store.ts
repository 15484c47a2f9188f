/**
 * The store a hook reads while it has no session (sessionId undefined) or before the session's
 * store exists (it is created in an effect): an idle reply with no parts, never changing.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { OpencodeError } from "../../core/errors";
import { initialReplyState, type ReplyStoreState } from "../../core/reply";

const reply = initialReplyState("");

const state: ReplyStoreState = {
  ...reply,
  reply,
  status: "idle",
  sessionStatus: reply.status,
  error: null,
  watchdog: { lastEventAt: null, deadlineAt: null, deadlineKind: null },
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
