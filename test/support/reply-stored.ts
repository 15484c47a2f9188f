/** Builders of stored message lists (`GET /session/:id/message`) for the final and mid-turn merge tests. */
import type { WireMessage } from "../../src/core/reply";
import { MSG, SID, USER } from "./reply-events";

/** A loose JSON object (a stored part or info as a server may send it). */
export type Raw = Record<string, unknown>;

/** A stored user message (its parts are the prompt). */
export function storedUser(id = USER, parts: Raw[] = []): Raw {
  return { info: { id, sessionID: SID, role: "user" }, parts: parts.map((p) => ({ sessionID: SID, messageID: id, ...p })) };
}

/** A stored assistant message answering `parentID`; its parts get sessionID and messageID. */
export function storedAssistant(id: string = MSG, parts: Raw[] = [], parentID: string = USER, info: Raw = {}): Raw {
  return {
    info: { id, sessionID: SID, role: "assistant", parentID, cost: 0, tokens: {}, ...info },
    parts: parts.map((p) => ({ sessionID: SID, messageID: id, ...p })),
  };
}

/** The list as the merge functions take it (entries may be malformed on purpose). */
export function storedList(...messages: unknown[]): WireMessage[] {
  return messages as WireMessage[];
}

/** A stored text part. */
export function storedText(id: string, text: unknown, extra: Raw = {}): Raw {
  return { id, type: "text", text, ...extra };
}

/** A stored reasoning part. */
export function storedReasoning(id: string, text: unknown, extra: Raw = {}): Raw {
  return { id, type: "reasoning", text, ...extra };
}

/** A stored tool part. */
export function storedTool(id: string, tool: string, state: Raw, extra: Raw = {}): Raw {
  return { id, type: "tool", tool, callID: `call_${id}`, state, ...extra };
}

/** A stored step-finish part. */
export function storedStep(id: string, cost: number, tokens: Raw): Raw {
  return { id, type: "step-finish", reason: "stop", cost, tokens };
}
