/**
 * The text half of a delta, at O(size of the delta), and no single delta ever copies the whole
 * text. `a + b` makes a rope (a V8 ConsString): no copy, but every piece keeps ~30-60 bytes of
 * nodes alive, several times the text itself after 100k small deltas. Flattening the whole rope
 * now and then bounds that, but the delta that happens to flatten pays a full copy (ms at 1 MB).
 *
 * So a streamed part's text is kept as two ropes, `text === head + tail`:
 * - `head`: the sealed text, a rope of flat chunks of >= SEAL characters (one node per chunk);
 * - `tail`: the latest deltas, a rope of small pieces, shorter than SEAL.
 * A delta extends the tail; when the tail reaches SEAL it is flattened (a copy of SEAL
 * characters at most, so at most a constant per delta and ~1 byte per appended character) and
 * sealed into the head. `part.text` is always a plain string (`head + tail`, one node); readers
 * that need it flat (rendering) pay that copy themselves, on read, as with any string.
 *
 * The split lives in a private field of the part object (a `StreamedText`, built only here): an
 * own property would show in spreads, equality checks and JSON, and a WeakMap or an
 * `Object.defineProperty` per delta measured 2-6x slower in a micro-benchmark of this function
 * (the WeakMap mostly in GC: its entries are ephemerons). A private field is invisible to
 * spreads, `toEqual` and JSON, so the part reads and compares like the plain objects the rest of
 * the reducer builds (only its prototype differs); a part rebuilt elsewhere (a spread, a
 * snapshot, the mid-turn merge) simply has no split and starts a fresh one.
 */
import type { ReplyReasoningPart, ReplyTextPart } from "./types";

type TextLike = ReplyTextPart | ReplyReasoningPart;

/** Tail length at which it is flattened and sealed: a bounded copy, and few head nodes (1 per 4 K). */
const SEAL = 4096;

/** How a part's text splits into sealed chunks and the pieces since; `head + tail === part.text`. */
interface Split {
  readonly head: string;
  readonly tail: string;
}

/**
 * A text or reasoning part built by a delta: the same public fields as the plain parts, plus the
 * split of its text. Fields are assigned in the order, and only when, `withText` sets them, so it
 * has the same keys as the part it replaces.
 */
class StreamedText {
  readonly id: string;
  readonly type: TextLike["type"];
  readonly text: string;
  // `declare`: no own property unless assigned (a class field would add `messageID: undefined`).
  declare readonly messageID?: string;
  declare readonly time?: TextLike["time"];
  declare readonly raw?: TextLike["raw"];
  readonly #split: Split;

  constructor(part: TextLike, text: string, split: Split) {
    this.id = part.id;
    this.type = part.type;
    this.text = text;
    const self = this as { -readonly [K in keyof TextLike]?: TextLike[K] };
    if (part.messageID !== undefined) self.messageID = part.messageID;
    if (part.time !== undefined) self.time = part.time;
    if (part.raw !== undefined) self.raw = part.raw;
    this.#split = split;
  }

  /** The split of `part`'s text, when `part` was built by a delta. */
  static splitOf(part: TextLike): Split | undefined {
    return part instanceof StreamedText ? part.#split : undefined;
  }
}

/** Flattens a rope in place (engines keep the same string, now flat); a no-op for flat strings. */
function flatten(text: string): void {
  // Number() reads every character, which makes V8 (and JSC, SpiderMonkey) flatten the rope in place.
  Number(text);
}

/**
 * A copy of a text or reasoning part with new text. Written out rather than spread: V8 copies a
 * spread of a spread-made object on a slow path, and this runs once per delta.
 * @example const next = withText(part, snapshotText);
 */
export function withText<P extends TextLike>(part: P, text: string): P {
  const next: { -readonly [K in keyof TextLike]?: TextLike[K] } = { id: part.id, type: part.type, text };
  if (part.messageID !== undefined) next.messageID = part.messageID;
  if (part.time !== undefined) next.time = part.time;
  if (part.raw !== undefined) next.raw = part.raw;
  return next as P;
}

/**
 * `part` with `delta` appended to its text: a new part (the old one is untouched), whose `text`
 * equals `part.text + delta`. Costs O(delta) plus, once per SEAL characters, a copy of at most
 * SEAL characters; never a copy of the whole text.
 * @example next = appendDelta(existing, delta);
 */
export function appendDelta<P extends TextLike>(part: P, delta: string): P {
  const split = StreamedText.splitOf(part);
  // The length check guards the invariant should a part ever be mutated behind our back.
  const known = split !== undefined && split.head.length + split.tail.length === part.text.length;
  const head = known ? split.head : part.text;
  const tail = known ? split.tail + delta : delta;
  // The cast: a StreamedText has exactly the fields of `part`'s type (P is text or reasoning).
  if (tail.length < SEAL) return new StreamedText(part, head + tail, { head, tail }) as unknown as P;
  // Seal: flatten the previous tail in place (its small pieces are released) and take the
  // previous text as the new head, so that if a reader flattened it meanwhile (rendering does),
  // the head is that flat copy and the old chunk rope can go: ~1x the text, not 2x.
  if (known) flatten(split.tail);
  else flatten(delta);
  const sealed = part.text + delta;
  return new StreamedText(part, sealed, { head: sealed, tail: "" }) as unknown as P;
}
