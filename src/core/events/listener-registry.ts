import { isServerEvent, sessionIdOf } from "./route";
import type { EventListener, WireEvent } from "./types";

interface Entry {
  listener: EventListener;
  active: boolean;
}

/** The subscribers of one hub, indexed by session id. */
export interface ListenerRegistry {
  /** Adds a subscription (every event when `sessionId` is undefined); returns its removal (idempotent). */
  add(listener: EventListener, sessionId: string | undefined): () => void;
  /**
   * Delivers an event to the subscribers it concerns; a listener that throws is handed to
   * `onListenerError` and the others still get the event.
   */
  dispatch(event: WireEvent, onListenerError: (error: unknown) => void): void;
  /** Number of live subscriptions. */
  readonly size: number;
}

/**
 * Creates the registry. A session event costs O(subscribers of that session + unscoped
 * subscribers), never O(all subscribers); only `server.*` events (connected, heartbeat) go to all.
 *
 * Every event of the feed goes through `dispatch`, so it allocates nothing: the lists are
 * copy-on-write arrays (replaced, never mutated, by `add` and removals, which are rare), so the
 * arrays a dispatch holds are already the snapshot it needs: a listener subscribing during the
 * dispatch does not get this event twice or mid-way.
 * @example const registry = createListenerRegistry(); registry.add(onEvent, "ses_1")
 */
export function createListenerRegistry(): ListenerRegistry {
  const NONE: readonly Entry[] = [];
  let unscoped: readonly Entry[] = NONE;
  const bySession = new Map<string, readonly Entry[]>();
  let size = 0;
  // The previous dispatch's lookup. Every event's session id is a fresh string from JSON.parse, so
  // `bySession.get` hashes it each time, while a stream's events nearly all name the same session:
  // comparing with the previous id is a short memcmp. Forgotten whenever `bySession` changes.
  let lastSessionId: string | undefined;
  let lastScoped: readonly Entry[] = NONE;
  const forget = (): void => {
    lastSessionId = undefined;
    lastScoped = NONE;
  };

  const deliver = (entries: readonly Entry[], event: WireEvent, onListenerError: (error: unknown) => void): void => {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Entry;
      if (!entry.active) continue; // removed by an earlier listener of this same dispatch
      try {
        entry.listener(event);
      } catch (error) {
        onListenerError(error);
      }
    }
  };

  const without = (entries: readonly Entry[], entry: Entry): readonly Entry[] => {
    const at = entries.indexOf(entry);
    return at < 0 ? entries : [...entries.slice(0, at), ...entries.slice(at + 1)];
  };

  return {
    add(listener, sessionId) {
      const entry: Entry = { listener, active: true };
      if (sessionId === undefined) unscoped = [...unscoped, entry];
      else {
        bySession.set(sessionId, [...(bySession.get(sessionId) ?? NONE), entry]);
        forget();
      }
      size += 1;
      return () => {
        if (!entry.active) return;
        entry.active = false;
        size -= 1;
        if (sessionId === undefined) {
          unscoped = without(unscoped, entry);
          return;
        }
        forget();
        const rest = without(bySession.get(sessionId) ?? NONE, entry);
        if (rest.length === 0) bySession.delete(sessionId);
        else bySession.set(sessionId, rest);
      };
    },
    dispatch(event, onListenerError) {
      // Read before delivering: these arrays are the snapshot (see above).
      const first = unscoped;
      if (isServerEvent(event)) {
        // Rare (connected, heartbeats): a snapshot of the sessions, as a listener may add one.
        const sessions = [...bySession.values()];
        deliver(first, event, onListenerError);
        for (const entries of sessions) deliver(entries, event, onListenerError);
        return;
      }
      const sessionId = sessionIdOf(event);
      let scoped = NONE;
      if (sessionId !== undefined) {
        if (sessionId !== lastSessionId) {
          lastScoped = bySession.get(sessionId) ?? NONE;
          lastSessionId = sessionId;
        }
        scoped = lastScoped;
      }
      deliver(first, event, onListenerError);
      deliver(scoped, event, onListenerError);
    },
    get size() {
      return size;
    },
  };
}
