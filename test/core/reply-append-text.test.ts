import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendDelta, withText } from "../../src/core/reply/reducer/append-text";
import type { ReplyTextPart } from "../../src/core/reply/reducer/types";

const base: ReplyTextPart = { id: "prt_1", type: "text", messageID: "msg_1", text: "" };
// Deltas of every size around the seal point (4,096), with multi-unit characters.
const delta = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom("é", "✓", "😀", "\n"),
  fc.integer({ min: 1000, max: 9000 }).map((n) => "x".repeat(n)),
);

describe("appendDelta (a streamed part's text: sealed chunks + tail)", () => {
  it("the text always equals the plain concatenation of every delta, and older versions never change", () => {
    fc.assert(
      fc.property(fc.array(delta, { maxLength: 60 }), fc.integer({ min: 0, max: 59 }), (deltas, rebuildAt) => {
        let part = base;
        let expected = "";
        const versions: Array<[ReplyTextPart, string]> = [];
        deltas.forEach((piece, index) => {
          // A part rebuilt elsewhere (snapshot, merge) must keep working from a fresh split.
          if (index === rebuildAt) part = withText({ ...part }, part.text);
          part = appendDelta(part, piece);
          expected += piece;
          versions.push([part, expected]);
          expect(part.text).toBe(expected);
        });
        for (const [version, text] of versions) expect(version.text).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it("a streamed part reads and compares like a plain part (same keys, JSON, equality)", () => {
    const part = appendDelta(appendDelta(base, "he"), "llo");
    expect(part).toEqual({ ...base, text: "hello" });
    expect(Object.keys(part)).toEqual(Object.keys(withText(base, "hello")));
    expect(JSON.parse(JSON.stringify(part))).toEqual({ ...base, text: "hello" });
    expect({ ...part }).toEqual({ ...base, text: "hello" });
  });

  it("appending to an older version forks without touching the newer one", () => {
    const one = appendDelta(base, "a".repeat(5000));
    const two = appendDelta(one, "b");
    const fork = appendDelta(one, "c");
    expect(two.text).toBe(`${"a".repeat(5000)}b`);
    expect(fork.text).toBe(`${"a".repeat(5000)}c`);
  });
});
