/**
 * The history cache's delta buffer (src/react/cache/delta-buffer.ts), with a hand-driven frame:
 * what `useMessages` shows after each frame, and how many cache writes (renders) a frame costs.
 * Written after mutation testing found its folding rules covered only through whole hooks.
 */
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { WireEvent } from "../../src/core/events/types";
import { createDeltaBuffer } from "../../src/react/cache/delta-buffer";
import { flattenMessagePages, type MessagePages } from "../../src/react/cache/message-pages";
import { opencodeKeys } from "../../src/query/keys";
import { fakeAssistantMessage, fakeUserMessage } from "../support/fake-opencode-data";

const scope = { baseUrl: "http://127.0.0.1:4096", directory: undefined, workspace: undefined };

/** A frame the test runs by hand; `cancelled` counts the frames the buffer called off. */
function manualFrame() {
  const queued: Array<() => void> = [];
  let cancelled = 0;
  return {
    schedule: (flush: () => void) => {
      queued.push(flush);
      return () => {
        const at = queued.indexOf(flush);
        if (at >= 0) {
          queued.splice(at, 1);
          cancelled += 1;
        }
      };
    },
    pending: () => queued.length,
    cancelled: () => cancelled,
    run() {
      for (const flush of queued.splice(0)) flush();
    },
  };
}

/** A session whose history holds one assistant message with a text part (and a reasoning part). */
function seeded(sessionId: string, queryClient: QueryClient) {
  const user = fakeUserMessage(sessionId, "hi");
  const reply = fakeAssistantMessage(sessionId, user.info.id, "Hello");
  const textPart = reply.parts[0];
  if (textPart === undefined) throw new Error("no text part");
  const reasoning = { ...textPart, id: `${textPart.id}r`, type: "reasoning" as const, text: "Think", time: { start: 1 } };
  reply.parts.push(reasoning as never);
  const key = opencodeKeys.messages(scope, sessionId);
  queryClient.setQueryData<MessagePages>(key, { pages: [{ items: [user, reply], nextCursor: undefined }], pageParams: [undefined] });
  const texts = () =>
    Object.fromEntries(
      flattenMessagePages(queryClient.getQueryData<MessagePages>(key))
        .filter((m) => m.info.id === reply.info.id)
        .flatMap((m) => m.parts.map((p) => [p.type, "text" in p ? p.text : ""])),
    );
  const writes = () => queryClient.getQueryState(key)?.dataUpdateCount ?? 0;
  const delta = (partID: string, text: string, field = "text", messageID = reply.info.id): WireEvent => ({
    type: "message.part.delta",
    properties: { sessionID: sessionId, messageID, partID, field, delta: text },
  });
  return { reply, textId: textPart.id, reasoningId: reasoning.id, texts, writes, delta };
}

describe("delta buffer", () => {
  it("folds a frame's deltas of a part into one write, shown when the frame comes", () => {
    const queryClient = new QueryClient();
    const frame = manualFrame();
    const buffer = createDeltaBuffer(queryClient, scope, frame.schedule);
    const s = seeded("ses_1", queryClient);
    const before = s.writes();
    expect(buffer.push(s.delta(s.textId, " wor"))).toBe(true);
    expect(buffer.push(s.delta(s.textId, "ld"))).toBe(true);
    expect(buffer.push(s.delta(s.textId, "!"))).toBe(true);
    expect(frame.pending()).toBe(1); // one frame asked for, not one per delta
    expect(s.texts().text).toBe("Hello"); // nothing shows before the frame
    frame.run();
    expect(s.texts().text).toBe("Hello world!");
    expect(s.writes() - before).toBe(1);
  });

  it("keeps parts, fields, messages and sessions apart, in one write per session", () => {
    const queryClient = new QueryClient();
    const frame = manualFrame();
    const buffer = createDeltaBuffer(queryClient, scope, frame.schedule);
    const a = seeded("ses_a", queryClient);
    const b = seeded("ses_b", queryClient);
    const [beforeA, beforeB] = [a.writes(), b.writes()];
    buffer.push(a.delta(a.textId, " A"));
    buffer.push(a.delta(a.reasoningId, " more"));
    buffer.push(b.delta(b.textId, " B"));
    buffer.push(a.delta(a.textId, "!"));
    frame.run();
    expect(a.texts()).toEqual({ text: "Hello A!", reasoning: "Think more" });
    expect(b.texts()).toEqual({ text: "Hello B", reasoning: "Think" });
    expect([a.writes() - beforeA, b.writes() - beforeB]).toEqual([1, 1]);
  });

  it("a delta for another field of the part is its own run (not appended to text)", () => {
    const queryClient = new QueryClient();
    const frame = manualFrame();
    const buffer = createDeltaBuffer(queryClient, scope, frame.schedule);
    const s = seeded("ses_1", queryClient);
    buffer.push(s.delta(s.textId, " there"));
    buffer.push(s.delta(s.textId, "x", "note"));
    frame.run();
    const part = flattenMessagePages(queryClient.getQueryData<MessagePages>(opencodeKeys.messages(scope, "ses_1")))
      .flatMap((m) => m.parts)
      .find((p) => p.id === s.textId) as Record<string, unknown> | undefined;
    expect(part).toMatchObject({ text: "Hello there", note: "x" });
  });

  it("any other event writes the buffered deltas first, at once, and is left to the caller", () => {
    const queryClient = new QueryClient();
    const frame = manualFrame();
    const buffer = createDeltaBuffer(queryClient, scope, frame.schedule);
    const s = seeded("ses_1", queryClient);
    buffer.push(s.delta(s.textId, " world"));
    expect(buffer.push({ type: "session.idle", properties: { sessionID: "ses_1" } })).toBe(false);
    expect(s.texts().text).toBe("Hello world");
    expect(frame.pending()).toBe(0); // the frame was called off: nothing left to write
    expect(frame.cancelled()).toBe(1);
    const writes = s.writes();
    buffer.flush();
    expect(s.writes()).toBe(writes); // an empty buffer writes nothing
  });

  it("ignores empty and incomplete deltas: no frame, no write", () => {
    const queryClient = new QueryClient();
    const frame = manualFrame();
    const buffer = createDeltaBuffer(queryClient, scope, frame.schedule);
    const s = seeded("ses_1", queryClient);
    const before = s.writes();
    const full = s.delta(s.textId, "x").properties;
    const broken: WireEvent[] = [
      s.delta(s.textId, ""),
      { type: "message.part.delta", properties: { ...full, sessionID: undefined } },
      { type: "message.part.delta", properties: { ...full, messageID: undefined } },
      { type: "message.part.delta", properties: { ...full, partID: undefined } },
      { type: "message.part.delta", properties: { ...full, field: undefined } },
      { type: "message.part.delta", properties: { ...full, delta: undefined } },
    ];
    for (const event of broken) expect(buffer.push(event)).toBe(true);
    expect(frame.pending()).toBe(0);
    buffer.flush();
    expect(s.writes()).toBe(before);
    expect(s.texts().text).toBe("Hello");
  });

  it("dispose drops what is buffered and calls the frame off", () => {
    const queryClient = new QueryClient();
    const frame = manualFrame();
    const buffer = createDeltaBuffer(queryClient, scope, frame.schedule);
    const s = seeded("ses_1", queryClient);
    const before = s.writes();
    buffer.push(s.delta(s.textId, " world"));
    buffer.dispose();
    expect(frame.cancelled()).toBe(1);
    buffer.flush();
    expect(s.writes()).toBe(before);
    expect(s.texts().text).toBe("Hello");
    // Still usable: a later delta schedules a new frame.
    buffer.push(s.delta(s.textId, "!"));
    frame.run();
    expect(s.texts().text).toBe("Hello!");
  });

  it("a frame after a flush asks for a new frame for the next delta", () => {
    const queryClient = new QueryClient();
    const frame = manualFrame();
    const buffer = createDeltaBuffer(queryClient, scope, frame.schedule);
    const s = seeded("ses_1", queryClient);
    buffer.push(s.delta(s.textId, " a"));
    frame.run();
    buffer.push(s.delta(s.textId, " b"));
    expect(frame.pending()).toBe(1);
    frame.run();
    expect(s.texts().text).toBe("Hello a b");
  });
});
