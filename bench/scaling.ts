/**
 * Scaling: one delta must cost O(size of the change). A delta into an existing part of a reply
 * with 1,000 parts vs the same delta into the one existing part of a 1-part reply (reducer and
 * store apart); a delta into a 1 MB text part vs a tiny one, against an explicit 1 MB copy, the
 * worst single delta over a long stream into the 1 MB part, and the heap each delta leaves behind.
 */
import { PerformanceObserver } from "node:perf_hooks";
import type { WireEvent } from "../src/core/events/types";
import { createReplyStore, initialReplyState, reduce, type ReplyState } from "../src/core/reply";
import { createBenchClient } from "./bench-client";
import { BENCH_SESSION } from "./stream";
import { bestOf, gc, heapAfterGc } from "./timing";

const SID = BENCH_SESSION;
const COUNT = 20_000;

const delta = (partID: string, text: string): WireEvent => ({
  type: "message.part.delta",
  properties: { sessionID: SID, messageID: "msg_1", partID, field: "text", delta: text },
});
const snapshot = (id: string, text: string): WireEvent => ({
  type: "message.part.updated",
  properties: { sessionID: SID, part: { id, sessionID: SID, messageID: "msg_1", type: "text", text } },
});

function replyWith(parts: number, text = "x"): ReplyState {
  let state = initialReplyState(SID);
  for (let i = 0; i < parts; i++) state = reduce(state, snapshot(`p${i}`, text), 1);
  return state;
}

let sink = 0;

/** One timed job: COUNT deltas streamed by the reducer into `part`, starting from `start`. */
function reducerJob(start: ReplyState, part: string): () => void {
  const event = delta(part, "ab");
  return () => {
    let state = start;
    for (let i = 0; i < COUNT; i++) state = reduce(state, event, 1);
    sink += state.partIds.length;
  };
}

/** The literal baseline: one delta into an EMPTY reply (it creates the part), repeated. */
function emptyReplyJob(): () => void {
  const start = initialReplyState(SID);
  const event = delta("p0", "ab");
  return () => {
    for (let i = 0; i < COUNT; i++) sink += reduce(start, event, 1).partIds.length;
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * ns per delta of each job, the median over rounds: rounds interleave the jobs, so a burst of
 * load on the machine hits every case alike instead of skewing one ratio, and the median (not
 * the best) keeps one lucky round from deciding a ratio.
 */
function interleaved(jobs: Record<string, () => void>, rounds = 15): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const job of Object.values(jobs)) job();
  for (let round = 0; round < rounds; round++) {
    for (const [name, job] of Object.entries(jobs)) (times[name] ??= []).push(bestOf(0, job, false));
  }
  const ns: Record<string, number> = {};
  for (const [name, list] of Object.entries(times)) ns[name] = (median(list) * 1e6) / COUNT;
  return ns;
}

/** Deltas timed one by one into the 1 MB part: "ab" each, so the text grows by 400 KB. */
const WINDOW = 200_000;

/** The worst single deltas of one window, all and outside GC pauses. */
interface Worst {
  readonly worstNs: number;
  readonly p999Ns: number;
  readonly over1ms: number;
  /** The worst delta during which no GC pause ran: the reducer's own worst case. */
  readonly worstNoGcNs: number;
}

/**
 * The worst single delta streamed into a 1 MB part, timed one by one over a window long enough
 * to cross many points where the text representation does extra work (sealing a chunk, or
 * formerly flattening the whole text), so an occasional big copy shows here even when the
 * average hides it. GC pauses land in the same timings (a scavenge takes 0.3-5 ms here), so the
 * deltas that overlap a GC pause, as reported by a `gc` PerformanceObserver, are also left out
 * for a second figure: what the reducer itself costs at worst.
 */
async function worstDelta(start: ReplyState, part: string): Promise<Worst> {
  const event = delta(part, "ab");
  const begin = new Float64Array(WINDOW);
  const took = new Float64Array(WINDOW);
  const pauses: Array<[number, number]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.startTime + entry.duration]);
  });
  observer.observe({ entryTypes: ["gc"] });
  let state = start;
  gc();
  for (let i = 0; i < WINDOW; i++) {
    const t0 = performance.now();
    state = reduce(state, event, 1);
    begin[i] = t0;
    took[i] = performance.now() - t0;
  }
  sink += state.partIds.length;
  // GC entries are delivered asynchronously: let them arrive before reading them.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const sorted = [...took].sort((a, b) => a - b);
  const during = (i: number): boolean => {
    const from = begin[i] ?? 0;
    const to = from + (took[i] ?? 0);
    return pauses.some(([s, e]) => s < to && e > from);
  };
  let worstNoGc = 0;
  for (let i = 0; i < WINDOW; i++) if ((took[i] ?? 0) > worstNoGc && !during(i)) worstNoGc = took[i] ?? 0;
  return {
    worstNs: (sorted[WINDOW - 1] ?? NaN) * 1e6,
    p999Ns: (sorted[Math.floor(WINDOW * 0.999)] ?? NaN) * 1e6,
    over1ms: sorted.filter((ms) => ms > 1).length,
    worstNoGcNs: worstNoGc * 1e6,
  };
}

/** One timed job: COUNT deltas through a store (throttleMs 0: reduce, project, setState, a listener). */
function storeJob(parts: number): { job: () => void; dispose: () => void } {
  const { client, dispatch } = createBenchClient();
  const store = createReplyStore({ client, sessionId: SID, throttleMs: 0 });
  store.subscribe(() => undefined);
  for (let i = 0; i < parts; i++) dispatch(snapshot(`p${i}`, "x"));
  const event = delta(`p${Math.floor(parts / 2)}`, "ab");
  return {
    job: () => {
      for (let i = 0; i < COUNT; i++) dispatch(event);
    },
    dispose: () => store.getState().dispose(),
  };
}

/** Scaling figures. */
export interface ScalingFigures {
  /** One delta into an empty reply (creating its part): the wording of the baseline. */
  readonly emptyNs: number;
  readonly onePartNs: number;
  readonly thousandNs: number;
  readonly storeOneNs: number;
  readonly storeThousandNs: number;
  readonly tinyTextNs: number;
  readonly bigTextNs: number;
  readonly copyNs: number;
  /** Worst / 99.9th percentile single delta over {@link WINDOW} deltas into the 1 MB part (worst window). */
  readonly worstBigNs: number;
  readonly p999BigNs: number;
  readonly over1msBig: number;
  /** Worst single delta into the 1 MB part that no GC pause overlapped (median of the windows). */
  readonly worstNoGcBigNs: number;
  /** The same, the worst window instead of the median one. */
  readonly worstNoGcMaxBigNs: number;
  readonly window: number;
  readonly heapPerDelta: number;
}

/** Runs the scaling benchmark. */
export async function runScaling(): Promise<ScalingFigures> {
  const big = "x".repeat(1 << 20);
  const storeOne = storeJob(1);
  const storeThousand = storeJob(1000);
  const ns = interleaved({
    empty: emptyReplyJob(),
    one: reducerJob(replyWith(1), "p0"),
    thousand: reducerJob(replyWith(1000), "p500"),
    storeOne: storeOne.job,
    storeThousand: storeThousand.job,
    tiny: reducerJob(replyWith(1), "p0"),
    big: reducerJob(replyWith(1, big), "p0"),
  });
  storeOne.dispose();
  storeThousand.dispose();
  const encoder = new TextEncoder();
  let bytes = 0;
  const copyMs = bestOf(7, () => {
    for (let i = 0; i < 20; i++) bytes += encoder.encode(big).length;
  });
  // Heap each delta leaves in the state: 10k deltas chained into the 1 MB part, only the last state kept.
  let state: ReplyState = replyWith(1, big);
  const before = heapAfterGc();
  for (let i = 0; i < 10_000; i++) state = reduce(state, delta("p0", `d${i % 10}`), 1);
  const heapPerDelta = (heapAfterGc() - before) / 10_000;
  // Five windows, each one sample of where the extra work falls; the worst outside GC is taken as
  // the median over windows, since a single one can still catch the OS or the JIT stalling us.
  const windows: Worst[] = [];
  for (let i = 0; i < 5; i++) windows.push(await worstDelta(replyWith(1, big), "p0"));
  const worst = windows.reduce((a, b) => (b.worstNs > a.worstNs ? b : a));
  if (state.partIds.length !== 1 || sink < 0 || bytes < 0) throw new Error("unexpected state");
  const get = (name: string): number => ns[name] ?? NaN;
  return {
    emptyNs: get("empty"),
    onePartNs: get("one"),
    thousandNs: get("thousand"),
    storeOneNs: get("storeOne"),
    storeThousandNs: get("storeThousand"),
    tinyTextNs: get("tiny"),
    bigTextNs: get("big"),
    copyNs: (copyMs * 1e6) / 20,
    worstBigNs: worst.worstNs,
    p999BigNs: Math.max(...windows.map((w) => w.p999Ns)),
    over1msBig: Math.max(...windows.map((w) => w.over1ms)),
    worstNoGcBigNs: median(windows.map((w) => w.worstNoGcNs)),
    worstNoGcMaxBigNs: Math.max(...windows.map((w) => w.worstNoGcNs)),
    window: WINDOW,
    heapPerDelta,
  };
}
