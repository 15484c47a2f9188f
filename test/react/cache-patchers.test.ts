import { describe, expect, it } from "vitest";
import type { Session } from "@opencode-ai/sdk/v2";
import { ascendingId } from "../../src/react/cache/ascending-id";
import { patchMessagePages } from "../../src/react/cache/message-parts";
import { flattenMessagePages, newestMessageId, upsertMessage, type MessagePages } from "../../src/react/cache/message-pages";
import { removePendingRequest, upsertPendingRequest } from "../../src/react/cache/requests";
import { applySessionPatch } from "../../src/react/cache/session-patch";
import { removeSession, upsertSession } from "../../src/react/cache/sessions";
import { setSessionStatus } from "../../src/react/cache/status";
import { fakeAssistantMessage, fakeSession, fakeUserMessage } from "../support/fake-opencode-data";

describe("ascendingId", () => {
  it("has OpenCode's shape and sorts in creation order, also within one millisecond", () => {
    const ids = Array.from({ length: 200 }, () => ascendingId("msg"));
    for (const id of ids) expect(id).toMatch(/^msg_[0-9a-f]{12}[0-9A-Za-z]{14}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts after a server id from a clock ahead of ours", () => {
    const ahead = "msg_ffffff000001AAAAAAAAAAAAAA";
    const id = ascendingId("msg", ahead);
    expect(id > ahead).toBe(true);
    expect(id.slice(4, 16)).toBe("ffffff000002");
  });

  it("sorts after the ids of the 1.18.33 fixtures", () => {
    expect(ascendingId("msg") > "msg_20f63d939001fQkRxvsI2Y1FV5").toBe(true);
    expect(ascendingId("prt") > "prt_20f63d96c001X52gi9UU263vwD").toBe(true);
  });
});

describe("session lists", () => {
  const a = fakeSession({ title: "a", time: { created: 1, updated: 10 } });
  const b = fakeSession({ title: "b", time: { created: 1, updated: 20 } });

  it("inserts newest first and replaces in place of the old position", () => {
    const list = upsertSession([b], a);
    expect(list.map((s) => s.title)).toEqual(["b", "a"]);
    const bumped = { ...a, time: { created: 1, updated: 30 } };
    expect(upsertSession(list, bumped).map((s) => s.title)).toEqual(["a", "b"]);
  });

  it("respects filters: roots, archived, search, limit", () => {
    const child: Session = { ...a, id: "ses_c", parentID: b.id };
    expect(upsertSession([b], child, { roots: true })).toEqual([b]);
    const archived = applySessionPatch(a, { archived: true }, 99);
    expect(archived.time.archived).toBe(99);
    expect(upsertSession([b, a], archived, { archived: false })).toEqual([b]);
    expect(upsertSession([b], a, { search: "zzz" })).toEqual([b]);
    expect(upsertSession([b], { ...a, time: { created: 1, updated: 25 } }, { limit: 1 }).map((s) => s.title)).toEqual(["a"]);
    expect(applySessionPatch(archived, { archived: false }).time.archived).toBeUndefined();
  });

  it("returns the same array when nothing changes", () => {
    const list = [b];
    expect(removeSession(list, "ses_missing")).toBe(list);
    expect(upsertSession(list, b)).toBe(list);
  });
});

describe("message pages", () => {
  const user = fakeUserMessage("ses_1", "question");
  const older = fakeUserMessage("ses_1", "older");
  const data: MessagePages = { pages: [{ items: [user], nextCursor: "c" }, { items: [older], nextCursor: undefined }], pageParams: [undefined, "c"] };

  it("appends new messages to the newest page and shares untouched pages", () => {
    const reply = fakeAssistantMessage("ses_1", user.info.id, "answer");
    const next = upsertMessage(data, reply);
    expect(next.pages[0]?.items.map((m) => m.info.id)).toEqual([user.info.id, reply.info.id]);
    expect(next.pages[1]).toBe(data.pages[1]);
    expect(flattenMessagePages(next).map((m) => m.info.id)).toEqual([older.info.id, user.info.id, reply.info.id]);
    expect(newestMessageId(next)).toBe(reply.info.id);
  });

  it("appends deltas, drops deltas of unknown parts, and leaves data alone for other events", () => {
    const partId = user.parts[0]?.id;
    const delta = (partID: string | undefined, text: string) => ({
      type: "message.part.delta",
      properties: { sessionID: "ses_1", messageID: user.info.id, partID, field: "text", delta: text },
    });
    const next = patchMessagePages(data, delta(partId, "!"));
    expect(next.pages[0]?.items[0]?.parts[0]).toMatchObject({ text: "question!" });
    expect(patchMessagePages(data, delta("prt_unknown", "?"))).toBe(data);
    expect(patchMessagePages(data, { type: "session.updated", properties: {} })).toBe(data);
    expect(patchMessagePages(data, { type: "message.updated", properties: { info: "garbage" } })).toBe(data);
  });
});

describe("status map and pending requests", () => {
  it("idle removes the entry; a no-op returns the same map", () => {
    const map = setSessionStatus({}, "ses_1", { type: "busy" });
    expect(map).toEqual({ ses_1: { type: "busy" } });
    expect(setSessionStatus(map, "ses_1", { type: "idle" })).toEqual({});
    const empty = {};
    expect(setSessionStatus(empty, "ses_2", { type: "idle" })).toBe(empty);
  });

  it("upserts by id and removes by id", () => {
    const list = upsertPendingRequest([{ id: "que_1", v: 1 }], { id: "que_1", v: 2 });
    expect(list).toEqual([{ id: "que_1", v: 2 }]);
    expect(removePendingRequest(list, "que_1")).toEqual([]);
    expect(removePendingRequest(list, "que_x")).toBe(list);
  });
});
