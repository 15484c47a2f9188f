/**
 * buildChatMessages, pure: order by time.created then id (ids wrap), no duplicates across
 * sources, the live turn's parts win for the message it streams, unchanged messages keep identity.
 */
import { describe, expect, it } from "vitest";
import type { MessageWithParts } from "../../src/core/api";
import type { ReplyPart } from "../../src/core/reply";
import { buildChatMessages } from "../../src/react/chat/build-messages";
import { assistant, liveTurn, text, user } from "../support/chat-fixtures";

describe("buildChatMessages", () => {
  it("orders by time.created, then id, not by id alone (OpenCode ids wrap)", () => {
    // The later message has the SMALLER id: its 48-bit time prefix wrapped.
    const history: MessageWithParts[] = [
      { info: user("msg_ffffffffffff0000000000001", 1000), parts: [text("prt_a", "msg_ffffffffffff0000000000001", "before")] },
      { info: user("msg_000000000001000000000002", 2000), parts: [text("prt_b", "msg_000000000001000000000002", "after")] },
      { info: user("msg_000000000000000000000003", 2000), parts: [] },
    ].reverse();
    const { messages } = buildChatMessages({ history, live: liveTurn(), outbox: {} }, new Map());
    expect(messages.map((m) => m.id)).toEqual(["msg_ffffffffffff0000000000001", "msg_000000000000000000000003", "msg_000000000001000000000002"]);
  });

  it("an assistant message the live turn streams shows the live parts, once, with status streaming", () => {
    const info = assistant("msg_2", 2, "msg_1");
    const livePart: ReplyPart = { id: "prt_x", type: "text", messageID: "msg_2", text: "streamed so far" };
    const history: MessageWithParts[] = [
      { info: user("msg_1", 1), parts: [text("prt_u", "msg_1", "q")] },
      { info, parts: [text("prt_x", "msg_2", "stream")] },
    ];
    const live = liveTurn({ status: "streaming", assistants: { msg_2: info }, partsByMessage: new Map([["msg_2", [livePart]]]) });
    const { messages } = buildChatMessages({ history, live, outbox: {} }, new Map());
    expect(messages.map((m) => [m.id, m.status])).toEqual([["msg_1", "complete"], ["msg_2", "streaming"]]);
    expect(messages[1]?.parts).toEqual([livePart]);
  });

  it("a message whose source changes to an equal copy (live turn -> stored history) keeps its object and parts", () => {
    const info = assistant("msg_2", 2, "msg_1", 3);
    const stored: MessageWithParts = { info, parts: [text("prt_x", "msg_2", "done")] };
    const livePart: ReplyPart = { id: "prt_x", type: "text", messageID: "msg_2", text: "done" };
    const first = buildChatMessages({ history: [stored], live: liveTurn({ assistants: { msg_2: info }, partsByMessage: new Map([["msg_2", [livePart]]]) }), outbox: {} }, new Map());
    const second = buildChatMessages({ history: [stored], live: liveTurn(), outbox: {} }, first.byId);
    expect(second.messages[0]).toBe(first.messages[0]);
    expect(second.messages[0]?.parts[0]).toBe(livePart);
  });
});
