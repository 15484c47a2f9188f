import { useCallback, useRef, useSyncExternalStore } from "react";
import type { FeedStatus, FeedTransport, LiveEventHub } from "../core/events/types";
import { useOpencodeClient } from "./context";

/**
 * The state of the provider's event feed, as {@link useFeedStatus} returns it.
 * @example
 * const { status, nextAttemptAt }: FeedState = useFeedStatus();
 */
export interface FeedState {
  /** Connection state: `open`, `reconnecting`, `offline`, `unauthorized`, `unsupported`, ... (`idle` until a live hook opens the feed). */
  readonly status: FeedStatus;
  /** The stream serving this directory: `global` (one `/global/event` for the server) or `directory` (its own `/event`, the fallback for servers without `/global/event`). */
  readonly transport: FeedTransport | undefined;
  /** While `reconnecting` or `offline`: when the next attempt starts (epoch ms). */
  readonly nextAttemptAt: number | undefined;
  /** The failure behind the status (a refused password, an HTML answer, the last dropped attempt). */
  readonly lastError: Error | undefined;
  /** Reconnects now with a fresh backoff, also after `unauthorized` or `unsupported`. */
  readonly restart: () => void;
}

function sameState(a: FeedState, hub: LiveEventHub): boolean {
  return a.status === hub.status && a.transport === hub.transport && a.nextAttemptAt === hub.nextAttemptAt && a.lastError === hub.lastError;
}

/**
 * The provider's event feed as a banner needs it: its status, the stream serving it, when the next
 * attempt starts and why the last one failed. Re-renders only when one of those changes (a new
 * attempt time counts: a countdown stays right). It does not open the feed itself: it reports the
 * one the live hooks (`useChat`, `useMessages`, ...) hold, so it reads `idle` while none is mounted.
 * @example
 * function FeedBanner() {
 *   const { status, nextAttemptAt, restart } = useFeedStatus();
 *   if (status === "reconnecting") return <p>Reconnecting at {new Date(nextAttemptAt ?? 0).toLocaleTimeString()}…</p>;
 *   if (status === "unauthorized") return <p>Wrong password. <button onClick={restart}>Retry</button></p>;
 *   return null;
 * }
 */
export function useFeedStatus(): FeedState {
  const hub = useOpencodeClient().events;
  const last = useRef<FeedState | undefined>(undefined);
  const subscribe = useCallback(
    (changed: () => void) => {
      // A failed attempt moves nextAttemptAt and lastError without a status change; it is reported through onError.
      const offStatus = hub.onStatus(changed);
      const offError = hub.onError(changed);
      return () => {
        offStatus();
        offError();
      };
    },
    [hub],
  );
  // Stable per hub, so a memoised retry button does not re-render.
  const restart = useCallback(() => hub.restart(), [hub]);
  const read = (): FeedState => {
    const previous = last.current;
    if (previous !== undefined && previous.restart === restart && sameState(previous, hub)) return previous;
    const next: FeedState = { status: hub.status, transport: hub.transport, nextAttemptAt: hub.nextAttemptAt, lastError: hub.lastError, restart };
    last.current = next;
    return next;
  };
  return useSyncExternalStore(subscribe, read, read);
}
