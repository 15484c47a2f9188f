/**
 * Parts of chat messages: stored parts in the reply store's shapes (converted once per stored
 * object), and identity kept across sources, so a message switching from the live turn to the
 * stored history (or an optimistic message to the server's echo) does not re-render its views.
 */
import type { Part } from "@opencode-ai/sdk/v2";
import type { ReplyPart } from "../../core/reply";
import { jsonEqual } from "../../core/reply/reducer/wire";
import { partFromWire } from "../../core/reply/reducer/wire-parts";

const converted = new WeakMap<Part, ReplyPart | null>();
const convertedLists = new WeakMap<readonly Part[], readonly ReplyPart[]>();

/**
 * A stored message's parts in the live shapes, cached per parts array (and per part).
 * @example storedParts(message.parts)
 */
export function storedParts(parts: readonly Part[]): readonly ReplyPart[] {
  let list = convertedLists.get(parts);
  if (list !== undefined) return list;
  const built: ReplyPart[] = [];
  for (const part of parts) {
    let live = converted.get(part);
    if (live === undefined) {
      live = partFromWire(part) ?? null;
      converted.set(part, live);
    }
    if (live !== null) built.push(live);
  }
  list = built;
  convertedLists.set(parts, list);
  return list;
}

/** Same content, `raw` (the snapshot it came from) aside. */
export function samePart(a: ReplyPart, b: ReplyPart): boolean {
  if (a === b) return true;
  if (a.type !== b.type || a.id !== b.id) return false;
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => key !== "raw" && left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => key !== "raw" && right[key] !== undefined).length) return false;
  if (a.type !== "text" && a.type !== "reasoning" && a.type !== "tool" && !jsonEqual(left.raw, right.raw)) return false;
  return keys.every((key) => jsonEqual(left[key], right[key]));
}

/**
 * `next` with each part replaced by the previous part of the same id when equal in content, and
 * `previous` itself when every part is.
 * @example reuseParts(storedParts(message.parts), lastRendered.parts)
 */
export function reuseParts(next: readonly ReplyPart[], previous: readonly ReplyPart[] | undefined): readonly ReplyPart[] {
  if (previous === undefined || next === previous) return next;
  let byId: Map<string, ReplyPart> | undefined;
  let changed = next.length !== previous.length;
  const result = next.map((part, index) => {
    if (previous[index] === part) return part;
    byId ??= new Map(previous.map((p) => [p.id, p] as const));
    const before = byId.get(part.id);
    if (before !== undefined && samePart(before, part)) {
      if (previous[index] !== before) changed = true;
      return before;
    }
    changed = true;
    return part;
  });
  return changed ? result : previous;
}
