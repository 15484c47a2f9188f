/**
 * Child sessions of the turn: subagents started by the task tool run in sessions of their own, and
 * their questions and permission requests hold up the parent's turn. The reply learns a child from
 * `session.created` / `session.updated` (its `parentID` is the reply's session) or from a task tool
 * part's `metadata.sessionId`, and takes in the children's `question.*` / `permission.*` events.
 */
import type { ReplyState } from "./state";
import { patchState } from "./state-copy";
import { isRecord, str, type Dict } from "./wire";

/** `state` with `childId` known as a child session (the same state when it is known already). */
export function withChild(state: ReplyState, childId: string | undefined): ReplyState {
  if (childId === undefined || childId === state.sessionId || state.children[childId] === true) return state;
  return patchState(state, { children: { ...state.children, [childId]: true } });
}

/** A `session.created` / `session.updated` of a session whose parent is the reply's. */
export function childOfSessionEvent(state: ReplyState, props: Dict): string | undefined {
  const info = props.info;
  if (!isRecord(info) || info.parentID !== state.sessionId) return undefined;
  return str(info.id) ?? str(props.sessionID);
}

/** The child session a task tool snapshot names (`state.metadata.sessionId`), if any. */
export function childOfTaskPart(part: Dict): string | undefined {
  if (part.tool !== "task" || !isRecord(part.state) || !isRecord(part.state.metadata)) return undefined;
  return str(part.state.metadata.sessionId);
}

/**
 * True for an event of another session the reply takes: a child's question or permission event.
 * @example if (isChildPrompt(state, "ses_child", "question.asked")) state = dispatch(state, ...);
 */
export function isChildPrompt(state: ReplyState, sessionId: string, type: string): boolean {
  return state.children[sessionId] === true && (type.startsWith("question.") || type.startsWith("permission."));
}
