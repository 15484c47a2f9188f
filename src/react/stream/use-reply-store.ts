/**
 * The session's reply store as a hook sees it: read from the registry during render (never
 * created there: that would open the feed from a render React may throw away, or on a server),
 * held from an effect. A session switch reads the new session's store (or the empty one) from
 * the very first render after it, so the old session can never show through.
 */
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { ReplyStoreState } from "../../core/reply";
import { useOpencodeClient } from "../context";
import { EMPTY_REPLY_STORE } from "./empty-store";
import { holdReplyStore, peekReplyStore, subscribeReplyStores, type HolderCallbacks, type ReplyStoreSettings } from "./registry";

const NO_CALLBACKS: { readonly current: HolderCallbacks } = { current: {} };
const none = (): undefined => undefined;

/**
 * The session's store if it exists (not holding it), else the empty store; re-renders when it
 * appears or goes.
 * @example const questions = useStore(usePeekedReplyStore(sessionId), (s) => s.questions)
 */
export function usePeekedReplyStore(sessionId: string | undefined): StoreApi<ReplyStoreState> {
  const client = useOpencodeClient();
  const subscribe = useCallback((listener: () => void) => subscribeReplyStores(client, listener), [client]);
  const peek = useCallback(() => (sessionId === undefined ? undefined : peekReplyStore(client, sessionId)), [client, sessionId]);
  return useSyncExternalStore(subscribe, peek, none) ?? EMPTY_REPLY_STORE;
}

/**
 * Holds the session's store while mounted and returns it. `settings` is read when the store is
 * created (a ref, so changing it does nothing later); `callbacks` is read at call time.
 * @example const store = useHeldReplyStore(sessionId, settingsRef, callbacksRef)
 */
export function useHeldReplyStore(
  sessionId: string | undefined,
  settings: { readonly current: ReplyStoreSettings | undefined },
  callbacks: { readonly current: HolderCallbacks } = NO_CALLBACKS,
): StoreApi<ReplyStoreState> {
  const client = useOpencodeClient();
  const store = usePeekedReplyStore(sessionId);
  useEffect(() => {
    if (sessionId === undefined) return undefined;
    return holdReplyStore(client, sessionId, { settings: settings.current, callbacks });
  }, [client, sessionId, settings, callbacks]);
  return store;
}
