/**
 * The store's published state: the reply's fields flat, plus the turn's status, error, watchdog,
 * result and the actions. Written out field by field: it is built on every flush, and V8 copies a
 * spread of a spread-made object on a slow path (~20x slower, see `npm run bench`). A field added
 * to ReplyState is a compile error here until it is copied.
 */
import type { DistilledReply } from "./distill";
import type { ReplyStoreState, ReplyWatchdog } from "./reply-store-types";
import type { ReplyStatus } from "./reply-status";
import type { ReplyState } from "./state";

/** What the store adds to the reply. */
export interface StoreExtras {
  readonly status: ReplyStatus;
  readonly error: Error | null;
  readonly watchdog: ReplyWatchdog;
  readonly result: DistilledReply | null;
  readonly send: ReplyStoreState["send"];
  readonly abort: ReplyStoreState["abort"];
  readonly dispose: ReplyStoreState["dispose"];
}

/** The published state for a reply and the store's extras. */
export function projectState(reply: ReplyState, extras: StoreExtras): ReplyStoreState {
  return {
    sessionId: reply.sessionId,
    partIds: reply.partIds,
    parts: reply.parts,
    typeMemo: reply.typeMemo,
    totals: reply.totals,
    messages: reply.messages,
    userMessageId: reply.userMessageId,
    userMessageIds: reply.userMessageIds,
    turn: reply.turn,
    turnsEnded: reply.turnsEnded,
    endedBy: reply.endedBy,
    aborted: reply.aborted,
    todos: reply.todos,
    todoPartId: reply.todoPartId,
    questions: reply.questions,
    permissions: reply.permissions,
    parkedQuestions: reply.parkedQuestions,
    lastResolved: reply.lastResolved,
    firstTextSeen: reply.firstTextSeen,
    reply,
    sessionStatus: reply.status,
    status: extras.status,
    error: extras.error,
    watchdog: extras.watchdog,
    result: extras.result,
    send: extras.send,
    abort: extras.abort,
    dispose: extras.dispose,
  };
}
