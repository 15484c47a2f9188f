/**
 * The reply reducer: `(ReplyState, event) -> ReplyState`, pure. Dispatches on the event type;
 * an event that changes nothing (unknown type, unknown field, another session, a duplicate)
 * returns the same state object, so subscribers do not fire.
 */
import type { WireEvent } from "../../events/types";
import { childOfSessionEvent, childOfTaskPart, isChildPrompt, withChild } from "./children";
import { applyOtherSnapshot, isOtherPartType } from "./parts-other";
import { applyDelta, applyTextSnapshot } from "./parts-text";
import { applyToolSnapshot } from "./parts-tool";
import { answersOf, applyGone, applyPermissionAsked, applyQuestionAsked, applyResolved, PENDING_GONE } from "./prompts";
import { applySessionError, applySessionIdle, applySessionStatus, markActive } from "./session-status";
import type { ReplyState } from "./state";
import { applyTodoUpdated } from "./todos";
import { applyMessageUpdated, applyStepFinish } from "./usage";
import { isRecord, sessionIdOf, str, type Dict } from "./wire";

/** `message.part.updated`: routes the snapshot by part type. Parts of user messages are skipped. */
function applyPartUpdated(state: ReplyState, props: Dict): ReplyState {
  const part = props.part;
  if (!isRecord(part)) return state;
  const type = str(part.type);
  const id = str(part.id);
  const messageID = str(part.messageID);
  if (type === undefined || (messageID !== undefined && state.userMessageIds[messageID] === true)) return state;
  if (type === "step-finish") return applyStepFinish(state, part, id);
  // Without an id a snapshot cannot be keyed; the reference appends a new part each time (TXT-18, TL-08).
  if (id === undefined) return state;
  if (type === "text" || type === "reasoning") return applyTextSnapshot(state, part, id, type);
  if (type === "tool") return withChild(applyToolSnapshot(state, part, id), childOfTaskPart(part));
  return isOtherPartType(type) ? applyOtherSnapshot(state, part, id, type) : state;
}

function applyDeltaEvent(state: ReplyState, props: Dict): ReplyState {
  const messageID = str(props.messageID);
  return messageID !== undefined && state.userMessageIds[messageID] === true ? state : applyDelta(state, props);
}

function dispatch(state: ReplyState, type: string, props: Dict, now: number): ReplyState {
  switch (type) {
    case "message.part.delta":
      return applyDeltaEvent(state, props);
    case "message.part.updated":
      return applyPartUpdated(state, props);
    case "message.updated":
      return applyMessageUpdated(state, props);
    case "session.status":
      return applySessionStatus(state, props);
    case "session.idle":
      return applySessionIdle(state);
    case "session.error":
      return applySessionError(state, props);
    case "todo.updated":
      return applyTodoUpdated(state, props);
    case "question.asked":
      return applyQuestionAsked(state, props, now);
    case "question.replied":
      return applyResolved(state, props, now, { outcome: "replied", answers: answersOf(props.answers) });
    case "question.rejected":
      return applyResolved(state, props, now, { outcome: "rejected" });
    case "permission.asked":
      return applyPermissionAsked(state, props, now);
    case "permission.replied": {
      const reply = str(props.reply);
      return applyResolved(state, props, now, { outcome: "replied", ...(reply === undefined ? {} : { reply }) });
    }
    case PENDING_GONE:
      return applyGone(state, props);
    default:
      return state;
  }
}

const ACTIVITY: ReadonlySet<string> = new Set(["message.part.delta", "message.part.updated", "message.updated"]);

/**
 * Folds one `/event` event into the reply. `now` (epoch ms) stamps questions and permissions;
 * pass the store's clock to keep tests deterministic.
 * @example
 * let state = initialReplyState("ses_1");
 * state = reduce(state, {
 *   type: "message.part.delta",
 *   properties: { sessionID: "ses_1", partID: "p1", field: "text", delta: "Hi" },
 * });
 * distill(state).text; // "Hi"
 */
export function reduce(state: ReplyState, event: WireEvent, now: number = Date.now()): ReplyState {
  const props = event.properties;
  if (!isRecord(props) || typeof event.type !== "string") return state;
  const sessionId = sessionIdOf(props);
  if (sessionId !== undefined && sessionId !== state.sessionId) {
    // Other sessions belong to other replies, except a child session's questions and permissions.
    const type = event.type;
    if (type === "session.created" || type === "session.updated") return withChild(state, childOfSessionEvent(state, props));
    return isChildPrompt(state, sessionId, type) ? dispatch(state, type, props, now) : state;
  }
  const next = dispatch(state, event.type, props, now);
  // The turn check first: once the turn runs, deltas skip the set lookup.
  return next !== state && next.turn === "idle" && ACTIVITY.has(event.type) ? markActive(next) : next;
}

/**
 * Folds a batch of events in order (what a store does when it flushes once per frame).
 * @example const state = reduceAll(initialReplyState("ses_1"), bufferedEvents);
 */
export function reduceAll(state: ReplyState, events: Iterable<WireEvent>, now: number = Date.now()): ReplyState {
  let next = state;
  for (const event of events) next = reduce(next, event, now);
  return next;
}
