import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { decodeEvent } from "../../src/core/events/decode-event";
import { chunkInvariant, feed, splitAt, splitEvery, utf8 } from "../support/sse-feed";

type LineEnd = "\n" | "\r\n" | "\r";
interface Frame {
  event: { type: string; properties: Record<string, unknown>; id?: string };
  indent: number;
  spaced: boolean;
  before: string[];
  after: string[];
}
interface Stream {
  frames: Frame[];
  /** One line end, or a sequence cycled through line by line (mixed framing). */
  ends: LineEnd[];
  bom: boolean;
}

const char = fc.constantFrom("a", "Z", "0", " ", "é", "✓", "😀", "ü", "\n", "\r", "\t", ",", ":", '"', "\\", "{", "}", "\u2028", "\uFEFF", "data: ");
const text = fc.string({ unit: char, maxLength: 12 });
const lineSafe = fc.string({ unit: fc.constantFrom("a", " ", "é", "✓", "😀", ":", "\uFEFF", "data: "), maxLength: 10 });
const key = fc.string({ unit: fc.constantFrom("a", "b", "é", "😀", "_"), maxLength: 5 }).map((k) => `k${k}`);
const leaf = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(key, leaf, { maxKeys: 3 }));
const event = fc.record(
  {
    type: fc.constantFrom("server.connected", "message.part.delta", "session.status", "x.é✓😀"),
    properties: fc.dictionary(key, value, { maxKeys: 4 }),
    id: fc.string({ maxLength: 6 }).map((s) => `evt_${s}`),
  },
  { requiredKeys: ["type", "properties"] },
);
// Lines a frame may carry besides data: comments and ignored fields (SSE-11, SSE-12, SSE-15).
const extraLine = fc.oneof(
  lineSafe.map((t) => `:${t}`),
  lineSafe.map((t) => `event: ${t}`),
  lineSafe.map((t) => `id: ${t}`),
  fc.constant("retry: 100"),
  lineSafe.map((t) => `Data: ${t}`),
  lineSafe.map((t) => ` data: ${t}`),
);
const frame = fc.record({
  event,
  indent: fc.constantFrom(0, 0, 1, 2),
  spaced: fc.boolean(),
  before: fc.array(extraLine, { maxLength: 2 }),
  after: fc.array(extraLine, { maxLength: 2 }),
});
const lineEnds = fc.oneof(
  fc.constantFrom<LineEnd[]>(["\n"], ["\r\n"], ["\r"]),
  fc.array(fc.constantFrom<LineEnd>("\n", "\r\n", "\r"), { minLength: 2, maxLength: 7 }),
);
const stream = fc.record({ frames: fc.array(frame, { maxLength: 6 }), ends: lineEnds, bom: fc.boolean() });

/**
 * The bytes of a stream, each frame's data as the parser must deliver it, and each frame's size as
 * the parser counts it (its lines and their ends, not the blank line).
 */
function serialise(spec: Stream): { bytes: Uint8Array; data: string[]; sizes: number[] } {
  let counter = 0;
  let previous: LineEnd | undefined;
  const nextEnd = (): LineEnd => {
    let end = spec.ends[counter++ % spec.ends.length] ?? "\n";
    // A CR followed by an LF would merge into one CRLF line end: not what this line meant.
    if (previous === "\r" && end === "\n") end = "\r\n";
    previous = end;
    return end;
  };
  let out = spec.bom ? "\uFEFF" : "";
  const sizes: number[] = [];
  const expected: string[] = [];
  for (const f of spec.frames) {
    const json = JSON.stringify(f.event, null, f.indent);
    const jsonLines = json.split("\n");
    const data = jsonLines.map((l) => `data:${f.spaced ? " " : ""}${l}`);
    // SSE-14: without our own space, the JSON's indentation loses its first space.
    expected.push(jsonLines.map((l) => (!f.spaced && l.startsWith(" ") ? l.slice(1) : l)).join("\n"));
    let body = "";
    for (const line of [...f.before, ...data, ...f.after]) body += line + nextEnd();
    sizes.push(utf8(body).length);
    out += body + nextEnd();
  }
  return { bytes: utf8(out), data: expected, sizes };
}

function decodeAll(data: readonly string[]): unknown[] {
  return data.map((d) => decodeEvent(d));
}

describe("createSseParser properties", () => {
  it("SSE-05..SSE-16 SSE-19 SSE-20 every framing, split anywhere, gives back the same events", () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (spec, cuts, size) => {
        const { bytes, data } = serialise(spec);
        const whole = feed([bytes]);
        expect(whole.data).toEqual(data);
        expect(decodeAll(whole.data)).toEqual(spec.frames.map((f) => f.event));
        expect(whole.oversize).toEqual([]);
        const points = cuts.map((c) => c % (bytes.length + 1));
        expect(feed(splitAt(bytes, points))).toEqual(whole);
        expect(feed(splitEvery(bytes, size))).toEqual(whole);
        expect(feed(splitEvery(bytes, 1))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("SSE-22 exactly the frames over the cap are dropped, whatever the chunks", () => {
    fc.assert(
      fc.property(stream, fc.integer({ min: 20, max: 400 }), fc.array(fc.nat(), { maxLength: 12 }), (spec, cap, cuts) => {
        const { bytes, sizes } = serialise(spec);
        const expected = {
          data: spec.frames.filter((_, i) => (sizes[i] ?? 0) <= cap).map((f) => f.event),
          dropped: sizes.filter((s) => s > cap).length,
        };
        for (const chunks of [[bytes], splitAt(bytes, cuts.map((c) => c % (bytes.length + 1))), splitEvery(bytes, 1)]) {
          const result = feed(chunks, cap);
          expect({ ...chunkInvariant(result), data: decodeAll(result.data) }).toEqual(expected);
          for (const size of result.oversize) expect(size).toBeGreaterThan(cap);
        }
      }),
      { numRuns: 300 },
    );
  });
});
