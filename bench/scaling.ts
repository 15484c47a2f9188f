/**
 * Scaling: one delta must cost O(size of the change). A delta into a reply with 1,000 parts vs a
 * reply with one part (and vs an empty reply, where it creates the part); a delta into a 1 MB text
 * part vs a tiny one, against an explicit 1 MB copy, with the heap each delta leaves behind.
 */
import type { WireEvent } from "../src/core/events/types";
import { createReplyStore, initialReplyState, reduce, type ReplyState } from "../src/core/reply";
import { createBenchClient } from "./bench-client";
import { BENCH_SESSION } from "./stream";
import { bestOf, heapAfterGc } from "./timing";

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

/**
 * ns per delta of each job: rounds interleave the jobs and each keeps its best time, so a burst
 * of load on the machine hits every case alike instead of skewing one ratio.
 */
function interleaved(jobs: Record<string, () => void>, rounds = 9): Record<string, number> {
  const best: Record<string, number> = {};
  for (const job of Object.values(jobs)) job();
  for (let round = 0; round < rounds; round++) {
    for (const [name, job] of Object.entries(jobs)) best[name] = Math.min(best[name] ?? Infinity, bestOf(0, job, false));
  }
  for (const name of Object.keys(best)) best[name] = ((best[name] ?? NaN) * 1e6) / COUNT;
  return best;
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
  readonly emptyNs: number;
  readonly onePartNs: number;
  readonly thousandNs: number;
  readonly storeOneNs: number;
  readonly storeThousandNs: number;
  readonly tinyTextNs: number;
  readonly bigTextNs: number;
  readonly copyNs: number;
  readonly heapPerDelta: number;
}

/** Runs the scaling benchmark. */
export function runScaling(): ScalingFigures {
  const big = "x".repeat(1 << 20);
  const storeOne = storeJob(1);
  const storeThousand = storeJob(1000);
  const ns = interleaved({
    empty: reducerJob(initialReplyState(SID), "p0"),
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
    heapPerDelta,
  };
}
