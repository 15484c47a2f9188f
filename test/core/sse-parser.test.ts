import { describe, it, expect } from "vitest";
import { createSseParser } from "../../src/core/events/sse-parser";
import { chunkInvariant, feed, parseText, splitAt, splitEvery, utf8 } from "../support/sse-feed";

const EVENT = '{"type":"server.connected","properties":{}}';
const BOM = "\uFEFF";

describe("createSseParser: line endings", () => {
  it("SSE-05 LF framing: `data: {json}\\n\\n` is one event", () => {
    expect(parseText(`data: ${EVENT}\n\ndata: {"n":2}\n\n`).data).toEqual([EVENT, '{"n":2}']);
  });

  it("SSE-06 CRLF framing", () => {
    expect(parseText(`data: ${EVENT}\r\n\r\ndata: {"n":2}\r\n\r\n`).data).toEqual([EVENT, '{"n":2}']);
  });

  it("SSE-07 CR-only framing", () => {
    expect(parseText(`data:${EVENT}\r\rdata:{"n":2}\r\r`).data).toEqual([EVENT, '{"n":2}']);
  });

  it("SSE-08 mixed line endings inside one event all count as line ends", () => {
    expect(parseText(": c\r\ndata: a\ndata: b\rdata: c\r\n\n").data).toEqual(["a\nb\nc"]);
    expect(parseText("data: a\r\ndata: b\n\r").data).toEqual(["a\nb"]);
  });

  it("SSE-09 LF followed by CR is a blank line", () => {
    expect(parseText("data: a\n\rdata: b\n\r").data).toEqual(["a", "b"]);
  });

  it("SSE-10 a single CRLF is never a boundary; \\r\\n\\r\\n is exactly one", () => {
    expect(parseText("data: a\r\ndata: b\r\n\r\n").data).toEqual(["a\nb"]);
    // CR then CRLF: two line ends, so the second is a blank line.
    expect(parseText("data: a\r\r\ndata: b\r\n\r\n").data).toEqual(["a", "b"]);
  });

  it("SSE-10 CRLF split across chunks stays atomic", () => {
    const bytes = utf8("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n");
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(feed(splitAt(bytes, [cut])).data, `cut at ${cut}`).toEqual(["a\nb", "c"]);
    }
    expect(feed([utf8("data: a\r"), new Uint8Array(0), utf8("\ndata: b\r"), utf8("\n\r"), utf8("\n")]).data).toEqual(["a\nb"]);
  });

  it("SSE-10 a CR at the end of a chunk is a line end even if nothing follows yet", () => {
    const out: string[] = [];
    const parser = createSseParser({ onData: (d) => out.push(d), onOversize: () => {} }, { maxFrameBytes: 100 });
    parser.push(utf8("data: a\r\r"));
    expect(out).toEqual(["a"]);
  });
});

describe("createSseParser: fields", () => {
  it("SSE-11 comment lines are ignored; a comment-only block yields nothing", () => {
    expect(parseText(`: hello\n\n:\n: ping\n\ndata: ${EVENT}\n: trailing\n\n`).data).toEqual([EVENT]);
  });

  it("SSE-12 event:, id:, retry: and unknown fields are ignored", () => {
    const text = `event: custom\nid: 42\nretry: 1\nfoo: bar\nnocolon\ndata: ${EVENT}\n\nevent: only\nid: 7\n\n`;
    expect(parseText(text).data).toEqual([EVENT]);
  });

  it("SSE-13 several data lines are joined with \\n (pretty-printed JSON over CRLF)", () => {
    const pretty = JSON.stringify({ type: "x", properties: { a: [1, 2] } }, null, 2);
    const text = pretty.split("\n").map((l) => `data: ${l}\r\n`).join("") + "\r\n";
    const { data } = parseText(text);
    expect(data).toEqual([pretty]);
    expect(JSON.parse(data[0] ?? "")).toEqual({ type: "x", properties: { a: [1, 2] } });
  });

  it("SSE-14 one optional space after data: is removed; a second is kept", () => {
    expect(parseText("data:a\n\ndata: b\n\ndata:  c\n\ndata:\td\n\n").data).toEqual(["a", "b", " c", "\td"]);
  });

  it("SSE-15 field names are case-sensitive and must start the line", () => {
    const text = "Data: a\n\n data: b\n\ndata : c\n\nDATA: d\n\ndatax: e\n\ndata: ok\n\n";
    expect(parseText(text).data).toEqual(["ok"]);
  });

  it("SSE-16 a block with no data lines or only empty data yields nothing", () => {
    expect(parseText("event: x\n\ndata:\n\ndata: \n\ndata\n\n\n\n\n").data).toEqual([]);
    expect(parseText("data:\ndata: x\n\n").data).toEqual(["\nx"]);
  });
});

describe("createSseParser: bytes and connections", () => {
  it("SSE-19 a BOM is stripped from the first frame of a connection, even split across chunks", () => {
    const bytes = utf8(`${BOM}data: ${EVENT}\n\n`);
    expect(bytes[0]).toBe(0xef);
    expect(parseText(bytes).data).toEqual([EVENT]);
    for (const cut of [1, 2, 3]) expect(feed(splitAt(bytes, [cut])).data).toEqual([EVENT]);
  });

  it("SSE-19 a BOM before a later frame makes that line unrecognised", () => {
    const text = `data: a\n\n${BOM}data: b\n\n${BOM}data: c\ndata: d\n\n`;
    expect(parseText(text).data).toEqual(["a", "d"]);
  });

  it("SSE-19 SSE-04 every connection (fresh parser) allows a BOM again", () => {
    const bytes = utf8(`${BOM}data: a\n\n`);
    expect(feed([bytes]).data).toEqual(["a"]);
    expect(feed([bytes]).data).toEqual(["a"]);
  });

  it("SSE-04 an unterminated trailing frame is discarded at end of stream", () => {
    expect(parseText("data: a\n\ndata: b\n").data).toEqual(["a"]);
    expect(parseText("data: a\n\ndata: b").data).toEqual(["a"]);
  });

  it("SSE-04 push after end is ignored", () => {
    const out: string[] = [];
    const parser = createSseParser({ onData: (d) => out.push(d), onOversize: () => {} }, { maxFrameBytes: 100 });
    parser.push(utf8("data: a\n"));
    parser.end();
    parser.push(utf8("\ndata: b\n\n"));
    expect(out).toEqual([]);
  });

  it("SSE-20 one byte per chunk gives identical events, multi-byte UTF-8 (é ✓ 😀) included", () => {
    const payload = JSON.stringify({ type: "t", properties: { text: "é ✓ 😀 ü\u2028" } });
    const text = `data: ${payload}\r\n\r\ndata:${payload}\r\rdata: ${payload}\n\n`;
    const bytes = utf8(text);
    expect(feed(splitEvery(bytes, 1)).data).toEqual([payload, payload, payload]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(feed(splitAt(bytes, [cut, cut + 1, cut + 3])).data).toEqual([payload, payload, payload]);
    }
  });

  it("SSE-20 invalid UTF-8 decodes to U+FFFD instead of failing", () => {
    expect(feed([new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0xff, 0x0a, 0x0a])]).data).toEqual(["\uFFFD"]);
  });

  it("SSE-21 several events in one chunk are handled in order", () => {
    expect(feed([utf8("data: 1\n\ndata: 2\n\ndata: 3\n\n")]).data).toEqual(["1", "2", "3"]);
  });

  it("SSE-21 end() from inside onData discards the rest of the chunk", () => {
    const out: string[] = [];
    const parser = createSseParser(
      { onData: (d) => { out.push(d); if (d === "stop") parser.end(); }, onOversize: () => {} },
      { maxFrameBytes: 100 },
    );
    parser.push(utf8("data: 1\n\ndata: stop\n\ndata: 3\n\n"));
    parser.push(utf8("data: 4\n\n"));
    expect(out).toEqual(["1", "stop"]);
  });
});

describe("createSseParser: frame cap (SSE-22)", () => {
  it("SSE-22 drops an oversize frame, reports it, and parses the next frame", () => {
    const big = `data: ${"x".repeat(200)}\n\n`;
    const { data, oversize } = parseText(`data: a\n\n${big}data: b\n\n`, 100);
    expect(data).toEqual(["a", "b"]);
    expect(oversize).toHaveLength(1);
    expect(oversize[0]).toBeGreaterThan(100);
  });

  it("SSE-22 a frame of exactly maxFrameBytes passes; one byte more is dropped (blank line not counted)", () => {
    const frame = "data: abcd\n\n"; // 11 bytes before the blank line
    expect(parseText(frame, 11)).toEqual({ data: ["abcd"], oversize: [] });
    expect(parseText(frame, 10)).toEqual({ data: [], oversize: [11] });
    // A CRLF counts two bytes even when a chunk boundary splits it.
    expect(parseText("data: abcd\r\ndata: e\r\n\r\n", 21)).toEqual({ data: ["abcd\ne"], oversize: [] });
    expect(parseText("data: abcd\r\ndata: e\r\n\r\n", 20).data).toEqual([]);
  });

  it("SSE-22 the cap counts UTF-8 bytes, not characters", () => {
    const frame = `data: ${"é".repeat(10)}\n\n`; // 7 + 20 bytes, 17 characters
    expect(parseText(frame, 27).data).toEqual(["é".repeat(10)]);
    expect(parseText(`${frame}data: ok\n\n`, 26)).toEqual({ data: ["ok"], oversize: [27] });
    // Ignored lines count too: 23 + 8 bytes.
    expect(parseText(`: ${"😀".repeat(5)}\ndata: x\n\n`, 30)).toEqual({ data: [], oversize: [31] });
    expect(parseText(`: ${"😀".repeat(5)}\ndata: x\n\n`, 31).data).toEqual(["x"]);
  });

  it("SSE-22 an oversize frame is dropped as soon as it passes the cap, not when it ends", () => {
    const sizes: number[] = [];
    const parser = createSseParser({ onData: () => {}, onOversize: (s) => sizes.push(s) }, { maxFrameBytes: 1000 });
    parser.push(utf8("data: "));
    for (let i = 0; i < 10 && sizes.length === 0; i++) parser.push(utf8("y".repeat(300)));
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeGreaterThan(1000);
    expect(sizes[0]).toBeLessThanOrEqual(1300);
  });

  it("SSE-22 the skipped rest of an oversize frame never leaks events, in any framing", () => {
    for (const nl of ["\n", "\r\n", "\r"]) {
      const text = `data: ${"z".repeat(50)}${nl}data: inside${nl}: c${nl}${nl}data: after${nl}${nl}`;
      const { data, oversize } = parseText(text, 40);
      expect(data, JSON.stringify(nl)).toEqual(["after"]);
      expect(oversize).toHaveLength(1);
    }
  });

  it("SSE-22 oversize and near-cap frames split anywhere give the same result", () => {
    const text = `data: ${"é".repeat(30)}\n\ndata: ${"a".repeat(80)}\ndata: b\n\ndata: ok\n\n`;
    const bytes = utf8(text);
    const expected = { data: ["é".repeat(30), "ok"], dropped: 1 };
    expect(chunkInvariant(feed([bytes], 70))).toEqual(expected);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(chunkInvariant(feed(splitAt(bytes, [cut, cut * 2]), 70))).toEqual(expected);
    }
  });

  it("a giant frame arriving in 10k small chunks is parsed correctly", () => {
    const value = "0123456789abcdé✓😀".repeat(4000);
    const bytes = utf8(`data: ${value}\r\ndata: end\r\n\r\ndata: next\r\n\r\n`);
    const chunks = splitEvery(bytes, Math.ceil(bytes.length / 10_000));
    expect(chunks.length).toBeGreaterThan(9_000);
    expect(feed(chunks, 4 * 1024 * 1024).data).toEqual([`${value}\nend`, "next"]);
  });
});
