/** Decoding of `/global/event` frames (api.md 3.2): `{ directory?, project?, workspace?, payload }`. */
import { MalformedEventError } from "../errors";
import { decodeDeltaFrame } from "./decode-delta";
import { eventFromValue } from "./decode-event";
import type { WireEvent } from "./types";

/**
 * One decoded `/global/event` frame: the event and the directory it belongs to (undefined for the
 * connection's own `server.*` events, `"global"` for server-wide ones such as `project.updated`).
 * @example const frame: GlobalFrame = { directory: "/repo", event: { type: "session.idle", properties: { sessionID: "ses_1" } } };
 */
export interface GlobalFrame {
  directory: string | undefined;
  event: WireEvent;
}

/**
 * What {@link decodeGlobalFrame} returns for a frame to skip without a report: the durable `sync`
 * duplicates of normal events (`payload.type === "sync"`).
 */
export const IGNORED_FRAME = "ignored";

/**
 * Normalises a directory the way the server reports it in `/global/event` frames: trailing
 * slashes dropped ("/repo/" and "/repo" are one instance), the root kept.
 * @example directoryKey("/repo/") // "/repo"
 */
export function directoryKey(directory: string): string {
  const trimmed = directory.replace(/\/+$/, "");
  return trimmed === "" && directory.startsWith("/") ? "/" : trimmed;
}

/**
 * Decodes one `/global/event` frame: its `payload` is an ordinary event (decoded with the same
 * rules as `/event`), its `directory` says which instance sent it. `sync` payloads give
 * {@link IGNORED_FRAME}; anything malformed a {@link MalformedEventError} (reported, never fatal).
 * @example
 * decodeGlobalFrame('{"directory":"/repo","payload":{"type":"session.idle","properties":{"sessionID":"ses_1"}}}')
 * // { directory: "/repo", event: { type: "session.idle", properties: { sessionID: "ses_1" } } }
 */
export function decodeGlobalFrame(data: string): GlobalFrame | typeof IGNORED_FRAME | MalformedEventError {
  return decodeGlobalDelta(data) ?? decodeGlobalFrameSlow(data);
}

/**
 * The envelope the server writes around every payload, in its fixed key order; string values
 * without quotes, backslashes or control characters read the same raw and decoded.
 */
const ENVELOPE =
  // eslint-disable-next-line no-control-regex -- raw control characters must be excluded, as JSON.parse rejects them.
  /^\{"directory":"([^"\\\x00-\x1f]*)"(?:,"project":"[^"\\\x00-\x1f]*")?(?:,"workspace":"[^"\\\x00-\x1f]*")?,"payload":/;

/**
 * The fast path of the frame that dominates a streaming reply (`message.part.delta`): the payload
 * goes through /event's delta scanner, without JSON.parse. Any deviation gives undefined and the
 * caller takes the full path, so the result is always the slow path's.
 */
function decodeGlobalDelta(data: string): GlobalFrame | undefined {
  if (data.charCodeAt(data.length - 1) !== 125 /* } */) return undefined;
  const envelope = ENVELOPE.exec(data);
  if (envelope === null) return undefined;
  const event = decodeDeltaFrame(data.slice(envelope[0].length, -1));
  return event === undefined ? undefined : { directory: envelope[1], event };
}

/**
 * {@link decodeGlobalFrame} without the delta fast path. Exported so tests can hold the fast path
 * to exactly this result.
 * @example decodeGlobalFrameSlow('{"payload":{"type":"server.connected","properties":{}}}') // { directory: undefined, event: { type: "server.connected", properties: {} } }
 */
export function decodeGlobalFrameSlow(data: string): GlobalFrame | typeof IGNORED_FRAME | MalformedEventError {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    // At most 120 characters of the frame, as /event's messages: whole, or 117 and "...".
    return new MalformedEventError(`global SSE frame is not valid JSON: ${data.length > 120 ? `${data.slice(0, 117)}...` : data}`, { cause });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return new MalformedEventError("global SSE frame is not a JSON object");
  }
  const frame = value as Record<string, unknown>;
  const payload = frame.payload;
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return new MalformedEventError("global SSE frame has no object payload");
  }
  if ((payload as Record<string, unknown>).type === "sync") return IGNORED_FRAME;
  const event = eventFromValue(payload, data);
  if (event instanceof MalformedEventError) return event;
  const directory = typeof frame.directory === "string" ? frame.directory : undefined;
  return { directory, event };
}
