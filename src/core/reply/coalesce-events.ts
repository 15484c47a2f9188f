/**
 * Coalescing of one buffered batch: a later snapshot that fully determines a part makes the
 * earlier events of that part in the same batch redundant, so they are dropped before reducing.
 * The result must equal applying every event (the store's state never depends on frame timing),
 * up to the `raw` of a text part (the reducer keeps an older snapshot there when a newer one
 * changes nothing; a skipped older one cannot be kept):
 * - text/reasoning: a snapshot with non-blank text replaces the text (TXT-11), so the deltas and
 *   snapshots of that part before it are dropped;
 * - other kept types (step-start, step-finish, file, patch, ...): a snapshot replaces the previous
 *   one of the same part (latest wins);
 * - tool snapshots are never dropped: they merge field by field (TP-06..TP-10), so an earlier one
 *   can carry a field the latest lacks.
 * Kept even when covered: the event that creates a part new to the state (it fixes the part's
 * position), its first text delta while `firstTextSeen` is false (TXT-10), and blank snapshots
 * (they only announce the type the creating delta needs, TXT-04; one per part).
 */
import type { WireEvent } from "../events/types";
import { isOtherPartType } from "./parts-other";
import type { ReplyState } from "./state";
import { isRecord, str } from "./wire";

const SNAPSHOT = "message.part.updated";
const DELTA = "message.part.delta";

/** The part id a delta or a snapshot is about, with whether a snapshot fully determines the part. */
function partOf(event: WireEvent): { id: string; covers: boolean; creates: boolean; text: boolean } | undefined {
  const props = event.properties;
  if (event.type === DELTA) {
    const id = str(props.partID);
    const delta = props.delta;
    const nonEmpty = (typeof delta === "string" && delta !== "") || typeof delta === "number" || typeof delta === "boolean";
    return id === undefined ? undefined : { id, covers: false, creates: nonEmpty, text: nonEmpty && props.field === "text" };
  }
  if (event.type !== SNAPSHOT || !isRecord(props.part)) return undefined;
  const part = props.part;
  const id = str(part.id);
  const type = str(part.type);
  if (id === undefined || type === undefined || type === "tool") return undefined;
  if (type === "text" || type === "reasoning") {
    const text = part.text;
    const present = typeof text === "string" && text.trim() !== "";
    return { id, covers: present, creates: present, text: false };
  }
  return isOtherPartType(type) ? { id, covers: true, creates: true, text: false } : undefined;
}

/** Per part: what the kept events already did (so later covered events can go). */
interface Seen {
  created: boolean;
  textSeen: boolean;
  /** The latest dropped snapshot since the last kept event: it fixes the type a kept delta sees. */
  pending: WireEvent | undefined;
}

/**
 * The batch without the events a later snapshot in the same batch makes redundant (see the module
 * comment). Returns `events` itself when nothing can be dropped.
 * @example coalesceEvents([delta("p", "a"), delta("p", "b"), textSnap("p", "ab")], state) // the snapshot (and the creating delta)
 */
export function coalesceEvents(events: readonly WireEvent[], state: ReplyState): readonly WireEvent[] {
  let lastCover: Map<string, number> | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as WireEvent;
    if (event.type !== SNAPSHOT) continue;
    const part = partOf(event);
    if (part?.covers) (lastCover ??= new Map()).set(part.id, i);
  }
  if (lastCover === undefined) return events;
  const kept: WireEvent[] = [];
  const seen = new Map<string, Seen>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as WireEvent;
    const part = event.type === SNAPSHOT || event.type === DELTA ? partOf(event) : undefined;
    const cover = part === undefined ? undefined : lastCover.get(part.id);
    // A blank snapshot is kept: it announces the part's type (TXT-04) for the delta that creates it.
    if (part === undefined || cover === undefined || i >= cover || (event.type === SNAPSHOT && !part.covers)) {
      kept.push(event);
      continue;
    }
    let record = seen.get(part.id);
    if (record === undefined) {
      record = { created: state.parts.has(part.id), textSeen: state.firstTextSeen, pending: undefined };
      seen.set(part.id, record);
    }
    const needed = (part.creates && !record.created) || (part.text && !record.textSeen);
    if (!needed) {
      if (event.type === SNAPSHOT) record.pending = event;
      continue;
    }
    // Moved later past other parts' events only, which never depend on it.
    if (record.pending !== undefined) kept.push(record.pending);
    record.pending = undefined;
    record.created ||= part.creates;
    record.textSeen ||= part.text;
    kept.push(event);
  }
  return kept;
}
