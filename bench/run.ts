/**
 * The benchmark's sections: `scaling` (scaling and memory tables) or `ingest`, one per process
 * (`scripts/bench.mjs` runs each in a fresh one: a section's heap must not weigh on the next). Prints
 * figures only; nothing here fails a build (speed goals are read, not asserted).
 */
import { runBurst } from "./burst";
import { reportChat } from "./chat-report";
import { runIngest } from "./ingest";
import { runMemory } from "./memory";
import { reportRender } from "./render-report";
import { runScaling } from "./scaling";
import { buildStream } from "./stream";
import { mb, row } from "./timing";

const verdict = (ok: boolean): string => (ok ? "target met" : "below target");
const ns = (value: number): string => `${value.toFixed(0)} ns`;

if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
  console.warn("note: run with --expose-gc (npm run bench does) for meaningful heap figures");
}

/** Scaling and memory tables. */
async function reportScalingAndMemory(): Promise<void> {
  const s = await runScaling();
  console.log("\nScaling: ns per delta (\"ab\") streamed into one part, reducer alone unless said");
  const w2 = [44, 12, 24];
  console.log(row(["case", "cost", "note"], w2));
  // Both sides stream into a part that already exists, so the ratio is about the 999 other parts only.
  const reducerRatio = s.thousandNs / s.onePartNs;
  const storeRatio = s.storeThousandNs / s.storeOneNs;
  console.log(row(["into a reply with 1 part", ns(s.onePartNs), "(median of interleaved rounds)"], w2));
  console.log(row(["into a reply with 1,000 parts", ns(s.thousandNs), `${reducerRatio.toFixed(2)}x 1 part`], w2));
  console.log(row(["store (throttleMs 0), 1 part", ns(s.storeOneNs), ""], w2));
  console.log(row(["store (throttleMs 0), 1,000 parts", ns(s.storeThousandNs), `${storeRatio.toFixed(2)}x 1 part`], w2));
  const emptyRatio = s.thousandNs / s.emptyNs;
  console.log(row(["into an empty reply (creates the part)", ns(s.emptyNs), "the issue's baseline"], w2));
  console.log(`reducer: 1,000 parts <= 1.5x an empty reply (issue's wording): ${verdict(emptyRatio <= 1.5)} (${emptyRatio.toFixed(2)}x)`);
  console.log(`reducer: 1,000 parts <= 1.5x 1 part (stricter): ${verdict(reducerRatio <= 1.5)} (${reducerRatio.toFixed(2)}x)`);
  // No target for the store with throttleMs 0: each publish copies the plain `parts` array (issue
  // 10's public shape), O(parts) per event there; under frame batching that copy is once per frame.
  console.log(`store:   1,000 parts, throttleMs 0: ${storeRatio.toFixed(2)}x 1 part (no target: a publish copies the parts array; once per frame when batched)`);
  console.log(row(["into a tiny text part", ns(s.tinyTextNs), ""], w2));
  console.log(row(["into a 1 MB text part", ns(s.bigTextNs), `${(s.bigTextNs / s.tinyTextNs).toFixed(2)}x tiny`], w2));
  console.log(row(["explicit copy of 1 MB (TextEncoder)", ns(s.copyNs), `${(s.copyNs / s.bigTextNs).toFixed(0)}x one delta`], w2));
  console.log(row([`worst single delta, ${s.window.toLocaleString("en")} into 1 MB`, ns(s.worstBigNs), `p99.9 ${ns(s.p999BigNs)}, ${s.over1msBig} over 1 ms`], w2));
  console.log(row(["  the same, deltas overlapping a GC pause left out", ns(s.worstNoGcBigNs), `median of 5 windows (worst window ${ns(s.worstNoGcMaxBigNs)})`], w2));
  console.log(row(["heap kept per delta into the 1 MB part", `${s.heapPerDelta.toFixed(0)} B`, "(a copy would be 1 MB)"], w2));
  console.log(`1 MB part not copied: ${verdict(s.heapPerDelta < 1024 && s.bigTextNs < s.copyNs / 10)}`);
  // Judged without GC pauses (a scavenge can stall any delta, whatever the text representation),
  // and against a quarter of a copy: a delta that copied the text would cost about one copy, while
  // the OS and the JIT alone stall a delta now and then by a tenth of one on a busy machine.
  console.log(`no single delta copies the 1 MB text: ${verdict(s.worstNoGcBigNs < s.copyNs / 4)} (worst outside GC ${(s.worstNoGcBigNs / s.copyNs).toFixed(2)}x a copy)`);

  const m = runMemory();
  const budget = 2 * m.textBytes + m.constant;
  console.log(`\nMemory: ${m.deltas.toLocaleString("en")} deltas into one part (store, batched)`);
  console.log(row(["final text", mb(m.textBytes)], [34, 12]));
  console.log(row(["heap retained (after gc)", mb(m.retained)], [34, 12]));
  console.log(row(["empty store (the constant)", mb(m.constant)], [34, 12]));
  console.log(row(["budget: 2x text + constant", mb(budget)], [34, 12]));
  console.log(`heap within 2x text + constant: ${verdict(m.retained <= budget)} (${((m.retained - m.constant) / m.textBytes).toFixed(2)}x text)`);
}

/** The ingest table. */
async function reportIngest(): Promise<void> {
  const stream = buildStream();
  console.log(`\nIngest: ${mb(stream.bytes)} recorded stream, ${stream.frames} frames (${stream.deltas} deltas)`);
  const ingest = await runIngest(stream);
  const widths = [48, 8, 12, 13, 8, 10];
  console.log(row(["pipeline", "ms", "events/s", "vs JSON.parse", "ns/evt", "publishes"], widths));
  for (const r of ingest.rows) {
    const perEvent = (r.ms * 1e6) / ingest.events;
    console.log(row([r.label, r.ms.toFixed(1), Math.round(r.eventsPerSec).toLocaleString("en"), `${(r.ratio * 100).toFixed(0)} %`, perEvent.toFixed(0), r.flushes > 0 ? r.flushes.toLocaleString("en") : ""], widths));
  }
  const defaults = ingest.rows.filter((r) => r.isDefault);
  const worst = Math.min(...defaults.map((r) => r.ratio));
  console.log(`default store pipeline >= 60 % of JSON.parse: ${verdict(worst >= 0.6)} (worst ${(worst * 100).toFixed(0)} %)`);
}

/** The burst latency table (a server process writing deltas, this process the client). */
async function reportBurst(): Promise<void> {
  const ms = 400;
  const rows = await runBurst([25_000, 60_000, 120_000, 180_000, 250_000, 0], ms);
  console.log(`\nBurst latency: frame leaves the server -> the store holds it (default batching, ${ms} ms bursts, server in another process)`);
  const widths = [20, 12, 9, 9, 9, 9, 9];
  console.log(row(["burst", "written/s", "events", "p50 ms", "p99 ms", "max ms", "updates"], widths));
  for (const r of rows) {
    console.log(row([r.label, Math.round(r.rate).toLocaleString("en"), r.events.toLocaleString("en"), r.p50.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), String(r.updates)], widths));
  }
  const paced = rows.filter((r) => r.label !== "as fast as it can");
  const worst = Math.max(...paced.map((r) => r.p99));
  console.log(`p99 <= 20 ms up to 250k events/s: ${verdict(worst <= 20)} (worst ${worst.toFixed(1)} ms)`);
}

const section = process.argv[2];
if (section === "scaling") await reportScalingAndMemory();
else if (section === "ingest") await reportIngest();
else if (section === "burst") await reportBurst();
else if (section === "render") await reportRender();
else if (section === "chat") await reportChat();
else throw new Error(`bench section "scaling", "ingest", "burst", "render" or "chat", not ${String(section)} (npm run bench runs them all)`);
