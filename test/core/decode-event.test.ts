import { describe, it, expect } from "vitest";
import { decodeEvent } from "../../src/core/events/decode-event";
import { MalformedEventError } from "../../src/core/errors";

describe("decodeEvent", () => {
  it("decodes an event object, keeping id and properties", () => {
    const event = decodeEvent('{"id":"evt_1","type":"session.idle","properties":{"sessionID":"ses_1"}}');
    expect(event).toEqual({ id: "evt_1", type: "session.idle", properties: { sessionID: "ses_1" } });
  });

  it("defaults missing or null properties to {}", () => {
    expect(decodeEvent('{"type":"server.heartbeat"}')).toEqual({ type: "server.heartbeat", properties: {} });
    expect(decodeEvent('{"type":"x","properties":null}')).toEqual({ type: "x", properties: {} });
  });

  it("drops a non-string id", () => {
    expect(decodeEvent('{"type":"x","id":7,"properties":{}}')).toEqual({ type: "x", properties: {} });
  });

  it("SSE-17 non-JSON gives a MalformedEventError with a short excerpt", () => {
    const long = `{not json ${"x".repeat(500)}`;
    const error = decodeEvent(long);
    expect(error).toBeInstanceOf(MalformedEventError);
    const message = (error as MalformedEventError).message;
    expect(message).toContain("{not json x");
    expect(message.length).toBeLessThanOrEqual(120 + 40);
    expect((error as MalformedEventError).code).toBe("malformed_event");
    expect((error as MalformedEventError).cause).toBeInstanceOf(SyntaxError);
  });

  it("SSE-18 JSON that is not an object is an error, not a crash", () => {
    for (const data of ["[1,2]", '"text"', "42", "null", "true"]) {
      expect(decodeEvent(data), data).toBeInstanceOf(MalformedEventError);
    }
  });

  it("SSE-18 non-object properties are an error, not a crash", () => {
    for (const props of ["[]", '"s"', "3", "false"]) {
      expect(decodeEvent(`{"type":"x","properties":${props}}`), props).toBeInstanceOf(MalformedEventError);
    }
  });

  it("requires a string type", () => {
    for (const data of ["{}", '{"type":3,"properties":{}}', '{"type":null}']) {
      expect(decodeEvent(data), data).toBeInstanceOf(MalformedEventError);
    }
  });
});
