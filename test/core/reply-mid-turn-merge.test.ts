// The mid-turn merge (reducer/mid-turn-merge.ts) on reducer states, without a store or a timer:
// the stored messages fetched while a turn still runs (after a feed reconnect, or a store created
// mid-turn) merged into the live reply. What a user sees: no text doubled or shortened, no live
// part lost, a tool's newest state kept, the totals of every step, and the deltas that follow the
// merge continuing the text where the server's copy ended.
import { describe, expect, test } from "vitest";
import { distill, getPart, reduceAll, type ReplyState, type WireMessage } from "../../src/core/reply";
import { mergeMidTurn, stitchText, textLengths } from "../../src/core/reply/reducer/mid-turn-merge";
import { assistantMessage, delta, fold, MSG, stepFinish, textSnap, toolSnap, USER, userMessage } from "../support/reply-events";
import { storedAssistant, storedList, storedReasoning, storedStep, storedText, storedTool, storedUser } from "../support/reply-stored";

/** The live reply when the GET left (`asked`), and after the events that arrived while it was in flight. */
function inFlight(before: Parameters<typeof fold>[0], during: Parameters<typeof fold>[0] = []) {
  const asked = fold([userMessage(), ...before]);
  return { asked, sent: textLengths(asked), live: reduceAll(asked, during, 1000) };
}

/** Merges the stored list the way the store does: lengths and parts as they were when the GET left. */
function merge(flight: ReturnType<typeof inFlight>, items: WireMessage[]): ReplyState {
  return mergeMidTurn(flight.live, items, flight.sent, flight.asked.parts);
}

const text = (state: ReplyState, id: string): string | undefined => {
  const part = getPart(state, id);
  return part?.type === "text" || part?.type === "reasoning" ? part.text : undefined;
};

/** The texts of `id` after each event, folded one at a time. */
function textsAfter(state: ReplyState, id: string, events: Parameters<typeof fold>[0]): (string | undefined)[] {
  const seen: (string | undefined)[] = [];
  for (const event of events) {
    state = reduceAll(state, [event], 1000);
    seen.push(text(state, id));
  }
  return seen;
}

describe("stitchText: the stored text joined with the live one", () => {
  test("the stored text plus the live deltas it does not end with yet (the longest overlap at the seam)", () => {
    expect(stitchText("Hello wor", "Hello world", 9)).toBe("Hello world");
    expect(stitchText("Hello worl", "Hello world", 9)).toBe("Hello world");
    // A store created mid-turn: every live character came after the request (sent 0).
    expect(stitchText("Hello wor", "rld", 0)).toBe("Hello world");
    expect(stitchText("Hello wor", "r", 0)).toBe("Hello wor");
  });

  test("a stored text that already holds the live text (the server answered ahead) is kept as it is", () => {
    expect(stitchText("Hello world!", "ld", 0)).toBe("Hello world!");
    expect(stitchText("Hello world!", "Hello wo", 8)).toBe("Hello world!");
  });

  test("live deltas that all came after the request and share nothing with the stored text are appended", () => {
    expect(stitchText("Hello", " there", 0)).toBe("Hello there");
  });

  test("inconsistent texts are never joined (nothing doubled, nothing shortened): the longer one stays, the server's on a tie", () => {
    // What was live when the GET left ("oX") is not in the stored text: a one-character overlap is a coincidence.
    expect(stitchText("Hello", "oXY", 2)).toBe("Hello");
    expect(stitchText("Hello wo", "Hello wrld", 10)).toBe("Hello wrld");
    expect(stitchText("Hello world!", "Hello wrld", 10)).toBe("Hello world!");
    expect(stitchText("abc", "xyz", 3)).toBe("abc");
  });
});

describe("mergeMidTurn: a stored list merged into the running reply", () => {
  test("a text the server stored part of: its stored text plus the deltas that came after, then the stream goes on", () => {
    const flight = inFlight([delta("p1", "Hello")], [delta("p1", " wor"), delta("p1", "ld")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello wor")])));
    expect(text(merged, "p1")).toBe("Hello world");
    expect(textsAfter(merged, "p1", [delta("p1", "!")])).toEqual(["Hello world!"]);
  });

  test("a store created mid-turn (nothing live when it asked): the stored start and the streamed end, joined once", () => {
    const flight = inFlight([], [delta("p1", "rld")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello wor")])));
    expect(distill(merged).text).toBe("Hello world");
  });

  test("reasoning is stitched the same way", () => {
    const flight = inFlight([delta("r1", "Let me", "reasoning")], [delta("r1", " think", "reasoning")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedReasoning("p0", "x"), storedReasoning("r1", "Let me th")])));
    expect(text(merged, "r1")).toBe("Let me think");
    expect(getPart(merged, "r1")?.type).toBe("reasoning");
  });

  test("the server ran ahead of the stream: its text is shown, and the deltas it already holds are skipped as they arrive", () => {
    const flight = inFlight([delta("p1", "Hello")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello world")])));
    expect(text(merged, "p1")).toBe("Hello world");
    // Every step stays a prefix of what the server has; the first new character is appended once.
    expect(textsAfter(merged, "p1", [delta("p1", " wo"), delta("p1", "rld"), delta("p1", "!")])).toEqual([
      "Hello world",
      "Hello world",
      "Hello world!",
    ]);
    // A delta that straddles the end of the stored text: its new tail is appended.
    expect(textsAfter(merged, "p1", [delta("p1", " world!")])).toEqual(["Hello world!"]);
    const caughtUp = reduceAll(merged, [delta("p1", " wo"), delta("p1", "rld")], 1000);
    expect(caughtUp.ahead).toEqual({});
  });

  test("two parts ahead at once: each skips only its own deltas", () => {
    const flight = inFlight([delta("r1", "Hm", "reasoning"), delta("p1", "Hi")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedReasoning("r1", "Hmm."), storedText("p1", "Hi there")])));
    const after = reduceAll(merged, [delta("p1", " there"), delta("r1", "m", "reasoning"), delta("r1", ".", "reasoning"), delta("p1", "!"), delta("r1", " Ok", "reasoning")], 1000);
    expect(distill(after)).toMatchObject({ text: "Hi there!", reasoning: "Hmm. Ok" });
    // The text caught up first: the reasoning's skip was still pending then.
    const textFirst = reduceAll(merged, [delta("p1", " there"), delta("p1", "!"), delta("r1", "m.", "reasoning")], 1000);
    expect(distill(textFirst)).toMatchObject({ text: "Hi there!", reasoning: "Hmm." });
  });

  test("a snapshot of a part that was ahead ends its skipping (the snapshot is authoritative); the other part still skips", () => {
    const flight = inFlight([delta("r1", "Hm", "reasoning"), delta("p1", "Hi")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedReasoning("r1", "Hmm."), storedText("p1", "Hi there")])));
    const after = reduceAll(merged, [textSnap("p1", "Hi there"), delta("p1", "!"), delta("r1", "m.", "reasoning")], 1000);
    expect(distill(after)).toMatchObject({ text: "Hi there!", reasoning: "Hmm." });
    const alone = reduceAll(merge(inFlight([delta("p1", "Hi")]), storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hi there")]))), [textSnap("p1", "Hi there"), delta("p1", "!")], 1000);
    expect(text(alone, "p1")).toBe("Hi there!");
    expect(alone.ahead).toEqual({});
  });

  test("a second merge keeps what the first one left ahead", () => {
    const first = inFlight([delta("p1", "Hello")]);
    const once = merge(first, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello world")])));
    const second = { asked: once, sent: textLengths(once), live: reduceAll(once, [delta("p2", "Bye")], 1000) };
    const twice = merge(second, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello world"), storedText("p2", "Bye now")])));
    expect(distill(twice).text).toBe("Hello world\n\nBye now");
    const after = reduceAll(twice, [delta("p1", " world"), delta("p2", " now")], 1000);
    expect(distill(after).text).toBe("Hello world\n\nBye now");
  });

  test("a live text the stored one does not hold is never joined to it; the deltas after a merge append normally", () => {
    // The stream dropped a delta ("o"): the stored text is not a prefix of the live one.
    const lagging = merge(inFlight([delta("p1", "Hello wrld")]), storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello wo")])));
    expect(text(lagging, "p1")).toBe("Hello wrld");
    const longer = merge(inFlight([delta("p1", "Hello wrld")]), storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hello world!")])));
    expect(text(longer, "p1")).toBe("Hello world!");
    expect(textsAfter(longer, "p1", [delta("p1", "?")])).toEqual(["Hello world!?"]);
    // Reasoning the same: its length when the GET left is what rules the coincidental overlap out.
    const reasoning = merge(inFlight([delta("r1", "Hello wrld", "reasoning")]), storedList(storedUser(), storedAssistant(MSG, [storedReasoning("r1", "Hello wo")])));
    expect(text(reasoning, "r1")).toBe("Hello wrld");
  });

  test("while one part is still ahead, another part's deltas append (the first text delta counted) and its unchanged snapshot changes nothing", () => {
    const flight = inFlight([delta("r1", "Hm", "reasoning"), textSnap("p1", "Hi")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedReasoning("r1", "Hmm."), storedText("p1", "Hi")])));
    expect(merged.firstTextSeen).toBe(false);
    expect(reduceAll(merged, [textSnap("p1", "Hi")], 1000)).toBe(merged);
    const after = reduceAll(merged, [delta("p1", " you")], 1000);
    expect(text(after, "p1")).toBe("Hi you");
    expect(after.firstTextSeen).toBe(true);
  });

  test("live parts the stored list does not have yet (created after the GET was answered) stay, in stream order", () => {
    const flight = inFlight([delta("p1", "Hi")], [toolSnap("t1", "bash", { status: "running", input: { command: "ls" } }), delta("p2", "Then")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hi all")])));
    expect(merged.partIds).toEqual(["p1", "t1", "p2"]);
    expect(distill(merged).text).toBe("Hi all\n\nThen");
  });

  test("a tool: the stored state when the stream did not change it meanwhile, else the stream's newer state", () => {
    const flight = inFlight(
      [toolSnap("t1", "bash", { status: "running" }, { callID: "call_1" }), toolSnap("t2", "read", { status: "running" }, { callID: "call_2" })],
      [toolSnap("t2", "read", { status: "completed", output: "file" }, { callID: "call_2" })],
    );
    const merged = merge(
      flight,
      storedList(
        storedUser(),
        storedAssistant(MSG, [
          storedTool("t1", "bash", { status: "completed", output: "ok" }, { callID: "call_1" }),
          storedTool("t2", "read", { status: "running" }, { callID: "call_2" }),
        ]),
      ),
    );
    expect(getPart(merged, "t1")).toMatchObject({ status: "completed", output: "ok" });
    expect(getPart(merged, "t2")).toMatchObject({ status: "completed", output: "file" });
  });

  test("totals count every step: the stored ones and those streamed while the GET was in flight", () => {
    const tokens = (input: number) => ({ input, output: 1, reasoning: 0, cache: { read: 0, write: 0 } });
    const flight = inFlight([delta("p1", "Hi"), stepFinish("s1", 0.25, tokens(10))], [delta("p2", "more"), stepFinish("s2", 0.5, tokens(20))]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hi!"), storedStep("s1", 0.25, tokens(10))])));
    expect(merged.totals).toEqual({ cost: 0.75, tokens: { input: 30, output: 2, reasoning: 0, cache: { read: 0, write: 0 } } });
  });

  test("a list with nothing new, or without the turn, gives back the same state", () => {
    const flight = inFlight([assistantMessage(MSG), textSnap("p1", "Hi")]);
    const info = { time: { created: 1 } };
    expect(merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedText("p1", "Hi")], USER, info)))).toBe(flight.live);
    expect(merge(flight, storedList(storedUser("msg_other"), storedAssistant(MSG, [storedText("p1", "Hi!")], "msg_other")))).toBe(flight.live);
  });

  test("the merge that changes a text gives a new state whose other parts keep their objects", () => {
    const flight = inFlight([textSnap("p0", "Same"), delta("p1", "Hi")]);
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedText("p0", "Same"), storedText("p1", "Hi you")])));
    expect(merged).not.toBe(flight.live);
    expect(getPart(merged, "p0")).toBe(getPart(flight.live, "p0"));
    expect(text(merged, "p1")).toBe("Hi you");
  });
});

describe("regression: a store created mid-turn lost the reasoning it streamed while its fetch was in flight", () => {
  test("a live part typed text by its deltas (the blank reasoning snapshot came before the store) and stored as reasoning: stitched, typed reasoning", () => {
    // Reasoning deltas say field "text" (TXT-04); without the announcing snapshot the stream guesses text.
    const flight = inFlight([], [delta("r1", "ink about it")]);
    expect(getPart(flight.live, "r1")?.type).toBe("text");
    const merged = merge(flight, storedList(storedUser(), storedAssistant(MSG, [storedReasoning("r1", "Let me th")])));
    expect(getPart(merged, "r1")).toMatchObject({ type: "reasoning", text: "Let me think about it" });
    expect(distill(reduceAll(merged, [delta("r1", ".")], 1000))).toMatchObject({ text: "", reasoning: "Let me think about it." });
  });
});
