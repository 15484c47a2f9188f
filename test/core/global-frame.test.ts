/** Decoding `/global/event` frames (api.md 3.2), and its delta fast path held to the full path's result. */
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/core/errors";
import { decodeGlobalFrame, decodeGlobalFrameSlow, directoryKey, IGNORED_FRAME } from "../../src/core/events/global-frame";

const delta = (delta: string, envelope = '"directory":"/tmp/proj a","project":"prj_1"'): string =>
  `{${envelope},"payload":{"id":"evt_1","type":"message.part.delta","properties":{"sessionID":"ses_1","messageID":"msg_1","partID":"prt_1","field":"text","delta":${JSON.stringify(delta)}}}}`;

describe("decodeGlobalFrame", () => {
  it("unwraps the payload and keeps the frame's directory; connection events carry none", () => {
    expect(decodeGlobalFrame('{"payload":{"id":"evt_0","type":"server.connected","properties":{}}}')).toEqual({
      directory: undefined,
      event: { id: "evt_0", type: "server.connected", properties: {} },
    });
    expect(decodeGlobalFrame('{"directory":"/r","payload":{"type":"session.idle","properties":{"sessionID":"ses_1"}}}')).toEqual({
      directory: "/r",
      event: { type: "session.idle", properties: { sessionID: "ses_1" } },
    });
  });

  it("ignores sync duplicates and reports malformed frames", () => {
    expect(decodeGlobalFrame('{"directory":"/r","payload":{"type":"sync","syncEvent":{"type":"session.updated.1"}}}')).toBe(IGNORED_FRAME);
    expect(decodeGlobalFrame("{nope")).toBeInstanceOf(MalformedEventError);
    expect(decodeGlobalFrame('{"directory":"/r"}')).toBeInstanceOf(MalformedEventError);
    expect(decodeGlobalFrame('{"directory":"/r","payload":{"properties":{}}}')).toBeInstanceOf(MalformedEventError);
  });

  it("the delta fast path gives exactly the full path's result, for plain, escaped and unusual frames", () => {
    const frames = [
      delta("Hello"),
      delta('a "quoted" \\ line\nnext \u00e9\u2028'),
      delta("x", '"directory":"/r"'),
      delta("x", '"directory":"/r","project":"p","workspace":"wrk_1"'),
      delta("x", '"directory":"/caf\u00e9"'),
      delta("x", '"directory":"/a\\"b"'),
      delta("x", '"project":"p","directory":"/r"'),
      `${delta("x").slice(0, -1)},"extra":1}`,
    ];
    for (const frame of frames) expect(decodeGlobalFrame(frame), frame).toEqual(decodeGlobalFrameSlow(frame));
    expect(decodeGlobalFrame(delta("Hello"))).toEqual({
      directory: "/tmp/proj a",
      event: { id: "evt_1", type: "message.part.delta", properties: { sessionID: "ses_1", messageID: "msg_1", partID: "prt_1", field: "text", delta: "Hello" } },
    });
  });

  it("directoryKey drops trailing slashes the server does not report, and keeps the root", () => {
    expect(directoryKey("/repo/")).toBe("/repo");
    expect(directoryKey("/repo//")).toBe("/repo");
    expect(directoryKey("/")).toBe("/");
  });
});
