/**
 * Text and reasoning parts (TXT-01..TXT-19): deltas append, a non-blank snapshot is
 * authoritative (it repairs deltas a provider dropped, even when shorter), a blank snapshot only
 * announces the part's type.
 */
import type { ReasoningPart, TextPart } from "@opencode-ai/sdk/v2";
import { NO_AHEAD, withPart, type ReplyState } from "./state";
import { patchState } from "./state-copy";
import type { ReplyReasoningPart, ReplyTextPart } from "./types";
import { isRecord, num, str, type Dict } from "./wire";

type TextLike = ReplyTextPart | ReplyReasoningPart;
type TextTime = TextLike["time"];

function isTextLike(part: { type: string } | undefined): part is TextLike {
  return part?.type === "text" || part?.type === "reasoning";
}

/**
 * A copy of a text or reasoning part with new text. Written out rather than spread: V8 copies a
 * spread of a spread-made object on a slow path, and this runs once per delta. (A delta's text is
 * `text + delta`, a V8 rope: no copy of the text. A rope of sealed chunks was measured against it
 * and did not pay: same time per delta, same heap; see the issue 10 notes.)
 * @example const next = withText(part, snapshotText);
 */
export function withText<P extends TextLike>(part: P, text: string): P {
  const next: { -readonly [K in keyof TextLike]?: TextLike[K] } = { id: part.id, type: part.type, text };
  if (part.messageID !== undefined) next.messageID = part.messageID;
  if (part.time !== undefined) next.time = part.time;
  if (part.raw !== undefined) next.raw = part.raw;
  return next as P;
}

/** Builds a text or reasoning part; `base` carries the fields shared with the previous version. */
function textPart(type: "text" | "reasoning", base: Omit<ReplyTextPart, "type" | "raw">, raw?: Dict): TextLike {
  // Field by field, in the order `withText` uses, so every text part has one shape.
  const part: { -readonly [K in keyof TextLike]?: TextLike[K] } = { id: base.id, type, text: base.text };
  if (base.messageID !== undefined) part.messageID = base.messageID;
  if (base.time !== undefined) part.time = base.time;
  // The snapshot was checked for id and type; the rest of TextPart/ReasoningPart is the server's word.
  if (raw !== undefined) part.raw = raw as unknown as TextPart & ReasoningPart;
  return part as TextLike;
}

function readTime(value: unknown): TextTime {
  if (!isRecord(value)) return undefined;
  const start = num(value.start);
  const end = num(value.end);
  if (start === undefined) return end === undefined ? undefined : { end };
  return end === undefined ? { start } : { start, end };
}

function sameTime(a: TextTime, b: TextTime): boolean {
  return a?.start === b?.start && a?.end === b?.end;
}

/** The delta text: strings as they are, numbers and booleans stringified (TXT-08). */
function deltaText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * `message.part.delta`: appends to a text or reasoning part, creating it when the delta beats
 * the first snapshot. The type comes from the snapshot memo, not from `field` (reasoning deltas
 * say `field: "text"`, TXT-04).
 */
export function applyDelta(state: ReplyState, props: Dict): ReplyState {
  const id = str(props.partID);
  const field = props.field;
  const delta = deltaText(props.delta);
  // No id: nothing to key it by (TXT-09). Other fields (tool input, ...) are not text (TXT-06).
  if (id === undefined || (field !== "text" && field !== "reasoning") || !delta) return state;
  const messageID = str(props.messageID);
  const existing = state.parts.get(id);
  let next: TextLike;
  if (existing) {
    if (!isTextLike(existing)) return state;
    if (state.ahead !== NO_AHEAD && (state.ahead[id] ?? 0) > 0) return skipAhead(state, existing, id, delta);
    next = withText(existing, existing.text + delta);
  } else {
    const type = state.typeMemo.get(id) ?? (field === "reasoning" ? "reasoning" : "text");
    next = textPart(type, messageID === undefined ? { id, text: delta } : { id, messageID, text: delta });
  }
  const updated = withPart(state, next);
  return next.type === "text" && field === "text" && !updated.firstTextSeen
    ? { ...updated, firstTextSeen: true }
    : updated;
}

/**
 * A delta into a part whose text a mid-turn fetch took ahead of the stream: the characters the
 * stored text already holds are skipped, the rest appended (OpenChamber's
 * `appendNonOverlappingDelta` solves the same problem), so the text stays a prefix of the stored one.
 */
function skipAhead(state: ReplyState, part: TextLike, id: string, delta: string): ReplyState {
  const skip = state.ahead[id] ?? 0;
  const { [id]: _done, ...rest } = state.ahead;
  const left = skip - delta.length;
  const ahead = left > 0 ? { ...rest, [id]: left } : Object.keys(rest).length === 0 ? NO_AHEAD : rest;
  const tail = left >= 0 ? "" : delta.slice(skip);
  const next = tail === "" ? state : withPart(state, withText(part, part.text + tail));
  return patchState(next, { ahead });
}

/** `message.part.updated` for a text or reasoning part. */
export function applyTextSnapshot(state: ReplyState, part: Dict, id: string, type: "text" | "reasoning"): ReplyState {
  const text = str(part.text);
  const present = text !== undefined && text.trim() !== "";
  const existing = state.parts.get(id);
  if (existing && !isTextLike(existing)) return state;
  if (!present) {
    if (existing) {
      // TXT-14 keeps the content; we still fix a wrong type (divergence from TXT-05, see docs).
      return existing.type === type ? state : withPart(state, textPart(type, existing, part));
    }
    // TXT-17: nothing to show yet, but remember the type for the deltas that follow.
    return state.typeMemo.get(id) === type ? state : { ...state, typeMemo: state.typeMemo.set(id, type) };
  }
  // A snapshot is authoritative: nothing of this part is ahead of the stream any more.
  if (state.ahead !== NO_AHEAD && id in state.ahead) {
    const { [id]: _done, ...rest } = state.ahead;
    state = patchState(state, { ahead: Object.keys(rest).length === 0 ? NO_AHEAD : rest });
  }
  const time = readTime(part.time);
  if (existing && existing.type === type && existing.text === text && sameTime(existing.time, time)) return state;
  const messageID = str(part.messageID) ?? existing?.messageID;
  // Built field by field (not spreads): one of these per text snapshot, some with long text.
  const base: { -readonly [K in keyof Omit<ReplyTextPart, "type" | "raw">]: ReplyTextPart[K] } = { id, text };
  if (messageID !== undefined) base.messageID = messageID;
  if (time !== undefined) base.time = time;
  return withPart(state, textPart(type, base, part));
}
