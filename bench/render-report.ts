/** Prints the render section and writes it to bench/results.json (under "render"). */
import { readFileSync, writeFileSync } from "node:fs";
import { runRenderBench } from "./render";
import { row } from "./timing";

// Resolved from the bundle in .cache/ as from bench/ itself: both sit one level below the root.
const RESULTS = new URL("../bench/results.json", import.meta.url);

/**
 * Runs the render bench, prints the table side by side with the AI SDK, and records it.
 * @example await reportRender()
 */
export async function reportRender(): Promise<void> {
  const r = await runRenderBench();
  const frames = (ms: number): number => Math.ceil(ms / 16);
  const w = [58, 9, 9, 10];
  const perFrame = (commits: number, ms: number): string => (commits / frames(ms)).toFixed(2);
  console.log(`\nRender commits: ${r.deltas.toLocaleString("en")} deltas ${r.gapMs} ms apart, the same timeline for every run, counted from the first delta to the end of the turn on screen`);
  console.log(`(runs lasted: ours ${r.ours.ms.toFixed(0)} ms, AI SDK default ${r.aiSdkDefault.ms.toFixed(0)} ms, throttle-16 ${r.aiSdkThrottle16.ms.toFixed(0)} ms; frames = ceil(ms / 16))`);
  console.log(row(["view", "commits", "frames", "per frame"], w));
  console.log(row(["opencode-react useChat: the streaming message's view", String(r.ours.streamingView), String(frames(r.ours.ms)), perFrame(r.ours.streamingView, r.ours.ms)], w));
  console.log(row(["opencode-react useChat: 200 memoised past-message views", String(r.ours.pastViews), ""], w));
  console.log(row(["opencode-react useChat: the message list", String(r.ours.list), String(frames(r.ours.ms)), perFrame(r.ours.list, r.ours.ms)], w));
  console.log(row(["opencode-react useChat: a chat of another session", String(r.ours.otherChat), ""], w));
  console.log(row(["AI SDK useChat 4.x (@ai-sdk/react 1.2.12), default", String(r.aiSdkDefault.renders), String(frames(r.aiSdkDefault.ms)), perFrame(r.aiSdkDefault.renders, r.aiSdkDefault.ms)], w));
  console.log(row(["AI SDK useChat 4.x, experimental_throttle: 16", String(r.aiSdkThrottle16.renders), String(frames(r.aiSdkThrottle16.ms)), perFrame(r.aiSdkThrottle16.renders, r.aiSdkThrottle16.ms)], w));
  const verdict = (ok: boolean): string => (ok ? "target met" : "below target");
  const o = r.ours;
  console.log(`streaming view <= 1 commit per 16 ms frame: ${verdict(o.streamingView <= frames(o.ms))} (${o.streamingView} commits, ${frames(o.ms)} frames)`);
  console.log(`streaming view <= AI SDK throttle-16 commits: ${verdict(o.streamingView <= r.aiSdkThrottle16.renders)} (${o.streamingView} vs ${r.aiSdkThrottle16.renders})`);
  console.log(`memoised past-message views 0 commits: ${verdict(o.pastViews === 0)} (${o.pastViews}); another session's chat 0 commits: ${verdict(o.otherChat === 0)} (${o.otherChat})`);
  console.log(`message list <= 1 commit per frame: ${verdict(o.list <= frames(o.ms))} (${o.list} commits, ${frames(o.ms)} frames)`);
  console.log("(the cost of one delta by history length: the \"chat\" section, npm run bench chat)");
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>;
  } catch {
    // no results yet
  }
  results.render = { ...r, measuredAt: new Date().toISOString() };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}
