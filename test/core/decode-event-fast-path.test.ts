import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { decodeEvent, decodeEventSlow } from "../../src/core/events/decode-event";
import { decodeDeltaFrame } from "../../src/core/events/decode-delta";
import { MalformedEventError } from "../../src/core/errors";
import { createSseParser } from "../../src/core/events/sse-parser";

/**
 * decodeEvent (with the `message.part.delta` fast path) must give exactly what the slow path
 * gives: same values, same key order (JSON.stringify compares both), same error message.
 */
function expectSame(data: string): void {
  const fast = decodeEvent(data);
  const slow = decodeEventSlow(data);
  if (slow instanceof MalformedEventError) {
    expect(fast).toBeInstanceOf(MalformedEventError);
    expect((fast as MalformedEventError).message).toBe(slow.message);
    return;
  }
  expect(fast).not.toBeInstanceOf(MalformedEventError);
  expect(fast).toStrictEqual(slow);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
}

const char = fc.constantFrom(
  "a", "Z", "0", "_", " ", "é", "✓", "😀", "\ud83d", "\ude00", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f",
  ",", ":", '"', "\\", "{", "}", "\u2028", "\u2029", "\uFEFF", "/",
);
const anyText = fc.string({ unit: char, maxLength: 12 });
const plainId = fc.string({ unit: fc.constantFrom("a", "Z", "0", "9", "_"), maxLength: 30 });
const id = fc.oneof(plainId, plainId.map((s) => `evt_${s}`), anyText);
const field = fc.oneof(fc.constantFrom("text", "reasoning"), id);
const delta = fc.oneof(anyText, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 10 }));

interface Delta {
  id: string;
  sessionID: string;
  messageID: string;
  partID: string;
  field: string;
  delta: string;
}
const deltaEvent = fc.record<Delta>({ id, sessionID: id, messageID: id, partID: id, field, delta });

function canonical(e: Delta): string {
  return JSON.stringify({
    id: e.id,
    type: "message.part.delta",
    properties: { sessionID: e.sessionID, messageID: e.messageID, partID: e.partID, field: e.field, delta: e.delta },
  });
}

/** Shapes the fast path must refuse (or, if it reads them, read exactly like JSON.parse). */
const perturbed = fc.tuple(deltaEvent, fc.nat(), fc.nat()).map(([e, a, b]): string => {
  const props: Record<string, unknown> = {
    sessionID: e.sessionID,
    messageID: e.messageID,
    partID: e.partID,
    field: e.field,
    delta: e.delta,
  };
  const keys = Object.keys(props);
  switch (a % 12) {
    case 0:
      return JSON.stringify({ id: e.id, type: "message.part.delta", properties: { ...props, extra: 1 } });
    case 1:
      return JSON.stringify({ id: e.id, type: "message.part.delta", properties: props, extra: "x" });
    case 2: {
      // Rotate the property keys.
      const k = (b % (keys.length - 1)) + 1;
      const rotated = [...keys.slice(k), ...keys.slice(0, k)];
      return JSON.stringify({ id: e.id, type: "message.part.delta", properties: Object.fromEntries(rotated.map((key) => [key, props[key]])) });
    }
    case 3:
      return JSON.stringify({ type: "message.part.delta", id: e.id, properties: props });
    case 4:
      return JSON.stringify({ id: e.id, type: "message.part.delta", properties: props }, null, b % 3);
    case 5:
      return `${canonical(e)}${[" ", "\n", "\t", "}"][b % 4] ?? ""}`;
    case 6:
      return JSON.stringify({ id: e.id, type: "message.part.delta", properties: { ...props, delta: { text: e.delta } } });
    case 7:
      return JSON.stringify({ id: e.id, type: "message.part.delta", properties: { ...props, field: b, delta: b / 7 } });
    case 8: {
      // Drop one property.
      const without = { ...props };
      delete without[keys[b % keys.length] ?? "delta"];
      return JSON.stringify({ id: e.id, type: "message.part.delta", properties: without });
    }
    case 9:
      return JSON.stringify({ id: b, type: "message.part.delta", properties: props });
    case 10: {
      // Truncate.
      const s = canonical(e);
      return s.slice(0, b % s.length);
    }
    default: {
      // Insert one arbitrary character anywhere.
      const s = canonical(e);
      const at = b % (s.length + 1);
      return `${s.slice(0, at)}${['"', "\\", " ", "}", ",", "a", "\n", "é"][b % 8] ?? ""}${s.slice(at)}`;
    }
  }
});

/** A raw JSON string body, escapes written by hand (JSON.stringify never writes most of them). */
const rawBody = fc
  .array(fc.constantFrom("a", "é", "😀", "\\n", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "\\ud83d", "\\/", '\\"', "\\\\", '"', "\\", "\\x", "\u0001", "\t", "\u2028", "}}"), { maxLength: 8 })
  .map((parts) => parts.join(""));

describe("decodeEvent message.part.delta fast path", () => {
  it("takes the fast path for the captured shape", () => {
    const data =
      '{"id":"evt_20f63bf44001nX3Zd1NEcWBYwz","type":"message.part.delta","properties":{"sessionID":"ses_df09c464cffejMPUZ8JgnTYlr2","messageID":"msg_20f63bcd600136LUia7FJQMB20","partID":"prt_20f63bf42001oI6hKea5ZZB6AH","field":"text","delta":"Hello"}}';
    expect(decodeDeltaFrame(data)).toStrictEqual(JSON.parse(data));
    expectSame(data);
  });

  it("decodes escaped deltas like JSON.parse", () => {
    const head = '{"id":"evt_1","type":"message.part.delta","properties":{"sessionID":"s","messageID":"m","partID":"p","field":"text","delta":';
    for (const d of ['"a\\"b"', '"\\\\"', '"line\\nnext"', '"\\u2028"', '"\\ud83d\\ude00"', '""']) {
      const data = `${head}${d}}}`;
      expect(decodeDeltaFrame(data)).toStrictEqual(JSON.parse(data));
      expectSame(data);
    }
    // Not JSON: the fast path must not accept these, the slow path reports them.
    for (const d of ['"a\\"', '"a"b"', '"tab\there"', '"\\x"', '"', '"a"}']) {
      const data = `${head}${d}}}`;
      expect(decodeDeltaFrame(data)).toBeUndefined();
      expect(decodeEvent(data)).toBeInstanceOf(MalformedEventError);
    }
    // A unicode escape in an id is valid JSON but not the fast shape.
    const escapedId = '{"id":"evt_\\u0041","type":"message.part.delta","properties":{"sessionID":"s","messageID":"m","partID":"p","field":"text","delta":"x"}}';
    expect(decodeDeltaFrame(escapedId)).toBeUndefined();
    expectSame(escapedId);
  });

  it("canonical frames decode exactly like the slow path", () => {
    fc.assert(
      fc.property(deltaEvent, (e) => {
        const data = canonical(e);
        expectSame(data);
        const plain = [e.id, e.sessionID, e.messageID, e.partID, e.field].every((s) => /^[A-Za-z0-9_]*$/.test(s));
        // With plain ids the fast path must actually fire (else this test would prove nothing).
        if (plain) expect(decodeDeltaFrame(data)).toStrictEqual(JSON.parse(data));
      }),
      { numRuns: 2000 },
    );
  });

  it("perturbed frames decode exactly like the slow path", () => {
    fc.assert(fc.property(perturbed, expectSame), { numRuns: 3000 });
  });

  it("hand-escaped delta bodies decode exactly like the slow path", () => {
    fc.assert(
      fc.property(plainId, rawBody, (i, body) => {
        expectSame(
          `{"id":"${i}","type":"message.part.delta","properties":{"sessionID":"s","messageID":"m","partID":"p","field":"text","delta":"${body}"}}`,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("every captured frame decodes identically via fast and slow paths", () => {
    const dir = fileURLToPath(new URL("../fixtures/opencode-1.18.33/", import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith(".sse"));
    expect(files.length).toBeGreaterThan(0);
    let deltas = 0;
    let fastHits = 0;
    for (const file of files) {
      const frames: string[] = [];
      const parser = createSseParser({ onData: (d) => frames.push(d), onOversize: () => undefined }, { maxFrameBytes: 16 * 1024 * 1024 });
      parser.push(new Uint8Array(readFileSync(`${dir}${file}`)));
      parser.end();
      for (const data of frames) {
        expectSame(data);
        // Top-level deltas only: the /global/event envelope ({"directory":...,"payload":{...}}) is
        // another shape and must take the slow path.
        if (data.startsWith('{"id":') && data.includes('"type":"message.part.delta"')) deltas++;
        if (decodeDeltaFrame(data) !== undefined) fastHits++;
      }
    }
    // The captures' top-level deltas are all in the canonical shape, so all take the fast path.
    expect(deltas).toBeGreaterThan(0);
    expect(fastHits).toBe(deltas);
  });
});
