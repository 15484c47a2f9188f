/**
 * Within one batch, a run of consecutive deltas of the same part (same session, message, field) is
 * folded into one delta carrying their joined text: the reducer then makes one new state for the
 * run instead of one per token. Exact: appending "a" then "b" is appending "ab", and the run's
 * first delta already decides whether the part is created and whether it is text (TXT-04, TXT-10).
 */
import type { WireEvent } from "../events/types";

const DELTA = "message.part.delta";

/** The run key of a delta whose text is a non-empty string; undefined for anything else. */
function runOf(event: WireEvent): Run | undefined {
  if (event.type !== DELTA) return undefined;
  const { partID, messageID, field, delta, sessionID } = event.properties;
  return typeof partID === "string" && typeof delta === "string" && delta !== ""
    ? { partID, messageID, field, sessionID }
    : undefined;
}

interface Run {
  readonly partID: string;
  readonly messageID: unknown;
  readonly field: unknown;
  readonly sessionID: unknown;
}

const sameRun = (a: Run, b: Run): boolean =>
  a.partID === b.partID && a.messageID === b.messageID && a.field === b.field && a.sessionID === b.sessionID;

/**
 * The batch with each run of same-part deltas folded into one. Returns `events` itself when there
 * is no run to fold.
 * @example mergeDeltaRuns([delta("p", "a"), delta("p", "b")]) // [delta("p", "ab")]
 */
export function mergeDeltaRuns(events: readonly WireEvent[]): readonly WireEvent[] {
  let out: WireEvent[] | undefined;
  for (let i = 0; i < events.length; ) {
    const first = events[i] as WireEvent;
    const run = runOf(first);
    let end = i + 1;
    if (run !== undefined) {
      for (; end < events.length; end++) {
        const next = runOf(events[end] as WireEvent);
        if (next === undefined || !sameRun(next, run)) break;
      }
    }
    if (end - i < 2) {
      out?.push(first);
      i = end;
      continue;
    }
    out ??= events.slice(0, i);
    const pieces: string[] = [];
    for (let k = i; k < end; k++) pieces.push((events[k] as WireEvent).properties.delta as string);
    // The first event's other properties (ids, unknown fields) stand for the run.
    out.push({ type: DELTA, properties: { ...first.properties, delta: pieces.join("") } });
    i = end;
  }
  return out ?? events;
}
