// Edges of frame decoding that mutation testing found unpinned (docs/mutation-testing.md): what a
// subscriber or an `onError` handler sees for lines that look almost like data, characters cut
// by a chunk boundary, malformed frames (their messages), and event routing by type.
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/core/errors";
import { decodeEvent, decodeEventSlow } from "../../src/core/events/decode-event";
import { decodeGlobalFrame, decodeGlobalFrameSlow, directoryKey } from "../../src/core/events/global-frame";
import { isMeaningfulEvent, isServerEvent } from "../../src/core/events/route";
import { createUtf8Stream } from "../../src/core/events/utf8-stream";
import { createSseParser } from "../../src/core/events/sse-parser";
import { feed, parseText, utf8 } from "../support/sse-feed";

describe("SSE lines that only look like data", () => {
  it("a misspelt field name is ignored, also in the whole-frame fast path", () => {
    for (const field of ["dxta", "daxa", "datx", "datax", "data;"]) {
      expect(parseText(`${field}: hello\n\ndata: ok\n\n`).data, field).toEqual(["ok"]);
    }
    expect(parseText("datax hello\n\ndata: ok\n\n").data).toEqual(["ok"]);
  });

  it("a line cut by a chunk boundary is one line: \"da\" + \"data: x\" is no data line", () => {
    expect(feed([utf8("da"), utf8("data: x\n\ndata: ok\n\n")]).data).toEqual(["ok"]);
  });

  it("a bare `data` line adds an empty line to the frame's data", () => {
    expect(parseText("data\ndata: x\n\n").data).toEqual(["\nx"]);
  });

  it("end() called from a handler stops the rest of the chunk, on the line-by-line path too", () => {
    const out: string[] = [];
    const parser = createSseParser(
      {
        onData: (data) => {
          out.push(data);
          if (data === "stop") parser.end();
        },
        onOversize: () => {},
      },
      { maxFrameBytes: 100 },
    );
    parser.push(utf8("data:stop\r\n\r\ndata:more\r\n\r\n"));
    expect(out).toEqual(["stop"]);
  });

  it("the LF of a blank line's CRLF cut by a chunk does not count toward the next frame's cap", () => {
    // "data: abcd\r\n" is 12 characters: exactly a cap of 12.
    expect(feed([utf8("data: x\r\n\r"), utf8("\ndata: abcd\r\n\r\n")], 12)).toEqual({ data: ["x", "abcd"], oversize: [] });
  });

  it("a line that alone is over the cap is reported at the size it reached, and the frame is skipped", () => {
    // "data: 12345\n" is 12 characters, over a cap of 10: dropped there, before the second line.
    expect(parseText("data: 12345\ndata: 67890\n\ndata: ok\n\n", 10)).toEqual({ data: ["ok"], oversize: [12] });
  });
});

describe("UTF-8 characters cut by a chunk boundary", () => {
  it("a three-byte character whose lead byte is 0xE0 survives every cut", () => {
    // U+0915 DEVANAGARI LETTER KA: e0 a4 95; U+0800: e0 a0 80.
    for (const text of ["क", "\u0800"]) {
      const bytes = new TextEncoder().encode(`a${text}b`);
      for (let cut = 1; cut < bytes.length; cut++) {
        const decode = createUtf8Stream();
        expect(decode(bytes.subarray(0, cut)) + decode(bytes.subarray(cut)), `cut at ${cut}`).toBe(`a${text}b`);
      }
    }
  });
});

describe("decodeEvent", () => {
  it("keeps a string id on any event and drops a non-string one", () => {
    expect(decodeEvent('{"id":"evt_1","type":"session.idle","properties":{"sessionID":"ses_1"}}')).toEqual({
      id: "evt_1",
      type: "session.idle",
      properties: { sessionID: "ses_1" },
    });
    expect(decodeEvent('{"id":7,"type":"session.idle","properties":{}}')).toEqual({ type: "session.idle", properties: {} });
  });

  it("a canonical delta frame with anything before it is malformed, as JSON.parse says", () => {
    const frame = '{"id":"e","type":"message.part.delta","properties":{"sessionID":"s","messageID":"m","partID":"p","field":"text","delta":"x"}}';
    for (const data of [`x${frame}`, `x${frame.replace('"x"', '"\\n"')}`]) {
      expect(decodeEvent(data), data).toBeInstanceOf(MalformedEventError);
      expect(decodeEvent(data)).toEqual(decodeEventSlow(data));
    }
  });

  it("says what is wrong, with at most 120 characters of the frame", () => {
    const messageOf = (data: string) => (decodeEvent(data) as MalformedEventError).message;
    expect(messageOf("[1,2]")).toBe("SSE frame is not a JSON object: [1,2]");
    expect(messageOf('{"properties":{}}')).toBe('SSE frame has no string "type": {"properties":{}}');
    expect(messageOf('{"type":"x","properties":3}')).toBe('SSE frame "x" has non-object properties: {"type":"x","properties":3}');
    // Exactly 120 characters: whole. 121: cut to 117 and "...".
    const exact = `{"type":1,"pad":"${"a".repeat(120 - 19)}"}`;
    expect(exact).toHaveLength(120);
    expect(messageOf(exact)).toBe(`SSE frame has no string "type": ${exact}`);
    const longer = `{"type":1,"pad":"${"a".repeat(121 - 19)}"}`;
    expect(messageOf(longer)).toBe(`SSE frame has no string "type": ${longer.slice(0, 117)}...`);
  });
});

describe("decodeGlobalFrame", () => {
  it("reports each kind of malformed frame with its own message, the JSON error as the cause", () => {
    const invalid = decodeGlobalFrame("{nope") as MalformedEventError;
    expect(invalid.message).toBe("global SSE frame is not valid JSON: {nope");
    expect(invalid.cause).toBeInstanceOf(SyntaxError);
    const long = `{"directory":"${"d".repeat(200)}"`;
    expect((decodeGlobalFrame(long) as MalformedEventError).message).toBe(`global SSE frame is not valid JSON: ${long.slice(0, 117)}...`);
    for (const data of ["[1]", "null", "3", '"s"']) {
      expect((decodeGlobalFrame(data) as MalformedEventError).message, data).toBe("global SSE frame is not a JSON object");
    }
    for (const data of ['{"payload":[1]}', '{"payload":null}', '{"payload":"x"}', "{}"]) {
      expect((decodeGlobalFrame(data) as MalformedEventError).message, data).toBe("global SSE frame has no object payload");
    }
  });

  it("defect: an invalid frame of 118-120 characters lost its last characters in the message, without \"...\"", () => {
    for (const length of [118, 120]) {
      const frame = `{${"x".repeat(length - 1)}`;
      expect((decodeGlobalFrame(frame) as MalformedEventError).message).toBe(`global SSE frame is not valid JSON: ${frame}`);
    }
  });

  it("a directory that is not a string is no directory", () => {
    expect(decodeGlobalFrame('{"directory":3,"payload":{"type":"session.idle","properties":{}}}')).toEqual({
      directory: undefined,
      event: { type: "session.idle", properties: {} },
    });
  });

  it("a delta whose directory is a lone escaped backslash decodes it, as the full path does", () => {
    const frame =
      '{"directory":"\\\\","payload":{"id":"e","type":"message.part.delta","properties":{"sessionID":"s","messageID":"m","partID":"p","field":"text","delta":"x"}}}';
    expect(decodeGlobalFrame(frame)).toEqual(decodeGlobalFrameSlow(frame));
    expect((decodeGlobalFrame(frame) as { directory: string }).directory).toBe("\\");
  });

  it("directoryKey keeps an empty directory empty", () => {
    expect(directoryKey("")).toBe("");
  });
});

describe("isServerEvent", () => {
  it("is true only for server.* types: session.*, message.* and near misses are not", () => {
    for (const type of ["server.connected", "server.heartbeat", "server.instance.disposed"]) expect(isServerEvent({ type, properties: {} }), type).toBe(true);
    for (const type of ["session.idle", "session.error", "serve.x", "server", "sxrver.x", "message.updated", "lsp.updated"]) {
      expect(isServerEvent({ type, properties: {} }), type).toBe(false);
      expect(isMeaningfulEvent({ type, properties: {} }), type).toBe(true);
    }
  });
});
