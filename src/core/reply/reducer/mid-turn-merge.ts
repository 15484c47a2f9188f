/**
 * The mid-turn merge: the stored messages fetched while a turn still runs (after a reconnect of
 * the feed, or when a store is created during a turn) merged into the live reply. Unlike the
 * final merge the stored list may lag behind the stream (a part created after the GET was
 * answered, a text not persisted yet), so it never drops a live part and never shortens a text.
 *
 * Texts are stitched: deltas keep arriving while the GET is in flight, and the server's answer
 * holds an unknown number of them. The store records each live text's length when the request
 * left; what was live then is in the stored text (the server stores before it publishes), and the
 * live text after that point overlaps the stored text's end by the deltas the server had when it
 * answered. So the result is the stored text plus the live deltas it does not end with yet.
 */
import { withText } from "./parts-text";
import { reconcileTurn, type WireMessage } from "./reconcile";
import { getPart, listParts, withPart, type ReplyState } from "./state";
import { patchState } from "./state-copy";
import { sumStepTotals } from "./usage";
import { isRecord, jsonEqual, type Dict } from "./wire";

/**
 * The text of a part after a mid-turn fetch: `stored` (the server's), `live` (the stream's), and
 * `sent`, the live length when the request left (0: every live character arrived after it).
 * Ambiguous when the text repeats itself at the seam (then the longest overlap wins: text is
 * never doubled, at worst a repeat is missing until the part's next snapshot).
 * @example stitchText("Hello wor", "ld", 0) // "Hello world"
 */
export function stitchText(stored: string, live: string, sent: number): string {
  const lo = Math.max(1, Math.min(sent, live.length));
  for (let j = Math.min(live.length, stored.length); j >= lo; j--) {
    if (stored.endsWith(live.slice(0, j))) return stored + live.slice(j);
  }
  // The server is ahead of the stream (it answered with deltas still on their way to us).
  if (stored.includes(live)) return stored;
  // Every live delta came after the request and the stored text has none of them.
  if (sent === 0) return stored + live;
  // Inconsistent (the stored text lags behind what was live when we asked): never shorten.
  return live.length > stored.length ? live : stored;
}

/** Lengths of the live texts, by part id: what the server had when the request left. */
export function textLengths(state: ReplyState): ReadonlyMap<string, number> {
  const lengths = new Map<string, number>();
  for (const part of listParts(state)) {
    if (part.type === "text" || part.type === "reasoning") lengths.set(part.id, part.text.length);
  }
  return lengths;
}

/**
 * Merges a mid-turn list into the live reply (see the module comment). `sent` are the live text
 * lengths when the request left ({@link textLengths}). The same state when nothing changes.
 * @example reply = mergeMidTurn(t.reply, items, lengthsWhenAsked);
 */
export function mergeMidTurn(
  live: ReplyState,
  items: readonly WireMessage[],
  sent: ReadonlyMap<string, number>,
  asked: ReplyState["parts"] = live.parts,
): ReplyState {
  let merged = reconcileTurn(live, items);
  if (merged === live) return live;
  let ahead: Record<string, number> | undefined;
  for (const part of listParts(live)) {
    const now = getPart(merged, part.id);
    if (now === undefined) {
      merged = withPart(merged, part);
      continue;
    }
    if (now === part) continue;
    if (now.type !== "text" && now.type !== "reasoning") {
      // Changed on the stream while the GET was in flight (a tool completed): the stream is newer.
      if (part !== asked.get(part.id) && now.type === part.type) merged = withPart(merged, part);
      continue;
    }
    // Text and reasoning stitch with each other too: a store that missed the blank snapshot announcing
    // a reasoning part typed it "text" from its deltas (TXT-04); the stored type wins, the deltas stay.
    if (part.type !== "text" && part.type !== "reasoning") continue;
    const text = stitchText(now.text, part.text, sent.get(part.id) ?? 0);
    if (text !== now.text) merged = withPart(merged, withText(now, text));
    // The server's text runs ahead of the stream: the deltas still to come for it are skipped.
    if (text.length > part.text.length && text.startsWith(part.text)) (ahead ??= { ...merged.ahead })[part.id] = text.length - part.text.length;
  }
  // Totals from every step of the merged list, streamed meanwhile or stored.
  const totals = sumStepTotals(listParts(merged).flatMap((p) => (p.type === "step-finish" && isRecord(p.raw) ? [p.raw as unknown as Dict] : [])));
  return patchState(merged, { totals: jsonEqual(totals, merged.totals) ? merged.totals : totals, ...(ahead ? { ahead } : {}) });
}
