/**
 * Turn boundaries inside a store that lives for many turns: the reply state starts empty for each
 * new turn, and events that still trickle in for the previous turn (the server finishes an
 * aborted message after its idle) must not leak into the new one.
 */
import type { WireEvent } from "../../events/types";
import { initialReplyState, type ReplyState } from "./state";
import { isRecord, str } from "./wire";

/**
 * The empty state of the next turn. Keeps the previous turn's user message (its late summary
 * update must not look like a new prompt; older ones never come back, and keeping every id would
 * grow without bound) and `turnsEnded` (it only ever rises, so a store can compare it).
 * @example reply = nextTurnState(reply);
 */
export function nextTurnState(previous: ReplyState): ReplyState {
  const last = previous.userMessageId;
  return {
    ...initialReplyState(previous.sessionId),
    userMessageIds: last === null ? {} : { [last]: true },
    children: previous.children,
    turnsEnded: previous.turnsEnded,
  };
}

/**
 * True when `event` starts a new turn after the previous one ended: a busy or retry status, or a
 * user message not seen before. Only meaningful while `state.turn` is "done".
 * @example if (state.turn === "done" && startsTurn(state, event)) state = nextTurnState(state);
 */
export function startsTurn(state: ReplyState, event: WireEvent): boolean {
  const props = event.properties;
  if (event.type === "session.status") {
    const status = props.status;
    const type = isRecord(status) ? status.type : status;
    return type === "busy" || type === "retry";
  }
  if (event.type !== "message.updated" || !isRecord(props.info) || props.info.role !== "user") return false;
  const id = str(props.info.id);
  return id !== undefined && state.userMessageIds[id] !== true;
}

/**
 * The assistant messages of a state: its message infos and the messages its parts belong to.
 * @example const stale = messageIdsOf(reply); // before starting the next turn
 */
export function messageIdsOf(state: ReplyState): ReadonlySet<string> {
  const ids = new Set(Object.keys(state.messages));
  for (const id of state.partIds) {
    const messageID = state.parts.get(id)?.messageID;
    if (messageID !== undefined) ids.add(messageID);
  }
  return ids;
}

/**
 * The assistant message an event is about (deltas, part snapshots, message updates), if any.
 * @example if (id !== undefined && stale.has(id)) return; // a late event of the previous turn
 */
export function eventMessageId(event: WireEvent): string | undefined {
  const props = event.properties;
  switch (event.type) {
    case "message.part.delta":
      return str(props.messageID);
    case "message.part.updated":
      return isRecord(props.part) ? str(props.part.messageID) : undefined;
    case "message.updated":
      return isRecord(props.info) && props.info.role === "assistant" ? str(props.info.id) : undefined;
    default:
      return undefined;
  }
}
