/**
 * Live parts from stored parts (`GET /session/:id/message`), read with the same rules as the
 * stream so a stored part and its streamed twin compare equal.
 */
import { initialReplyState, type ReplyState } from "./state";
import { applyOtherSnapshot, isOtherPartType } from "./parts-other";
import { applyTextSnapshot } from "./parts-text";
import { registerToolPart } from "./parts-tool";
import type { ReplyPart } from "./types";
import { isRecord, str } from "./wire";

const scratch: ReplyState = initialReplyState("");

/**
 * The live form of one stored part, or undefined for a part without id, of an unknown type, or
 * a text/reasoning part whose stored text is blank (the stream never shows those either; the
 * final merge keeps the streamed text then, where the reference erases it, FX-12).
 */
export function partFromWire(value: unknown): ReplyPart | undefined {
  if (!isRecord(value)) return undefined;
  const id = str(value.id);
  const type = str(value.type);
  if (id === undefined || type === undefined) return undefined;
  if (type === "text" || type === "reasoning") return applyTextSnapshot(scratch, value, id, type).parts.get(id);
  if (type === "tool") {
    const part = registerToolPart(id, value);
    // TP-02: an error only belongs to a failed call.
    if (part.status === "error" || part.error === undefined) return part;
    const { error: _dropped, ...rest } = part;
    return rest;
  }
  return isOtherPartType(type) ? applyOtherSnapshot(scratch, value, id, type).parts.get(id) : undefined;
}
