/**
 * Defensive reads of feed events. The server is another program with its own version, so a
 * field of the wrong shape counts as absent and the event is skipped instead of corrupting a cache.
 */
import type { PermissionRequest, QuestionRequest, Session, SessionStatus, Todo } from "@opencode-ai/sdk/v2";
import type { WireEvent } from "../../core/events/types";
import type { MessageWithParts } from "../../core/api";
import { isRecord } from "../../core/is-record";

/**
 * A JSON object.
 * @example const properties: Dict = event.properties
 */
export type Dict = Record<string, unknown>;

/**
 * True for a plain JSON object.
 * @example isDict({ a: 1 }) // true
 */
export function isDict(value: unknown): value is Dict {
  return isRecord(value);
}

/**
 * The value when it is a string.
 * @example str(1) // undefined
 */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** An object with a string `id`: the least every entity the caches hold must have. */
function entity<T>(value: unknown): T | undefined {
  return isDict(value) && typeof value.id === "string" ? (value as T) : undefined;
}

/**
 * The Session of a `session.created/updated/deleted` event.
 * @example readSession({ type: "session.updated", properties: { info: { id: "ses_1" } } })?.id // "ses_1"
 */
export function readSession(event: WireEvent): Session | undefined {
  return entity<Session>(event.properties.info);
}

/**
 * The message info of a `message.updated` event (`info.sessionID` must be a string too).
 * @example readMessageInfo(event)?.id
 */
export function readMessageInfo(event: WireEvent): MessageWithParts["info"] | undefined {
  const info = entity<MessageWithParts["info"]>(event.properties.info);
  return info !== undefined && typeof info.sessionID === "string" ? info : undefined;
}

/**
 * The part of a `message.part.updated` event (`messageID` must be a string too).
 * @example readPart(event)?.messageID
 */
export function readPart(event: WireEvent): MessageWithParts["parts"][number] | undefined {
  const part = entity<MessageWithParts["parts"][number]>(event.properties.part);
  return part !== undefined && typeof part.messageID === "string" ? part : undefined;
}

/**
 * The status of a `session.status` event; `session.idle` (legacy) reads as idle.
 * @example readStatus({ type: "session.idle", properties: { sessionID: "ses_1" } }) // { type: "idle" }
 */
export function readStatus(event: WireEvent): SessionStatus | undefined {
  if (event.type === "session.idle") return { type: "idle" };
  const status = event.properties.status;
  return isDict(status) && typeof status.type === "string" ? (status as SessionStatus) : undefined;
}

/**
 * The full todo list of a `todo.updated` event.
 * @example readTodos({ type: "todo.updated", properties: { sessionID: "ses_1", todos: [] } }) // []
 */
export function readTodos(event: WireEvent): Todo[] | undefined {
  const todos = event.properties.todos;
  return Array.isArray(todos) ? (todos as Todo[]) : undefined;
}

/**
 * The request of a `question.asked` / `permission.asked` event (its properties are the request).
 * @example readRequest<QuestionRequest>(event)?.id // "que_1"
 */
export function readRequest<T extends QuestionRequest | PermissionRequest>(event: WireEvent): T | undefined {
  const request = entity<T>(event.properties);
  return request !== undefined && typeof request.sessionID === "string" ? request : undefined;
}

/**
 * The request id a reply event resolves: `requestID`, or the legacy `permissionID`.
 * @example readRequestId({ type: "question.replied", properties: { requestID: "que_1" } }) // "que_1"
 */
export function readRequestId(event: WireEvent): string | undefined {
  return str(event.properties.requestID) ?? str(event.properties.permissionID);
}
