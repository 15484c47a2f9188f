/**
 * Pins on the stream itself, for the capture replays (issue 17): the captures end with a full-text
 * snapshot and the final merge is answered with the stored messages, so the end result alone never
 * shows text streamed twice or lost. These check every moment of the replay instead:
 * - at every update, every text/reasoning part is a prefix of the text the server stored for it
 *   (parts the server later stores empty, a retried attempt, aside);
 * - just before a part's closing snapshot, its text equals the deltas it received, concatenated.
 */
import type { WireEvent } from "../../src/core/events/types";
import type { ReplyPart } from "../../src/core/reply";

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === "object" && value !== null && !Array.isArray(value);

/** The stored text of every text/reasoning part of the capture's messages, by part id. */
export function storedTexts(messages: readonly unknown[]): ReadonlyMap<string, string> {
  const texts = new Map<string, string>();
  for (const message of messages) {
    if (!isDict(message) || !Array.isArray(message.parts)) continue;
    for (const part of message.parts) {
      if (isDict(part) && (part.type === "text" || part.type === "reasoning") && typeof part.id === "string" && typeof part.text === "string") {
        texts.set(part.id, part.text);
      }
    }
  }
  return texts;
}

/** What the pins found wrong (empty when the stream held). */
export interface StreamPins {
  /** Check the parts of one update. */
  update(parts: Iterable<ReplyPart>): void;
  /** Call before an event is applied; `current` reads the part's text as the state holds it now. */
  before(event: WireEvent, current: (partId: string) => string | undefined): void;
  readonly violations: string[];
  /** Number of closing snapshots checked against their deltas. */
  readonly closings: number;
}

/**
 * Creates the pins for a capture's events and stored messages.
 * @example const pins = streamPins(capture.events, capture.messages); store.subscribe((s) => pins.update(s.parts));
 */
export function streamPins(events: readonly WireEvent[], messages: readonly unknown[]): StreamPins {
  const stored = storedTexts(messages);
  // The last delta of each part: the snapshot after it closes the part.
  const lastDelta = new Map<string, number>();
  events.forEach((event, i) => {
    if (event.type === "message.part.delta" && typeof event.properties.partID === "string") lastDelta.set(event.properties.partID, i);
  });
  const deltas = new Map<string, string>();
  const violations: string[] = [];
  let index = -1;
  let closings = 0;
  return {
    violations,
    get closings() {
      return closings;
    },
    update(parts) {
      for (const part of parts) {
        if (part.type !== "text" && part.type !== "reasoning") continue;
        const full = stored.get(part.id);
        if (full === undefined || full === "") continue;
        if (!full.startsWith(part.text)) violations.push(`${part.id}: "${part.text.slice(0, 60)}" is not a prefix of the stored text`);
      }
    },
    before(event, current) {
      index += 1;
      const props = event.properties;
      if (event.type === "message.part.delta" && typeof props.partID === "string" && typeof props.delta === "string" && (props.field === "text" || props.field === "reasoning")) {
        deltas.set(props.partID, (deltas.get(props.partID) ?? "") + props.delta);
        return;
      }
      if (event.type !== "message.part.updated" || !isDict(props.part) || typeof props.part.id !== "string") return;
      const id = props.part.id;
      const last = lastDelta.get(id);
      if (last === undefined || index < last || !deltas.has(id)) return;
      const streamed = deltas.get(id) as string;
      deltas.delete(id); // one closing snapshot per part
      closings += 1;
      const text = current(id);
      if (text !== streamed) violations.push(`${id}: before its closing snapshot the text is "${String(text).slice(0, 60)}", the deltas say "${streamed.slice(0, 60)}"`);
    },
  };
}
