/**
 * Copies of the reply state for the reducer's updates. Written out field by field rather than
 * spread: V8 copies a spread of an object that was itself made by a spread on a slow path (~20x
 * slower, measured by `npm run bench`), and the reducer makes a new state per event.
 */
import type { ReplyState } from "./state";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A mutable copy of `state`. A field added to ReplyState is a compile error here until it is copied. */
export function copyState(state: ReplyState): Mutable<ReplyState> {
  return {
    sessionId: state.sessionId,
    partIds: state.partIds,
    parts: state.parts,
    typeMemo: state.typeMemo,
    totals: state.totals,
    messages: state.messages,
    userMessageId: state.userMessageId,
    userMessageIds: state.userMessageIds,
    turnUserIds: state.turnUserIds,
    children: state.children,
    ahead: state.ahead,
    status: state.status,
    turn: state.turn,
    turnsEnded: state.turnsEnded,
    endedBy: state.endedBy,
    error: state.error,
    aborted: state.aborted,
    todos: state.todos,
    todoPartId: state.todoPartId,
    questions: state.questions,
    permissions: state.permissions,
    parkedQuestions: state.parkedQuestions,
    lastResolved: state.lastResolved,
    firstTextSeen: state.firstTextSeen,
  };
}

/**
 * `{ ...state, ...patch }` without the slow path.
 * @example return patchState(state, { turn: "running" });
 */
export function patchState(state: ReplyState, patch: Partial<ReplyState>): ReplyState {
  return Object.assign(copyState(state), patch);
}
