/** Prints the long-chat section (per-delta cost by history length, memory by pages loaded) and records it in bench/results.json (under "chat"). */
import { readFileSync, writeFileSync } from "node:fs";
import { runChatDelta, type ChatDeltaCost, type ChatPattern } from "./chat-scaling";
import { runChatMemory } from "./chat-memory";
import { installDom } from "./render";
import { mb, row } from "./timing";

const RESULTS = new URL("../bench/results.json", import.meta.url);
const SIZES = [0, 500, 2_000];
const ROUNDS = 2;
/** React's production build (NODE_ENV=production, as users ship it): no Profiler timings then. */
const PRODUCTION = process.env.NODE_ENV === "production";

const verdict = (ok: boolean): string => (ok ? "target met" : "below target");
const us = (value: number): string => `${value.toFixed(0)} µs`;

/** The run with the least CPU per delta of each size (the others were slowed by the machine's other load). */
async function costs(pattern: ChatPattern, rounds: number): Promise<Map<number, ChatDeltaCost[]>> {
  const runs = new Map<number, ChatDeltaCost[]>();
  // Interleaved, so a burst of load on the shared machine hits every size alike.
  for (let round = 0; round < rounds; round += 1) {
    for (const past of SIZES) runs.set(past, [...(runs.get(past) ?? []), await runChatDelta(past, pattern)]);
  }
  return runs;
}

function best(list: readonly ChatDeltaCost[]): ChatDeltaCost {
  return list.reduce((a, b) => (b.cpuUsPerDelta < a.cpuUsPerDelta ? b : a));
}

function printCosts(title: string, runs: Map<number, ChatDeltaCost[]>): { ratio500: number; ratio2000: number } {
  console.log(title);
  const w = [14, 26, 12, 14, 12, 12];
  console.log(row(["past messages", "CPU per delta (each run)", "React/delta", "vs 0 past", "list commits", "past rows"], w));
  const base = best(runs.get(0) ?? []);
  for (const past of SIZES) {
    const list = runs.get(past) ?? [];
    const b = best(list);
    const ratio = b.cpuUsPerDelta / base.cpuUsPerDelta;
    console.log(row([past.toLocaleString("en"), list.map((r) => us(r.cpuUsPerDelta)).join(", "), PRODUCTION ? "n/a" : us(b.reactUsPerDelta), `${ratio.toFixed(2)}x`, String(b.listCommits), String(b.pastRowCommits)], w));
  }
  const ratioOf = (past: number): number => best(runs.get(past) ?? []).cpuUsPerDelta / base.cpuUsPerDelta;
  return { ratio500: ratioOf(500), ratio2000: ratioOf(2_000) };
}

/**
 * Runs the section and prints it.
 * @example await reportChat()
 */
export async function reportChat(): Promise<void> {
  installDom();
  const ids = await costs("ids", ROUNDS);
  const messages = await costs("messages", 1);
  console.log(`\nLong chats${PRODUCTION ? ", React production build" : ""}: cost of one delta (1,000 deltas 2 ms apart) by past messages loaded (all pages, 50 a page)`);
  console.log(`CPU = the whole process (feed, reply store, history cache, chat model, React ${PRODUCTION ? "production" : "dev"} build, jsdom); lowest of the runs is compared`);
  const fine = printCosts("Big-screen list: useChatMessageIds + a useChatMessage row each (blocks of 50 memoised rows)", ids);
  console.log(`one delta with 500 past <= 1.5x 0 past: ${verdict(fine.ratio500 <= 1.5)} (${fine.ratio500.toFixed(2)}x); 2,000 past: ${verdict(fine.ratio2000 <= 1.5)} (${fine.ratio2000.toFixed(2)}x)`);
  const simple = printCosts("Simple list: useChat().messages.map(m => <MemoRow message={m} />) (the list re-renders once per frame; React walks every row element)", messages);
  console.log(`(simple list, for comparison: 500 past ${simple.ratio500.toFixed(2)}x, 2,000 past ${simple.ratio2000.toFixed(2)}x: React's own O(rows) per list commit; use the big-screen list for long chats)`);

  const m = await runChatMemory();
  console.log(`\nMemory held by a chat (heap after GC above an app with no chat open, code space left out; pages of ${m.pageSize})`);
  const w = [58, 10];
  console.log(row(["50-message session open (1 page)", mb(m.smallOpen)], w));
  console.log(row(["2,000-message session open (1 page)", mb(m.bigOpen)], w));
  console.log(row(["  10 pages loaded (500 messages)", mb(m.big10Pages)], w));
  console.log(row([`  all pages loaded (${m.loadedAll.toLocaleString("en")} messages)`, mb(m.bigAllPages)], w));
  console.log(row([`  after a 1,000-delta turn (${(m.turnTextBytes / 1024).toFixed(1)} kB of text)`, mb(m.afterTurn)], w));
  console.log(row(["chat closed (unmounted; gcTime 0)", mb(m.closed)], w));
  const perMessage = (m.bigAllPages - m.bigOpen) / (m.loadedAll - m.pageSize);
  const share = m.bigOpen / m.bigAllPages;
  console.log(`per loaded message: ${(perMessage / 1024).toFixed(2)} kB (one page of ${m.pageSize}: ${((perMessage * m.pageSize) / 1024).toFixed(0)} kB); GC noise is about ±0.1 MB`);
  console.log(`memory bounded by the pages loaded (2,000-message session with 1 page open holds < 10 % of it with all 40): ${verdict(share < 0.1)} (${(share * 100).toFixed(1)} %)`);
  console.log(`memory released when the chat closes (< 10 % of the loaded session left): ${verdict(m.closed < 0.1 * m.bigAllPages)}`);

  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>;
  } catch {
    // no results yet
  }
  results[PRODUCTION ? "chatProduction" : "chat"] = { ids: Object.fromEntries(ids), messages: Object.fromEntries(messages), memory: m, measuredAt: new Date().toISOString() };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}
