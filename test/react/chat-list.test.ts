/**
 * ChatList, pure: an update re-derives only the messages whose sources changed. A delta (the live
 * turn's parts, the newest page's copy of the streaming message) reads none of the older pages,
 * so its cost does not grow with the history; additions append; other shapes rebuild in order.
 */
import { describe, expect, it } from "vitest";
import type { MessagePage, MessageWithParts } from "../../src/core/api";
import type { ReplyPart } from "../../src/core/reply";
import type { MessagePages } from "../../src/react/cache/message-pages";
import { ChatList } from "../../src/react/chat/chat-list";
import type { OutboxEntry } from "../../src/react/chat/outbox";
import { assistant, liveTurn, text, user } from "../support/chat-fixtures";

/** Page items that count every read of an element or of the length. */
function watched(items: MessageWithParts[], reads: { count: number }): MessageWithParts[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (key === "length" || (typeof key === "string" && /^\d+$/.test(key)) || key === Symbol.iterator) reads.count += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** `count` past messages (user/assistant pairs) in pages of 10, oldest page last, older pages watched. */
function history(count: number, reads: { count: number }): MessageWithParts[][] {
  const all: MessageWithParts[] = [];
  for (let i = 0; i < count; i += 2) {
    const u = `msg_${String(i).padStart(4, "0")}u`;
    const a = `msg_${String(i).padStart(4, "0")}v`;
    all.push({ info: user(u, i * 10), parts: [text(`prt_${i}u`, u, `question ${i}`)] });
    all.push({ info: assistant(a, i * 10 + 1, u, i * 10 + 2), parts: [text(`prt_${i}v`, a, `answer ${i}`)] });
  }
  const pages: MessageWithParts[][] = [];
  for (let end = all.length; end > 0; end -= 10) pages.push(all.slice(Math.max(0, end - 10), end));
  return pages.map((items, i) => (i === 0 ? items : watched(items, reads)));
}

const pagesOf = (pages: readonly MessageWithParts[][]): MessagePages => ({
  pages: pages.map((items): MessagePage => ({ items, nextCursor: undefined })),
  pageParams: pages.map(() => undefined),
});

const T = 100_000;
const turnUser: MessageWithParts = { info: user("msg_9000u", T), parts: [text("prt_tu", "msg_9000u", "go")] };
const turnInfo = assistant("msg_9000v", T + 1, "msg_9000u");
const livePart = (value: string): ReplyPart => ({ id: "prt_live", type: "text", messageID: "msg_9000v", text: value });

describe("ChatList", () => {
  it("a delta reads none of the older pages: past messages and the ids keep their identity, only the streaming message changes", () => {
    const reads = { count: 0 };
    const pages = history(60, reads);
    const newest = [...(pages[0] ?? []), turnUser, { info: turnInfo, parts: [text("prt_live", "msg_9000v", "")] }];
    const list = new ChatList();
    list.update(pagesOf([newest, ...pages.slice(1)]), liveTurn({ status: "streaming", assistants: { msg_9000v: turnInfo }, partsByMessage: new Map([["msg_9000v", [livePart("")]]]) }), {});
    const before = list.messages;
    const ids = list.ids;
    expect(ids).toHaveLength(62);
    reads.count = 0;
    let streamed = "";
    for (let i = 0; i < 20; i += 1) {
      streamed += `w${i} `;
      // As each frame does: the reply store's parts and the newest page's copy both change.
      const page0 = [...newest.slice(0, -1), { info: turnInfo, parts: [text("prt_live", "msg_9000v", streamed)] }];
      const changed = list.update(pagesOf([page0, ...pages.slice(1)]), liveTurn({ status: "streaming", assistants: { msg_9000v: turnInfo }, partsByMessage: new Map([["msg_9000v", [livePart(streamed)]]]) }), {});
      expect(changed).toEqual(new Set(["msg_9000v"]));
    }
    expect(reads.count).toBe(0);
    expect(list.ids).toBe(ids);
    expect(list.messages.slice(0, -1).every((message, i) => message === before[i])).toBe(true);
    expect(list.messages.at(-1)?.parts).toEqual([livePart(streamed)]);
    expect(list.messages.at(-1)?.status).toBe("streaming");
  });

  it("the user's message and the turn's message are appended without reading the older pages", () => {
    const reads = { count: 0 };
    const pages = history(40, reads);
    const list = new ChatList();
    const entry: OutboxEntry = { id: "msg_9000u", prompt: { messageID: "msg_9000u", parts: [] }, message: turnUser, state: "sending", error: null };
    list.update(pagesOf(pages), liveTurn(), {});
    const before = list.messages;
    reads.count = 0;
    list.update(pagesOf(pages), liveTurn(), { msg_9000u: entry });
    expect(list.ids.at(-1)).toBe("msg_9000u");
    expect(list.get("msg_9000u")?.status).toBe("pending");
    list.update(pagesOf(pages), liveTurn({ status: "streaming", assistants: { msg_9000v: turnInfo }, partsByMessage: new Map([["msg_9000v", [livePart("hi")]]]) }), { msg_9000u: entry });
    expect(list.ids.slice(-2)).toEqual(["msg_9000u", "msg_9000v"]);
    expect(reads.count).toBe(0);
    expect(list.messages.slice(0, 40).every((message, i) => message === before[i])).toBe(true);
  });

  it("a new message that sorts before the newest one (time.created) still lands in order", () => {
    const list = new ChatList();
    const pages = history(4, { count: 0 });
    list.update(pagesOf(pages), liveTurn(), {});
    const early: MessageWithParts = { info: user("msg_zzzz", 15), parts: [text("prt_z", "msg_zzzz", "late id, early time")] };
    list.update(pagesOf([[...(pages[0] ?? []), early]]), liveTurn(), {});
    expect(list.ids).toEqual(["msg_0000u", "msg_0000v", "msg_zzzz", "msg_0002u", "msg_0002v"]);
    expect(list.messages.map((m) => m.id)).toEqual(list.ids);
  });

  it("an unsent message dropped from the outbox leaves the list; an older page loaded is merged in order, keeping the objects shown", () => {
    const pages = history(30, { count: 0 });
    const list = new ChatList();
    const entry: OutboxEntry = { id: "msg_9000u", prompt: { messageID: "msg_9000u", parts: [] }, message: turnUser, state: "failed", error: new Error("no") };
    list.update(pagesOf(pages.slice(0, 2)), liveTurn(), { msg_9000u: entry });
    expect(list.ids).toHaveLength(21);
    const shown = list.messages.slice(0, 20);
    list.update(pagesOf(pages.slice(0, 2)), liveTurn(), {});
    expect(list.ids).toHaveLength(20);
    list.update(pagesOf(pages), liveTurn(), {});
    expect(list.ids).toHaveLength(30);
    expect(list.ids[0]).toBe("msg_0000u");
    expect(list.messages.slice(10)).toEqual(shown);
    expect(list.messages.slice(10).every((message, i) => message === shown[i])).toBe(true);
  });
});
