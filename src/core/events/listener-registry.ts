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
 * @example const registry = createListenerRegistry(); registry.add(onEvent, "ses_1")
 */
export function createListenerRegistry(): ListenerRegistry {
  const unscoped = new Set<Entry>();
  const bySession = new Map<string, Set<Entry>>();
  let size = 0;

  const deliver = (entries: Iterable<Entry>, event: WireEvent, onListenerError: (error: unknown) => void): void => {
    for (const entry of entries) {
      if (!entry.active) continue; // removed by an earlier listener of this same dispatch
      try {
        entry.listener(event);
      } catch (error) {
        onListenerError(error);
      }
    }
  };

  return {
    add(listener, sessionId) {
      const entry: Entry = { listener, active: true };
      let set = unscoped;
      if (sessionId !== undefined) {
        set = bySession.get(sessionId) ?? new Set<Entry>();
        bySession.set(sessionId, set);
      }
      set.add(entry);
      size += 1;
      return () => {
        if (!entry.active) return;
        entry.active = false;
        set.delete(entry);
        size -= 1;
        if (sessionId !== undefined && set.size === 0 && bySession.get(sessionId) === set) bySession.delete(sessionId);
      };
    },
    dispatch(event, onListenerError) {
      // Snapshots, so a listener subscribing during the dispatch does not get this event twice or mid-way.
      const targets: Entry[] = [...unscoped];
      if (isServerEvent(event)) {
        for (const set of bySession.values()) targets.push(...set);
      } else {
        const sessionId = sessionIdOf(event);
        const set = sessionId === undefined ? undefined : bySession.get(sessionId);
        if (set !== undefined) targets.push(...set);
      }
      deliver(targets, event, onListenerError);
    },
    get size() {
      return size;
    },
  };
}
