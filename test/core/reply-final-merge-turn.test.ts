// The final merge (reducer/reconcile.ts): which stored messages are the turn's, and what the reply
// learns from them (its user messages, the assistant infos). Mutation testing found these unpinned:
// a partial list, junk entries, the prompt's own parts, a list with no user message, and the user
// message a store created mid-turn only learns from the fetch.
import { describe, expect, test } from "vitest";
import { distill, reconcileTurn, reduceAll } from "../../src/core/reply";
import { mergeMidTurn, textLengths } from "../../src/core/reply/reducer/mid-turn-merge";
import { assistantMessage, delta, fold, MSG, snapshot, textSnap, USER, userMessage } from "../support/reply-events";
import { storedAssistant, storedList, storedText, storedUser } from "../support/reply-stored";

describe("reconcileTurn: the turn's messages in the stored list", () => {
  test("a partial list that has the turn's answer but not its user message keeps the stream (it may be cut short)", () => {
    const state = fold([userMessage(), textSnap("p1", "streamed")]);
    const page = storedList(storedUser("msg_u0"), storedAssistant(MSG, [storedText("p1", "stored, maybe partial")], USER));
    expect(reconcileTurn(state, page)).toBe(state);
  });

  test("entries that are not messages are skipped, and so are parts that are not objects", () => {
    const state = fold([userMessage(), textSnap("p1", "Hello")]);
    const list = storedList(null, "junk", { parts: [] }, { info: "nope" }, storedUser(), { ...storedAssistant(MSG), parts: [null, "junk", storedText("p1", "Hello there")] });
    expect(distill(reconcileTurn(state, list)).text).toBe("Hello there");
  });

  test("the prompt's own parts (the user message's) never become reply parts", () => {
    const state = fold([userMessage(), textSnap("p1", "4")]);
    const merged = reconcileTurn(state, storedList(storedUser(USER, [storedText("prompt", "What is 2+2?")]), storedAssistant(MSG, [storedText("p1", "4.")])));
    expect(merged.partIds).toEqual(["p1"]);
    expect(distill(merged).text).toBe("4.");
  });

  test("a list without any user message (a page of the turn only) and a reply that knows none: every assistant message is the turn's", () => {
    const state = fold([textSnap("p1", "Hel")]);
    const merged = reconcileTurn(state, storedList(storedAssistant(MSG, [storedText("p1", "Hello")]), storedAssistant("msg_a2", [storedText("p2", "again")])));
    expect(distill(merged).text).toBe("Hello\n\nagain");
    expect(merged.userMessageId).toBeNull();
    expect(merged.userMessageIds).toEqual({});
    expect(merged.turnUserIds).toEqual([]);
  });

  test("a store created mid-turn learns the turn's user message from the fetch: its prompt stays out, its answer stays in through a queued prompt", () => {
    const before = fold([delta("p1", "Hel")]);
    const fetched = storedList(storedUser(USER, [storedText("prompt", "Say hello")]), storedAssistant(MSG, [storedText("p1", "Hello")]));
    const merged = mergeMidTurn(before, fetched, textLengths(before));
    expect(merged.userMessageId).toBe(USER);
    expect(merged.turnUserIds).toEqual([USER]);
    // A late snapshot of the prompt's part is the user's text, not the reply's.
    const late = reduceAll(merged, [snapshot({ id: "prompt", type: "text", text: "Say hello", messageID: USER })], 1000);
    expect(late.partIds).toEqual(["p1"]);
    // Another tab queues a prompt; the final merge keeps the answers to both.
    const queued = reduceAll(late, [userMessage("msg_u2"), assistantMessage("msg_a2", { parentID: "msg_u2" }), textSnap("p2", "Second", "text", { messageID: "msg_a2" })], 1000);
    const final = reconcileTurn(
      queued,
      storedList(
        storedUser(USER),
        storedAssistant(MSG, [storedText("p1", "Hello")]),
        storedUser("msg_u2"),
        storedAssistant("msg_a2", [storedText("p2", "Second answer")], "msg_u2"),
      ),
    );
    expect(distill(final).text).toBe("Hello\n\nSecond answer");
  });

  test("the stored assistant infos replace the streamed ones (cost, tokens), each one; an info without id adds nothing", () => {
    const state = fold([userMessage(), assistantMessage(MSG), assistantMessage("msg_a2"), textSnap("p1", "Hi"), textSnap("p2", "There", "text", { messageID: "msg_a2" })]);
    const merged = reconcileTurn(
      state,
      storedList(
        storedUser(),
        storedAssistant(MSG, [storedText("p1", "Hi")], USER, { time: { created: 1 } }),
        storedAssistant("msg_a2", [storedText("p2", "There")], USER, { time: { created: 1 }, cost: 0.5, tokens: { input: 7 } }),
        storedAssistant(undefined as unknown as string, [], USER, { id: undefined }),
      ),
    );
    expect(Object.keys(merged.messages).sort()).toEqual([MSG, "msg_a2"]);
    expect(merged.messages.msg_a2).toMatchObject({ cost: 0.5, tokens: { input: 7 } });
    expect(merged.messages[MSG]).toMatchObject({ cost: 0 });
  });

  test("an assistant info the stored turn does not have (streamed, then not kept by the server) is dropped", () => {
    const state = fold([userMessage(), assistantMessage(MSG, { time: { created: 1 } }), assistantMessage("msg_gone", { time: { created: 1 } }), textSnap("p1", "Hi")]);
    const merged = reconcileTurn(state, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hi!")], USER, { time: { created: 1 } })));
    expect(Object.keys(merged.messages)).toEqual([MSG]);
  });
});
