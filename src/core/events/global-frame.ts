/** Decoding of `/global/event` frames (api.md 3.2): `{ directory?, project?, workspace?, payload }`. */
import { MalformedEventError } from "../errors";
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
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    return new MalformedEventError(`global SSE frame is not valid JSON: ${data.slice(0, 117)}${data.length > 120 ? "..." : ""}`, { cause });
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
