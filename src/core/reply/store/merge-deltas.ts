/**
 * Runs of consecutive deltas of the same part (same session, message, field) are folded into one
 * delta carrying their joined text: the reducer then makes one new state for the run instead of
 * one per token. Exact: appending "a" then "b" is appending "ab", and the run's first delta
 * already decides whether the part is created and whether it is text (TXT-04, TXT-10).
 *
 * The store folds as events ARRIVE ({@link PendingEvents}), not when the frame is applied: a
 * buffered event would otherwise live until the flush, and thousands of them surviving the young
 * generation's collections were a third of the store's cost. Folded on arrival, an event is
 * garbage as soon as its text is taken; only the first event of each run is kept.
 *
 * Measured (issue 10): folding does not pay for speed (default ingest the same or better without
 * it), but it keeps the heap bounded: a part's text is `text + delta` (a V8 rope, no copy), and one
 * joined string per run instead of one rope node per token keeps 100,000 deltas at 0.8 MB of heap
 * instead of 3.1 MB (4.7x the text, over the 2x budget).
 */
import type { WireEvent } from "../../events/types";

const DELTA = "message.part.delta";

/** A delta whose text is a non-empty string and which names its part (the only ones folded). */
function isFoldable(event: WireEvent): boolean {
  if (event.type !== DELTA) return false;
  const props = event.properties;
  return typeof props.partID === "string" && typeof props.delta === "string" && props.delta !== "";
}

/** `next` continues the run of `first`: same part, message, field and session. */
function sameRun(first: WireEvent, next: WireEvent): boolean {
  // Compared field by field, without a key object per event: this runs once per arriving delta.
  const a = first.properties;
  const b = next.properties;
  return a.partID === b.partID && a.messageID === b.messageID && a.field === b.field && a.sessionID === b.sessionID;
}

/**
 * An ordered buffer of events that folds each run of same-part deltas as it is pushed.
 * @example
 * const pending = new PendingEvents();
 * pending.push(delta("p1", "a"));
 * pending.push(delta("p1", "b"));
 * pending.take(); // [delta("p1", "ab")]
 */
export class PendingEvents {
  private events: WireEvent[] = [];
  /** The text pieces of the last event's run, when that event is a foldable delta. */
  private pieces: string[] | undefined;

  /** Number of entries (a folded run counts once). */
  get size(): number {
    return this.events.length;
  }

  /** Appends `event`, folding it into the run of the previous one when it continues that run. */
  push(event: WireEvent): void {
    const pieces = this.pieces;
    if (isFoldable(event)) {
      const last = this.events[this.events.length - 1];
      if (pieces !== undefined && last !== undefined && sameRun(last, event)) {
        pieces.push(event.properties.delta as string);
        return;
      }
      this.close();
      this.pieces = [event.properties.delta as string];
    } else {
      this.close();
    }
    this.events.push(event);
  }

  /** The buffered events in arrival order, runs folded; empties the buffer. */
  take(): WireEvent[] {
    this.close();
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Drops everything buffered. */
  clear(): void {
    this.events = [];
    this.pieces = undefined;
  }

  /** Ends the open run: its first event is replaced by one carrying the run's text. */
  private close(): void {
    const pieces = this.pieces;
    this.pieces = undefined;
    if (pieces === undefined || pieces.length < 2) return;
    const index = this.events.length - 1;
    const first = this.events[index] as WireEvent;
    // One flat string for the run (a `+=` chain would leave a rope of one node per token, which
    // the part's text would then carry). The first event's other properties (ids, unknown fields)
    // stand for the run.
    this.events[index] = { type: DELTA, properties: { ...first.properties, delta: pieces.join("") } };
  }
}

/**
 * The batch with each run of same-part deltas folded into one. Returns `events` itself when there
 * is no run to fold.
 * @example mergeDeltaRuns([delta("p", "a"), delta("p", "b")]) // [delta("p", "ab")]
 */
export function mergeDeltaRuns(events: readonly WireEvent[]): readonly WireEvent[] {
  const pending = new PendingEvents();
  for (const event of events) pending.push(event);
  return pending.size === events.length ? events : pending.take();
}
