/**
 * Where the live cache puts what an event brings, as the hooks then show it: which filtered
 * session lists (`useSessions(filters)`) a created or updated session joins or leaves, and where
 * a message lands in the paged history (`useMessages`). Written for the holes mutation testing
 * found in src/react/cache (sessions.ts filters, message-pages.ts ordering): those rules had no
 * test of their own.
 */
import { QueryClient } from "@tanstack/react-query";
import type { Session } from "@opencode-ai/sdk/v2";
import { describe, expect, it } from "vitest";
import type { MessageWithParts, SessionListFilters } from "../../src/core/api";
import type { WireEvent } from "../../src/core/events/types";
import { applyEventToCache } from "../../src/react/cache/apply-event";
import { flattenMessagePages, type MessagePages } from "../../src/react/cache/message-pages";
import { opencodeKeys } from "../../src/query/keys";
import { fakeAssistantMessage, fakeSession, fakeUserMessage } from "../support/fake-opencode-data";

const scope = { baseUrl: "http://127.0.0.1:4096", directory: undefined, workspace: undefined };

describe("a session event and the filtered lists", () => {
  /** One empty list cache per filter set; returns which lists show the session after the event. */
  function listsShowing(session: Session, filterSets: Record<string, SessionListFilters>): string[] {
    const queryClient = new QueryClient();
    for (const filters of Object.values(filterSets)) queryClient.setQueryData(opencodeKeys.sessionList(scope, filters), []);
    applyEventToCache(queryClient, scope, { type: "session.created", properties: { sessionID: session.id, info: session } } as WireEvent);
    return Object.entries(filterSets)
      .filter(([, filters]) => (queryClient.getQueryData<Session[]>(opencodeKeys.sessionList(scope, filters)) ?? []).some((s) => s.id === session.id))
      .map(([name]) => name);
  }

  it("search: joins the lists whose search its title contains, case-insensitively", () => {
    const session = fakeSession({ title: "Fix the Login bug" });
    expect(listsShowing(session, { all: {}, empty: { search: "" }, login: { search: "login" }, LOGIN: { search: "LOGIN" }, other: { search: "signup" } })).toEqual([
      "all",
      "empty",
      "login",
      "LOGIN",
    ]);
    // No title: only the unsearched lists.
    expect(listsShowing(fakeSession({ title: undefined as never }), { all: {}, some: { search: "e" } })).toEqual(["all"]);
  });

  it("start: joins the lists it was updated at or after the start of", () => {
    const session = fakeSession({ time: { created: 1, updated: 1_000 } });
    expect(listsShowing(session, { before: { start: 999 }, at: { start: 1_000 }, after: { start: 1_001 } })).toEqual(["before", "at"]);
  });

  it("path: joins the lists of its folder and of the folders above it, not of a sibling with the same prefix", () => {
    const session = { ...fakeSession(), path: "packages/app" } as Session;
    expect(
      listsShowing(session, { same: { path: "packages/app" }, parent: { path: "packages" }, sibling: { path: "packages/ap" }, other: { path: "docs" } }),
    ).toEqual(["same", "parent"]);
    // A session without a path (older servers) is not filtered out by path.
    expect(listsShowing(fakeSession(), { any: { path: "docs" } })).toEqual(["any"]);
  });

  it("roots and archived: a child stays out of root lists; archived and unarchived lists split", () => {
    const child = fakeSession({ parentID: "ses_parent" });
    const emptyParent = fakeSession({ parentID: "" });
    const archived = fakeSession({ time: { created: 1, updated: 2, archived: 3 } });
    expect(listsShowing(child, { all: {}, roots: { roots: true } })).toEqual(["all"]);
    expect(listsShowing(emptyParent, { roots: { roots: true } })).toEqual(["roots"]);
    expect(listsShowing(archived, { archived: { archived: true }, live: { archived: false }, all: {} })).toEqual(["archived", "all"]);
    expect(listsShowing(fakeSession(), { archived: { archived: true }, live: { archived: false } })).toEqual(["live"]);
  });

  it("an update that stops matching takes the session out of that list only", () => {
    const queryClient = new QueryClient();
    const session = fakeSession({ title: "login page" });
    const loginKey = opencodeKeys.sessionList(scope, { search: "login" });
    const allKey = opencodeKeys.sessionList(scope, {});
    queryClient.setQueryData(loginKey, [session]);
    queryClient.setQueryData(allKey, [session]);
    const renamed = { ...session, title: "signup page", time: { ...session.time, updated: session.time.updated + 1 } };
    applyEventToCache(queryClient, scope, { type: "session.updated", properties: { sessionID: session.id, info: renamed } } as WireEvent);
    expect(queryClient.getQueryData<Session[]>(loginKey)).toEqual([]);
    expect(queryClient.getQueryData<Session[]>(allKey)?.map((s) => s.title)).toEqual(["signup page"]);
  });
});

describe("a message event and the paged history", () => {
  const SID = "ses_1";
  const key = opencodeKeys.messages(scope, SID);
  const id = (n: number) => `msg_${String(n).padStart(12, "0")}aaaaaaaaaaaaaa`;
  const user = (n: number) => fakeUserMessage(SID, `m${n}`, id(n));
  const updated = (info: unknown): WireEvent => ({ type: "message.updated", properties: { sessionID: SID, info } }) as WireEvent;
  const ids = (queryClient: QueryClient) => flattenMessagePages(queryClient.getQueryData<MessagePages>(key)).map((m) => m.info.id);

  /** Newest page first, each page oldest first, as useMessages pages them. */
  function paged(pages: number[][]): QueryClient {
    const queryClient = new QueryClient();
    queryClient.setQueryData<MessagePages>(key, {
      pages: pages.map((items, i) => ({ items: items.map(user), nextCursor: i < pages.length - 1 ? "c" : undefined })),
      pageParams: pages.map(() => undefined),
    });
    return queryClient;
  }

  it("a new message lands in id order on the newest page, even when events arrive out of order", () => {
    const queryClient = paged([[5, 6], [1, 2]]);
    applyEventToCache(queryClient, scope, updated(user(9).info));
    applyEventToCache(queryClient, scope, updated(user(7).info));
    applyEventToCache(queryClient, scope, updated(user(8).info));
    expect(ids(queryClient)).toEqual([1, 2, 5, 6, 7, 8, 9].map(id));
  });

  it("a message older than the newest page's first still goes to the newest page, first", () => {
    const queryClient = paged([[5, 6]]);
    applyEventToCache(queryClient, scope, updated(user(3).info));
    expect(ids(queryClient)).toEqual([3, 5, 6].map(id));
  });

  it("an update of a message on an older page replaces it in place: no duplicate on the newest page", () => {
    const queryClient = paged([[5, 6], [1, 2]]);
    const reply = fakeAssistantMessage(SID, id(1), "x", id(2));
    applyEventToCache(queryClient, scope, updated({ ...reply.info, finish: "length" }));
    expect(ids(queryClient)).toEqual([1, 2, 5, 6].map(id));
    const second = flattenMessagePages(queryClient.getQueryData<MessagePages>(key))[1];
    expect(second?.info).toMatchObject({ role: "assistant", finish: "length" });
    expect(second?.parts).toHaveLength(1); // the stored parts kept
  });

  it("message.removed takes a message off an older page; an unknown id changes nothing", () => {
    const queryClient = paged([[5, 6], [1, 2]]);
    const before = queryClient.getQueryData<MessagePages>(key);
    applyEventToCache(queryClient, scope, { type: "message.removed", properties: { sessionID: SID, messageID: id(42) } } as WireEvent);
    expect(queryClient.getQueryData<MessagePages>(key)).toBe(before);
    applyEventToCache(queryClient, scope, { type: "message.removed", properties: { sessionID: SID, messageID: id(2) } } as WireEvent);
    expect(ids(queryClient)).toEqual([1, 5, 6].map(id));
  });

  it("before the history was fetched, an event writes nothing (the fetch will bring it)", () => {
    const queryClient = new QueryClient();
    applyEventToCache(queryClient, scope, updated(user(1).info));
    expect(queryClient.getQueryData(key)).toBeUndefined();
  });
});

describe("a part event and the message it belongs to", () => {
  const SID = "ses_1";
  const key = opencodeKeys.messages(scope, SID);
  const pid = (n: number) => `prt_${String(n).padStart(12, "0")}aaaaaaaaaaaaaa`;

  function withReply(partIds: number[]) {
    const queryClient = new QueryClient();
    const user = fakeUserMessage(SID, "hi");
    const reply = fakeAssistantMessage(SID, user.info.id, "");
    const template = reply.parts[0];
    if (template === undefined) throw new Error("no part");
    reply.parts = partIds.map((n) => ({ ...template, id: pid(n), text: `t${n}`, time: { start: 1 } }) as MessageWithParts["parts"][number]);
    queryClient.setQueryData<MessagePages>(key, { pages: [{ items: [user, reply], nextCursor: undefined }], pageParams: [undefined] });
    const shown = () => flattenMessagePages(queryClient.getQueryData<MessagePages>(key)).find((m) => m.info.id === reply.info.id);
    const part = (n: number, text: string) => ({ ...template, id: pid(n), text });
    const apply = (event: { type: string; properties: Record<string, unknown> }) =>
      applyEventToCache(queryClient, scope, { type: event.type, properties: { sessionID: SID, ...event.properties } } as WireEvent);
    return { queryClient, reply, shown, part, apply };
  }
  const texts = (m: { parts: Array<{ id: string }> } | undefined) => m?.parts.map((p) => ("text" in p ? p.text : p.id));

  it("a new part lands in id order even when its snapshot arrives after a later part's", () => {
    const r = withReply([1, 4]);
    r.apply({ type: "message.part.updated", properties: { part: r.part(3, "t3") } });
    r.apply({ type: "message.part.updated", properties: { part: r.part(2, "t2") } });
    r.apply({ type: "message.part.updated", properties: { part: r.part(5, "t5") } });
    expect(texts(r.shown())).toEqual(["t1", "t2", "t3", "t4", "t5"]);
  });

  it("a snapshot of a known part replaces it in place", () => {
    const r = withReply([1, 2, 3]);
    r.apply({ type: "message.part.updated", properties: { part: r.part(2, "new") } });
    expect(texts(r.shown())).toEqual(["t1", "new", "t3"]);
  });

  it("message.part.removed removes the named part only; an unknown part changes nothing", () => {
    const r = withReply([1, 2, 3]);
    const before = r.queryClient.getQueryData(key);
    r.apply({ type: "message.part.removed", properties: { messageID: r.reply.info.id, partID: pid(9) } });
    expect(r.queryClient.getQueryData(key)).toBe(before);
    r.apply({ type: "message.part.removed", properties: { messageID: r.reply.info.id, partID: pid(2) } });
    expect(texts(r.shown())).toEqual(["t1", "t3"]);
  });

  it("a delta appends to the named part's field; a delta for a non-text field or an unknown part is dropped", () => {
    const r = withReply([1, 2]);
    r.apply({ type: "message.part.delta", properties: { messageID: r.reply.info.id, partID: pid(2), field: "text", delta: "+" } });
    expect(texts(r.shown())).toEqual(["t1", "t2+"]);
    const before = r.queryClient.getQueryData(key);
    r.apply({ type: "message.part.delta", properties: { messageID: r.reply.info.id, partID: pid(2), field: "time", delta: "x" } });
    r.apply({ type: "message.part.delta", properties: { messageID: r.reply.info.id, partID: pid(7), field: "text", delta: "x" } });
    r.apply({ type: "message.part.delta", properties: { messageID: r.reply.info.id, field: "text", delta: "x" } });
    expect(r.queryClient.getQueryData(key)).toBe(before);
  });
});
