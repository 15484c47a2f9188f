/** Event builders for the reply reducer tests: small, readable, every field overridable. */
import type { WireEvent } from "../../src/core/events/types";
import { initialReplyState, reduceAll, type ReplyState } from "../../src/core/reply";

/** Session of every built event. */
export const SID = "ses_1";
/** Assistant message of the built parts. */
export const MSG = "msg_a1";
/** User message of the turn. */
export const USER = "msg_u1";

/** An event of SID. */
export function ev(type: string, properties: Record<string, unknown> = {}): WireEvent {
  return { type, properties: { sessionID: SID, ...properties } };
}

/** `message.part.delta`. */
export function delta(partID: string | undefined, text: unknown, field = "text", extra: Record<string, unknown> = {}): WireEvent {
  return ev("message.part.delta", { messageID: MSG, partID, field, delta: text, ...extra });
}

/** `message.part.updated` with a part (sessionID and messageID filled in). */
export function snapshot(part: Record<string, unknown>): WireEvent {
  return ev("message.part.updated", { part: { sessionID: SID, messageID: MSG, ...part }, time: 1 });
}

/** A text or reasoning snapshot. */
export function textSnap(id: string | undefined, text: unknown, type = "text", extra: Record<string, unknown> = {}): WireEvent {
  return snapshot({ id, type, text, ...extra });
}

/** A tool snapshot with the given state. */
export function toolSnap(id: string | undefined, tool: string, state: unknown, extra: Record<string, unknown> = {}): WireEvent {
  return snapshot({ id, type: "tool", tool, callID: "call_1", state, ...extra });
}

/** A step-finish snapshot. */
export function stepFinish(id: string | undefined, cost: unknown, tokens: unknown): WireEvent {
  return snapshot({ id, type: "step-finish", reason: "stop", cost, tokens });
}

/** `session.status`. */
export function status(type: string, extra: Record<string, unknown> = {}): WireEvent {
  return ev("session.status", { status: { type, ...extra } });
}

/** `message.updated` for the turn's user message. */
export function userMessage(id = USER): WireEvent {
  return ev("message.updated", { info: { id, role: "user", sessionID: SID, time: { created: 1 } } });
}

/** `message.updated` for an assistant message. */
export function assistantMessage(id = MSG, extra: Record<string, unknown> = {}): WireEvent {
  return ev("message.updated", {
    info: { id, role: "assistant", sessionID: SID, parentID: USER, cost: 0, tokens: {}, time: { created: 1 }, ...extra },
  });
}

/** Folds events into a fresh state (or `from`), at a fixed clock. */
export function fold(events: readonly WireEvent[], from: ReplyState = initialReplyState(SID), now = 1000): ReplyState {
  return reduceAll(from, events, now);
}
