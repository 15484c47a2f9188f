/**
 * Parts that are neither text nor tools (step-start, file, patch, ...): kept in order so a UI can
 * show them, never part of the text (USG-04). step-finish is handled by usage.ts (totals).
 */
import type { Part } from "@opencode-ai/sdk/v2";
import { withPart, type ReplyState } from "./state";
import type { ReplyOtherPartType } from "./types";
import { str, type Dict } from "./wire";

const OTHER_TYPES: ReadonlySet<string> = new Set<ReplyOtherPartType>([
  "step-start",
  "step-finish",
  "file",
  "snapshot",
  "patch",
  "agent",
  "retry",
  "compaction",
  "subtask",
]);

/** True for a part type kept as-is. Unknown types (newer servers) are not kept. */
export function isOtherPartType(type: string): type is ReplyOtherPartType {
  return OTHER_TYPES.has(type);
}

/** A snapshot of another known part type: stored, replacing the previous snapshot of that id. */
export function applyOtherSnapshot(state: ReplyState, part: Dict, id: string, type: ReplyOtherPartType): ReplyState {
  const existing = state.parts.get(id);
  if (existing && existing.type !== type) return state;
  const messageID = str(part.messageID);
  // The snapshot was checked for id and type; the rest of the Part is the server's word.
  const raw = part as unknown as Part;
  return withPart(state, { type, id, ...(messageID === undefined ? {} : { messageID }), raw });
}
