/** Pure updates of the status map of `GET /session/status` (busy/retry only; absent = idle). */
import type { SessionStatus } from "@opencode-ai/sdk/v2";

/**
 * The status of a session the map does not list (frozen: compare by `type`).
 * @example (map[id] ?? IDLE_STATUS).type // "idle"
 */
export const IDLE_STATUS: SessionStatus = Object.freeze({ type: "idle" }) as SessionStatus;

/**
 * Sets one session's status: idle removes the entry (the server's map never lists idle sessions).
 * Returns the same map when nothing changed.
 * @example setSessionStatus({ ses_1: { type: "busy" } }, "ses_1", { type: "idle" }) // {}
 */
export function setSessionStatus(
  map: Record<string, SessionStatus>,
  sessionId: string,
  status: SessionStatus,
): Record<string, SessionStatus> {
  if (status.type === "idle") {
    if (!(sessionId in map)) return map;
    const next = { ...map };
    delete next[sessionId];
    return next;
  }
  return { ...map, [sessionId]: status };
}

/**
 * The status of one session in the map: idle when absent.
 * @example sessionStatusOf({}, "ses_1") // { type: "idle" }
 */
export function sessionStatusOf(map: Record<string, SessionStatus> | undefined, sessionId: string): SessionStatus {
  return map?.[sessionId] ?? IDLE_STATUS;
}
