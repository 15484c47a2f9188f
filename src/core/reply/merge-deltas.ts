/**
 * Within one batch, a run of consecutive deltas of the same part (same session, message, field) is
 * folded into one delta carrying their joined text: the reducer then makes one new state for the
 * run instead of one per token. Exact: appending "a" then "b" is appending "ab", and the run's
 * first delta already decides whether the part is created and whether it is text (TXT-04, TXT-10).
 */
import type { WireEvent } from "../events/types";

const DELTA = "message.part.delta";

/** A delta whose text is a non-empty string and which names its part (the only ones folded). */
function isFoldable(event: WireEvent): boolean {
  if (event.type !== DELTA) return false;
  const props = event.properties;
  return typeof props.partID === "string" && typeof props.delta === "string" && props.delta !== "";
}

/** `next` continues the run of `first`: same part, message, field and session. */
function sameRun(first: WireEvent, next: WireEvent): boolean {
  // Compared field by field, without a key object per event: this runs once per buffered event.
  const a = first.properties;
  const b = next.properties;
  return a.partID === b.partID && a.messageID === b.messageID && a.field === b.field && a.sessionID === b.sessionID;
}

/**
 * The batch with each run of same-part deltas folded into one. Returns `events` itself when there
 * is no run to fold.
 * @example mergeDeltaRuns([delta("p", "a"), delta("p", "b")]) // [delta("p", "ab")]
 */
export function mergeDeltaRuns(events: readonly WireEvent[]): readonly WireEvent[] {
  let out: WireEvent[] | undefined;
  for (let i = 0; i < events.length; ) {
    const first = events[i] as WireEvent;
    let end = i + 1;
    if (isFoldable(first)) {
      for (; end < events.length; end++) {
        const next = events[end] as WireEvent;
        if (!isFoldable(next) || !sameRun(first, next)) break;
      }
    }
    if (end - i < 2) {
      out?.push(first);
      i = end;
      continue;
    }
    out ??= events.slice(0, i);
    // One flat string for the run (a `+=` chain would leave a rope of one node per token, which
    // the part's text would then carry).
    const pieces: string[] = [];
    for (let k = i; k < end; k++) pieces.push((events[k] as WireEvent).properties.delta as string);
    // The first event's other properties (ids, unknown fields) stand for the run.
    out.push({ type: DELTA, properties: { ...first.properties, delta: pieces.join("") } });
    i = end;
  }
  return out ?? events;
}
