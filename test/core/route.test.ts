import { describe, it, expect } from "vitest";
import { isMeaningfulEvent, isServerEvent, sessionIdOf } from "../../src/core/events/route";
import type { WireEvent } from "../../src/core/events/types";

const ev = (type: string, properties: Record<string, unknown> = {}): WireEvent => ({ type, properties });

describe("sessionIdOf", () => {
  it("FLT-02 reads properties.sessionID, then info.sessionID, then part.sessionID", () => {
    expect(sessionIdOf(ev("session.status", { sessionID: "a" }))).toBe("a");
    expect(sessionIdOf(ev("message.updated", { info: { sessionID: "b", id: "msg_1" } }))).toBe("b");
    expect(sessionIdOf(ev("message.part.updated", { part: { sessionID: "c" } }))).toBe("c");
    expect(sessionIdOf(ev("message.updated", { sessionID: "a", info: { sessionID: "b" } }))).toBe("a");
  });

  it("reads info.id of session.created/updated/deleted from servers before 1.3.3", () => {
    for (const type of ["session.created", "session.updated", "session.deleted"]) {
      expect(sessionIdOf(ev(type, { info: { id: "ses_x" } })), type).toBe("ses_x");
    }
  });

  it("never reads info.id of other events (a message id is not a session id)", () => {
    expect(sessionIdOf(ev("message.updated", { info: { id: "msg_1" } }))).toBeUndefined();
    expect(sessionIdOf(ev("pty.created", { info: { id: "pty_1" } }))).toBeUndefined();
  });

  it("FLT-03 a sessionID naming another session wins over a matching part.sessionID", () => {
    expect(sessionIdOf(ev("message.part.updated", { sessionID: "other", part: { sessionID: "mine" } }))).toBe("other");
  });

  it("FLT-07 sessionID \"\" counts as found", () => {
    expect(sessionIdOf(ev("message.part.updated", { sessionID: "", part: { sessionID: "mine" } }))).toBe("");
  });

  it("FLT-04 FLT-08 events without a session id give undefined", () => {
    expect(sessionIdOf(ev("installation.updated", { version: "1" }))).toBeUndefined();
    expect(sessionIdOf(ev("server.instance.disposed", { directory: "/x" }))).toBeUndefined();
    expect(sessionIdOf(ev("session.error", { error: { name: "UnknownError" } }))).toBeUndefined();
    expect(sessionIdOf(ev("x", { info: null, part: "nope" }))).toBeUndefined();
  });

  it("a non-string first value means no session id (like Ruby, no fall-through)", () => {
    expect(sessionIdOf(ev("x", { sessionID: 5, part: { sessionID: "mine" } }))).toBeUndefined();
    expect(sessionIdOf(ev("x", { sessionID: null, part: { sessionID: "mine" } }))).toBe("mine");
  });
});

describe("isServerEvent / isMeaningfulEvent", () => {
  it("FLT-01 FLT-05 server.* events are server events and never meaningful", () => {
    for (const type of ["server.connected", "server.heartbeat", "server.instance.disposed"]) {
      expect(isServerEvent(ev(type)), type).toBe(true);
      expect(isMeaningfulEvent(ev(type)), type).toBe(false);
    }
  });

  it("everything else is meaningful", () => {
    for (const type of ["session.idle", "message.part.delta", "serverx.y", "plugin.added"]) {
      expect(isServerEvent(ev(type)), type).toBe(false);
      expect(isMeaningfulEvent(ev(type)), type).toBe(true);
    }
  });
});
