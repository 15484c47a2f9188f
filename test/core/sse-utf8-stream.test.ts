import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createUtf8Stream, utf8Extra } from "../../src/core/events/utf8-stream";
import { splitAt, utf8 } from "../support/sse-feed";

const decodeChunks = (chunks: readonly Uint8Array[]): string => {
  const decode = createUtf8Stream();
  return chunks.map((c) => decode(c)).join("");
};

describe("createUtf8Stream", () => {
  it("SSE-20 completes characters cut anywhere (é ✓ 😀)", () => {
    const bytes = utf8("aé✓😀b😀");
    for (let i = 1; i < bytes.length; i++) {
      for (let j = i; j < bytes.length; j++) expect(decodeChunks(splitAt(bytes, [i, j]))).toBe("aé✓😀b😀");
    }
  });

  it("SSE-19 removes a BOM only at the start of the stream, even when it is cut", () => {
    const bytes = utf8("\uFEFFa\uFEFFb");
    for (let i = 0; i <= 4; i++) expect(decodeChunks(splitAt(bytes, [i]))).toBe("a\uFEFFb");
    expect(decodeChunks([new Uint8Array(0), utf8("\uFEFFx")])).toBe("x");
    expect(decodeChunks([utf8("x"), utf8("\uFEFFy")])).toBe("x\uFEFFy");
  });

  it("gives the same text as a streaming TextDecoder for any bytes, valid or not, split anywhere", () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xef, 0xbb, 0xbf, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9, 0xe2));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), fc.array(fc.nat({ max: 40 }), { maxLength: 8 }), (list, cuts) => {
        // A final LF forces out any held-back partial character (the parser discards the tail anyway).
        const bytes = Uint8Array.from([...list, 0x0a]);
        const reference = new TextDecoder();
        const expected = splitAt(bytes, cuts).map((c) => reference.decode(c, { stream: true })).join("") + reference.decode();
        expect(decodeChunks(splitAt(bytes, cuts))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("utf8Extra counts the UTF-8 bytes beyond one per code unit", () => {
    for (const text of ["", "ascii", "é", "✓", "😀", "aé✓😀\uFEFF"]) {
      expect(utf8Extra(text), text).toBe(utf8(text).length - text.length);
    }
  });
});
