/** Routing keys of feed events (api.md 3.3, behaviours.md FLT-01..FLT-09). Hot path: no allocation. */
import type { WireEvent } from "./types";

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The session an event belongs to: the first of `properties.sessionID`, `properties.info.sessionID`,
 * `properties.info.id` (only for `session.*` events, whose `info` is the Session itself: servers
 * before 1.3.3 send no `sessionID` there) and `properties.part.sessionID` that is not null or
 * undefined. Like `??`, the first such value wins even when it is `""` (FLT-07) or names another
 * session while a later one matches (FLT-03); if it is not a string the event has no session id.
 * @example
 * sessionIdOf({ type: "message.part.updated", properties: { part: { sessionID: "ses_1" } } }) // "ses_1"
 * sessionIdOf({ type: "session.updated", properties: { info: { id: "ses_2" } } }) // "ses_2"
 * sessionIdOf({ type: "lsp.updated", properties: {} }) // undefined
 */
export function sessionIdOf(event: WireEvent): string | undefined {
  const properties = event.properties;
  const info = properties.info;
  const id =
    properties.sessionID ??
    field(info, "sessionID") ??
    (event.type.startsWith("session.") ? field(info, "id") : undefined) ??
    field(properties.part, "sessionID");
  return typeof id === "string" ? id : undefined;
}

/**
 * True for `server.*` events (`server.connected`, `server.heartbeat`, `server.instance.disposed`):
 * connection-level events, which a session-filtered subscription also receives (FLT-01).
 * @example isServerEvent({ type: "server.heartbeat", properties: {} }) // true
 */
export function isServerEvent(event: WireEvent): boolean {
  const type = event.type;
  // Runs for every event of the feed (routing, then each store): "message.*" fails on the first
  // character and "session.*" on the third, before the builtin is called.
  return type.charCodeAt(0) === 115 && type.charCodeAt(1) === 101 && type.charCodeAt(2) === 114 && type.startsWith("server.");
}

/**
 * True when the event shows the server doing something: anything but `server.*` (heartbeats and
 * the like never reset the stale/idle watchdogs, FLT-05 and WD).
 * @example isMeaningfulEvent({ type: "message.part.delta", properties: { sessionID: "ses_1" } }) // true
 */
export function isMeaningfulEvent(event: WireEvent): boolean {
  return !isServerEvent(event);
}
