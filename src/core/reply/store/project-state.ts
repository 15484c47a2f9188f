/**
 * The store's published state: plain data built from the reducer state and the turn runtime on
 * every flush. Internal bookkeeping (the type memo, parked questions, user message ids, ...) stays
 * in the reducer state and is never published.
 */
import type { DistilledReply } from "../reducer/distill";
import type { ReplyStoreState, ReplyWatchdog } from "./reply-store-types";
import type { ReplyStatus } from "./reply-status";
import type { ReplyState } from "../reducer/state";
import type { ReplyPart } from "../reducer/types";

/** What the store adds to the reply. */
export interface StoreExtras {
  readonly status: ReplyStatus;
  readonly error: Error | null;
  readonly watchdog: ReplyWatchdog;
  readonly result: DistilledReply | null;
  readonly aborted: boolean;
  readonly send: ReplyStoreState["send"];
  readonly abort: ReplyStoreState["abort"];
  readonly dispose: ReplyStoreState["dispose"];
}

/** The published state for a reply and the store's extras. */
export function projectState(reply: ReplyState, parts: readonly ReplyPart[], extras: StoreExtras): ReplyStoreState {
  return {
    parts,
    partsById: reply.parts,
    messages: reply.messages,
    status: extras.status,
    error: extras.error,
    sessionStatus: reply.status,
    questions: reply.questions,
    permissions: reply.permissions,
    todos: reply.todos,
    totals: reply.totals,
    watchdog: extras.watchdog,
    aborted: extras.aborted,
    result: extras.result,
    send: extras.send,
    abort: extras.abort,
    dispose: extras.dispose,
  };
}
