/**
 * The outbox of a session: the user's messages sent from this client that the server has not
 * confirmed yet (posting, being confirmed after an ambiguous failure, or refused and resendable).
 * One small vanilla store per client and session, shared by every chat hook of the session.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { MessageWithParts } from "../../core/api";
import type { OpencodeClient } from "../../core/client";
import type { IdentifiedPrompt } from "../cache/optimistic-message";

/**
 * Where an outgoing message is: "sending" (waiting for the feed, or the POST in flight),
 * "confirming" (the POST's fate is unknown: asking the server by id), "sent" (accepted; shown
 * from the outbox until the history has it) or "failed" (refused: resendable under the same id).
 * @example if (entry.state === "failed") retry(entry.id)
 */
export type OutboxState = "sending" | "confirming" | "sent" | "failed";

/**
 * One outgoing message.
 * @example const entry: OutboxEntry = outboxOf(client, "ses_1").getState().entries["msg_1"]
 */
export interface OutboxEntry {
  readonly id: string;
  readonly prompt: IdentifiedPrompt;
  /** The optimistic message (info and parts as the server will store them). */
  readonly message: MessageWithParts;
  readonly state: OutboxState;
  readonly error: Error | null;
}

/**
 * The outbox of one session: entries by message id.
 * @example outboxOf(client, "ses_1").getState().entries
 */
export interface Outbox {
  readonly entries: Readonly<Record<string, OutboxEntry>>;
}

const outboxes = new WeakMap<OpencodeClient, Map<string, StoreApi<Outbox>>>();

/**
 * The outbox of a session (created empty on first use).
 * @example const outbox = outboxOf(client, "ses_1")
 */
export function outboxOf(client: OpencodeClient, sessionId: string): StoreApi<Outbox> {
  let bySession = outboxes.get(client);
  if (bySession === undefined) outboxes.set(client, (bySession = new Map()));
  let outbox = bySession.get(sessionId);
  if (outbox === undefined) bySession.set(sessionId, (outbox = createStore<Outbox>()(() => ({ entries: {} }))));
  return outbox;
}

/**
 * Puts or updates an entry.
 * @example putEntry(outbox, { ...entry, state: "failed", error })
 */
export function putEntry(outbox: StoreApi<Outbox>, entry: OutboxEntry): void {
  outbox.setState((s) => ({ entries: { ...s.entries, [entry.id]: entry } }));
}

/**
 * Moves an entry to a new state (nothing when it is gone).
 * @example markEntry(outbox, "msg_1", "sent", null)
 */
export function markEntry(outbox: StoreApi<Outbox>, id: string, state: OutboxState, error: Error | null): void {
  const entry = outbox.getState().entries[id];
  if (entry !== undefined && (entry.state !== state || entry.error !== error)) putEntry(outbox, { ...entry, state, error });
}

/**
 * Removes entries.
 * @example dropEntries(outbox, ["msg_1"])
 */
export function dropEntries(outbox: StoreApi<Outbox>, ids: readonly string[]): void {
  if (ids.length === 0) return;
  outbox.setState((s) => {
    const entries = { ...s.entries };
    for (const id of ids) delete entries[id];
    return { entries };
  });
}

/**
 * True while a message of the outbox waits on the server (its POST in flight, or being confirmed
 * after an ambiguous failure): a POST error seen meanwhile is not a failure yet.
 * @example const waiting = useStore(outbox, isAwaitingServer)
 */
export function isAwaitingServer(outbox: Outbox): boolean {
  return Object.values(outbox.entries).some((entry) => entry.state === "sending" || entry.state === "confirming");
}
