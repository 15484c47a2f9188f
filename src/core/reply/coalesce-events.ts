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
 * position), its first text delta while `firstTextSeen` is false (TXT-10), blank snapshots (they
 * only announce the type the creating delta needs, TXT-04) and a dropped snapshot just before such
 * a kept event (it may change the type that event sees). Events of user messages and of other
 * sessions are left alone, and nothing is covered across a new user message (it removes parts).
 * Checked by a property test against reducing every event.
 */
import type { WireEvent } from "../events/types";
import { isOtherPartType } from "./parts-other";
import type { ReplyState } from "./state";
import { isRecord, sessionIdOf, str } from "./wire";

const SNAPSHOT = "message.part.updated";
const DELTA = "message.part.delta";

/** A delta or snapshot of one part, as far as coalescing cares. */
interface PartEvent {
  id: string;
  /** "text" for deltas and text/reasoning snapshots, else the part type: only the same kind covers. */
  kind: string;
  /** A snapshot that fully determines the part (non-blank text, or any other kept type). */
  covers: boolean;
  /** Creates the part when it does not exist yet. */
  creates: boolean;
  /** A non-empty delta with `field: "text"` (may set `firstTextSeen`, TXT-10). */
  text: boolean;
  messageID: string | undefined;
}

// partOf runs for nearly every buffered event and its answer is read only before the next call
// (never kept: the per-part records copy what they need), so one reused object spares the
// garbage collector an allocation per event. coalesceEvents calls no user code: never re-entered.
const SCRATCH: PartEvent = { id: "", kind: "", covers: false, creates: false, text: false, messageID: undefined };

function fill(id: string, kind: string, covers: boolean, creates: boolean, text: boolean, messageID: string | undefined): PartEvent {
  SCRATCH.id = id;
  SCRATCH.kind = kind;
  SCRATCH.covers = covers;
  SCRATCH.creates = creates;
  SCRATCH.text = text;
  SCRATCH.messageID = messageID;
  return SCRATCH;
}

/**
 * The part event, or undefined for anything the reducer treats otherwise (kept as it is). The
 * answer is {@link SCRATCH}: valid until the next call.
 */
function partOf(event: WireEvent, sessionId: string): PartEvent | undefined {
  const props = event.properties;
  const session = sessionIdOf(props);
  if (session !== undefined && session !== sessionId) return undefined;
  if (event.type === DELTA) {
    const id = str(props.partID);
    if (id === undefined || (props.field !== "text" && props.field !== "reasoning")) return undefined;
    const delta = props.delta;
    const creates = (typeof delta === "string" && delta !== "") || typeof delta === "number" || typeof delta === "boolean";
    return fill(id, "text", false, creates, creates && props.field === "text", str(props.messageID));
  }
  if (event.type !== SNAPSHOT || !isRecord(props.part)) return undefined;
  const part = props.part;
  const id = str(part.id);
  const type = str(part.type);
  if (id === undefined || type === undefined || type === "tool") return undefined;
  const messageID = str(part.messageID);
  if (type === "text" || type === "reasoning") {
    const present = typeof part.text === "string" && part.text.trim() !== "";
    return fill(id, "text", present, present, false, messageID);
  }
  return isOtherPartType(type) ? fill(id, type, true, true, false, messageID) : undefined;
}

/** User message ids: the state's, plus those a `message.updated` of the batch announced so far. */
class UserIds {
  // Created on the first announcement: most batches have none (this runs once per frame).
  private added: Set<string> | undefined;
  // The last answer. Every event's ids are fresh strings from JSON.parse, so a keyed lookup hashes
  // (and for the plain object, internalizes) ~30 characters each time, while the deltas of a run
  // all name the same message: comparing with the previous id is a short memcmp instead.
  private lastId: string | undefined;
  private lastAnswer = false;
  constructor(private readonly state: ReplyState) {}
  /** Notes a user message announced by `event`; true when it did. */
  note(event: WireEvent): boolean {
    if (event.type !== "message.updated") return false;
    const info = event.properties.info;
    const id = isRecord(info) && info.role === "user" ? str(info.id) : undefined;
    if (id === undefined) return false;
    (this.added ??= new Set()).add(id);
    this.lastId = undefined; // the answer for `id` may have changed
    return true;
  }
  has(id: string | undefined): boolean {
    if (id === undefined) return false;
    if (id === this.lastId) return this.lastAnswer;
    const answer = this.state.userMessageIds[id] === true || this.added?.has(id) === true;
    this.lastId = id;
    this.lastAnswer = answer;
    return answer;
  }
}

/** Per part: what the kept events already did (so later covered events can go). */
interface Seen {
  /** The covering snapshot of this part in the current segment, if any. */
  readonly cover: { index: number; kind: string } | undefined;
  created: boolean;
  textSeen: boolean;
  /** The latest dropped snapshot since the last kept event: it fixes the type a kept delta sees. */
  pending: WireEvent | undefined;
}

/**
 * The batch without the events a later snapshot in the same batch makes redundant (see the module
 * comment). Returns `events` itself when nothing can be dropped.
 * @example coalesceEvents([delta("p", "a"), delta("p", "b"), textSnap("p", "ab")], state) // the creating delta and the snapshot
 */
export function coalesceEvents(events: readonly WireEvent[], state: ReplyState): readonly WireEvent[] {
  // Only a snapshot after some other event can cover anything: most batches (a few events between
  // two status changes) have none, and skip the bookkeeping below.
  let later = false;
  for (let i = 1; i < events.length && !later; i++) later = (events[i] as WireEvent).type === SNAPSHOT;
  if (!later) return events;
  // A new user message removes the parts of that message (USG-05), and which parts those are
  // depends on every snapshot before it: a snapshot never covers events across one (segments).
  const covers: Map<string, { index: number; kind: string }>[] = [];
  let any = false;
  let users = new UserIds(state);
  let segment = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as WireEvent;
    if (users.note(event)) segment += 1;
    if (event.type !== SNAPSHOT) continue;
    const part = partOf(event, state.sessionId);
    // A snapshot of a user message's part is skipped by the reducer: it covers nothing.
    if (!part?.covers || users.has(part.messageID)) continue;
    (covers[segment] ??= new Map()).set(part.id, { index: i, kind: part.kind });
    any = true;
  }
  if (!any) return events;
  users = new UserIds(state);
  segment = 0;
  const kept: WireEvent[] = [];
  const seen = new Map<string, Seen>();
  // The record of the previous part event: runs of deltas of one part skip the Map lookup (a fresh
  // id string is hashed on every lookup; comparing it with the previous one is cheaper).
  let lastId: string | undefined;
  let last: Seen | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as WireEvent;
    if (users.note(event)) {
      segment += 1;
      // Whatever existed may be gone now: the next creating event of every part is kept.
      seen.clear();
      lastId = undefined;
    }
    const part = event.type === SNAPSHOT || event.type === DELTA ? partOf(event, state.sessionId) : undefined;
    // Events of user messages change nothing in the reducer: kept, and they prove nothing.
    if (part === undefined || users.has(part.messageID)) {
      kept.push(event);
      continue;
    }
    let record = part.id === lastId ? last : seen.get(part.id);
    if (record === undefined) {
      record = {
        cover: covers[segment]?.get(part.id),
        created: segment === 0 && state.parts.has(part.id),
        textSeen: state.firstTextSeen,
        pending: undefined,
      };
      seen.set(part.id, record);
    }
    lastId = part.id;
    last = record;
    const cover = record.cover;
    const covered = cover !== undefined && i < cover.index && cover.kind === part.kind;
    // A blank snapshot is kept: it announces the part's type (TXT-04) for the delta that creates it.
    const blank = event.type === SNAPSHOT && !part.covers;
    const needed = !covered || blank || (part.creates && !record.created) || (part.text && !record.textSeen);
    // A snapshot may change the part's type, and with it what the next text delta does (TXT-10).
    if (event.type === SNAPSHOT) record.textSeen = state.firstTextSeen;
    if (!needed) {
      if (event.type === SNAPSHOT) record.pending = event;
      continue;
    }
    // A dropped snapshot that a kept event of its part follows is kept after all, just before it:
    // it may set the type that event sees. It moves only past other parts' events, which never
    // depend on it. The covering snapshot makes it redundant.
    if (record.pending !== undefined && (cover === undefined || i !== cover.index)) kept.push(record.pending);
    record.pending = undefined;
    record.created ||= part.creates;
    record.textSeen ||= part.text;
    kept.push(event);
  }
  return kept;
}
