/** Turns one SSE frame's data into a {@link WireEvent}, or says why it cannot. */
import { MalformedEventError } from "../errors";
import { decodeDeltaFrame } from "./decode-delta";
import type { WireEvent } from "./types";
import { isRecord } from "../is-record";

const EXCERPT_LENGTH = 120;

/** The start of `data` for an error message, never longer than 120 characters. */
function excerpt(data: string): string {
  return data.length <= EXCERPT_LENGTH ? data : `${data.slice(0, EXCERPT_LENGTH - 3)}...`;
}

/**
 * Decodes one frame's data. It must be a JSON object with a string `type`; `properties` defaults
 * to `{}` when missing or null, and must otherwise be an object. A non-string `id` is removed.
 * Anything else gives a {@link MalformedEventError} (returned, not thrown: the feed reports it and
 * goes on, SSE-17/SSE-18) whose message holds at most 120 characters of the data.
 * @example
 * const event = decodeEvent('{"type":"server.connected","properties":{}}')
 * if (event instanceof MalformedEventError) report(event)
 * else console.log(event.type) // "server.connected"
 */
export function decodeEvent(data: string): WireEvent | MalformedEventError {
  // Most frames of a streaming reply are text deltas in one fixed shape; reading those without
  // JSON.parse is most of the decode cost. Any other frame (or any deviation) takes the full path.
  return decodeDeltaFrame(data) ?? decodeEventSlow(data);
}

/**
 * {@link decodeEvent} without the `message.part.delta` fast path: JSON.parse and the checks.
 * Exported so tests can hold the fast path to exactly this result.
 */
export function decodeEventSlow(data: string): WireEvent | MalformedEventError {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    return new MalformedEventError(`SSE frame is not valid JSON: ${excerpt(data)}`, { cause });
  }
  return eventFromValue(value, data);
}

/**
 * Checks a parsed frame (or a `/global/event` payload) the way {@link decodeEvent} does and
 * normalises it in place; `data` only feeds the error message.
 * @example eventFromValue({ type: "session.idle", properties: null }, "") // { type: "session.idle", properties: {} }
 */
export function eventFromValue(value: unknown, data: string): WireEvent | MalformedEventError {
  if (!isRecord(value)) return new MalformedEventError(`SSE frame is not a JSON object: ${excerpt(data)}`);
  if (typeof value.type !== "string") {
    return new MalformedEventError(`SSE frame has no string "type": ${excerpt(data)}`);
  }
  const properties = value.properties;
  // The object is freshly parsed and ours, so normalising it in place costs nothing on the hot path.
  if (properties === undefined || properties === null) value.properties = {};
  else if (!isRecord(properties)) {
    return new MalformedEventError(`SSE frame "${value.type}" has non-object properties: ${excerpt(data)}`);
  }
  if (value.id !== undefined && typeof value.id !== "string") delete value.id;
  return value as unknown as WireEvent;
}
