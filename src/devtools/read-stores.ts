/**
 * The devtools' ONE read of the reply stores: the registry lists the sessions that have a store,
 * and each store is read through its public `getState()` only. When the store's internals change,
 * this is the file to adapt.
 */
import type { OpencodeClient } from "../core/client";
import { distill, type ReplyStatus } from "../core/reply";
import { peekReplyStore, replyStoreHolders, replyStoreSessions, subscribeReplyStores } from "../react/stream/registry";

/**
 * What the devtools show of one reply store.
 * @example const row: StoreSnapshot = readStores(client)[0];
 */
export interface StoreSnapshot {
  readonly sessionId: string;
  readonly status: ReplyStatus;
  /** The server's session status type (idle, busy, retry). */
  readonly sessionStatus: string;
  readonly parts: number;
  /** Questions and permissions waiting for the user. */
  readonly pendingPrompts: number;
  /** The nearest watchdog deadline and its kind, or null. */
  readonly deadlineAt: number | null;
  readonly deadlineKind: string | null;
  /** Arrival of the latest meaningful event (epoch ms), or null. */
  readonly lastEventAt: number | null;
  readonly error: string | null;
  /** How many hooks hold the store. */
  readonly holders: number;
}

const count = (value: unknown): number => (typeof value === "object" && value !== null ? Object.keys(value).length : 0);

/**
 * A snapshot of every reply store of the client, by session id.
 * @example readStores(client).map((s) => `${s.sessionId}: ${s.status}`)
 */
export function readStores(client: OpencodeClient): StoreSnapshot[] {
  const rows: StoreSnapshot[] = [];
  for (const sessionId of replyStoreSessions(client)) {
    const state = peekReplyStore(client, sessionId)?.getState();
    if (state === undefined) continue;
    rows.push({
      sessionId,
      status: state.status,
      sessionStatus: state.sessionStatus.type,
      parts: distill(state).parts.length,
      pendingPrompts: count(state.questions) + count(state.permissions),
      deadlineAt: state.watchdog.deadlineAt,
      deadlineKind: state.watchdog.deadlineKind,
      lastEventAt: state.watchdog.lastEventAt,
      error: state.error === null ? null : `${state.error.name}: ${state.error.message}`,
      holders: replyStoreHolders(client, sessionId),
    });
  }
  return rows;
}

/**
 * Calls `listener` when a store is created or disposed, or any store's state changes.
 * @example const off = watchStores(client, () => setRows(readStores(client)));
 */
export function watchStores(client: OpencodeClient, listener: () => void): () => void {
  const watched = new Map<string, () => void>();
  const sync = (): void => {
    const live = new Set(replyStoreSessions(client));
    for (const [id, off] of watched) {
      if (live.has(id)) continue;
      off();
      watched.delete(id);
    }
    for (const id of live) {
      const store = peekReplyStore(client, id);
      if (store !== undefined && !watched.has(id)) watched.set(id, store.subscribe(listener));
    }
  };
  sync();
  const offRegistry = subscribeReplyStores(client, () => {
    sync();
    listener();
  });
  return () => {
    offRegistry();
    for (const off of watched.values()) off();
    watched.clear();
  };
}
