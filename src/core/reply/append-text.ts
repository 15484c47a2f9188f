/**
 * The text half of a delta, at O(size of the delta). `a + b` makes a rope (a V8 ConsString):
 * no copy, but every piece keeps ~60 bytes of nodes alive, several times the text itself after
 * 100k small deltas. So the rope is flattened now and then: whenever the length passes the next
 * of 16 steps per doubling. Each flatten copies the text once, so the copying is amortised to a
 * few bytes per appended character and the pieces never outweigh the text (see `npm run bench`).
 */
import type { ReplyReasoningPart, ReplyTextPart } from "./types";

/** Below this length a rope is cheap, and V8 flattens it anyway the first time it is read. */
const FLATTEN_FROM = 4096;

/** `length` rounded down to its 5 most significant bits: it changes 16 times per doubling. */
function step(length: number): number {
  const shift = Math.max(0, 27 - Math.clz32(length));
  return length >>> shift;
}

/** Flattens a rope in place (engines keep the same string, now flat); a no-op for flat strings. */
function flatten(text: string): void {
  // Number() reads every character, which makes V8 (and JSC, SpiderMonkey) flatten the rope in place.
  Number(text);
}

/**
 * `previous + delta`, flattened when the length crosses one of the geometric steps.
 * @example part.text = appendText(part.text, delta);
 */
export function appendText(previous: string, delta: string): string {
  const next = previous + delta;
  if (next.length >= FLATTEN_FROM && step(next.length) !== step(previous.length)) flatten(next);
  return next;
}

type TextLike = ReplyTextPart | ReplyReasoningPart;

/**
 * A copy of a text or reasoning part with new text. Written out rather than spread: V8 copies a
 * spread of a spread-made object on a slow path, and this runs once per delta.
 * @example const next = withText(part, appendText(part.text, delta));
 */
export function withText<P extends TextLike>(part: P, text: string): P {
  const next: { -readonly [K in keyof TextLike]?: TextLike[K] } = { id: part.id, type: part.type, text };
  if (part.messageID !== undefined) next.messageID = part.messageID;
  if (part.time !== undefined) next.time = part.time;
  if (part.raw !== undefined) next.raw = part.raw;
  return next as P;
}
