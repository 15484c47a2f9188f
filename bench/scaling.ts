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

/** ns per delta folded by the reducer into `part` of `start` (each delta starts from `start`). */
function reducerNs(start: ReplyState, part: string): number {
  const event = delta(part, "ab");
  let sink = 0;
  const ms = bestOf(7, () => {
    for (let i = 0; i < COUNT; i++) sink += reduce(start, event, 1).partIds.length;
  });
  if (sink < 0) console.log(sink);
  return (ms * 1e6) / COUNT;
}

/** ns per delta through a store (throttleMs 0: reduce, project, setState, one listener). */
function storeNs(parts: number): number {
  const { client, dispatch } = createBenchClient();
  const store = createReplyStore({ client, sessionId: SID, throttleMs: 0 });
  store.subscribe(() => undefined);
  for (let i = 0; i < parts; i++) dispatch(snapshot(`p${i}`, "x"));
  const event = delta(parts === 0 ? "p0" : `p${Math.floor(parts / 2)}`, "ab");
  const ms = bestOf(7, () => {
    for (let i = 0; i < COUNT; i++) dispatch(event);
  });
  store.getState().dispose();
  return (ms * 1e6) / COUNT;
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
  const empty = initialReplyState(SID);
  const emptyNs = reducerNs(empty, "p0");
  const onePartNs = reducerNs(replyWith(1), "p0");
  const thousandNs = reducerNs(replyWith(1000), "p500");
  const storeOneNs = storeNs(1);
  const storeThousandNs = storeNs(1000);

  const big = "x".repeat(1 << 20);
  const tinyTextNs = reducerNs(replyWith(1), "p0");
  const bigTextNs = reducerNs(replyWith(1, big), "p0");
  const encoder = new TextEncoder();
  let bytes = 0;
  const copyMs = bestOf(7, () => {
    for (let i = 0; i < 20; i++) bytes += encoder.encode(big).length;
  });
  if (bytes < 0) console.log(bytes);
  // Heap each delta leaves in the state: 10k deltas chained into the 1 MB part, only the last state kept.
  let state: ReplyState = replyWith(1, big);
  const before = heapAfterGc();
  for (let i = 0; i < 10_000; i++) state = reduce(state, delta("p0", `d${i % 10}`), 1);
  const heapPerDelta = (heapAfterGc() - before) / 10_000;
  if (state.partIds.length !== 1) throw new Error("unexpected state");
  return { emptyNs, onePartNs, thousandNs, storeOneNs, storeThousandNs, tinyTextNs, bigTextNs, copyNs: (copyMs * 1e6) / 20, heapPerDelta };
}
