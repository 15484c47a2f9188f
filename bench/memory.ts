/**
 * Memory: the heap a store retains after 100k deltas into one part, against twice the final text
 * size (the text itself plus as much again for everything else) plus the store's own constant.
 */
import { createReplyStore, distill, type FrameScheduler } from "../src/core/reply";
import { createBenchClient } from "./bench-client";
import { BENCH_SESSION } from "./stream";
import { heapAfterGc } from "./timing";

const DELTAS = 100_000;

/** Memory figures. */
export interface MemoryFigures {
  readonly deltas: number;
  readonly textBytes: number;
  readonly retained: number;
  readonly constant: number;
}

/** Runs the memory benchmark (needs --expose-gc for meaningful figures). */
export function runMemory(): MemoryFigures {
  const { client, dispatch } = createBenchClient();
  let flushFrame: (() => void) | undefined;
  const scheduler: FrameScheduler = (flush) => {
    flushFrame = flush;
    return () => (flushFrame = undefined);
  };
  const base = heapAfterGc();
  const store = createReplyStore({ client, sessionId: BENCH_SESSION, scheduler });
  store.subscribe(() => undefined);
  const constant = heapAfterGc() - base;
  // Each delta as the feed delivers it: a freshly parsed frame (its own strings).
  const frame = (i: number): string =>
    `{"type":"message.part.delta","properties":{"sessionID":"${BENCH_SESSION}","messageID":"msg_1","partID":"prt_1","field":"text","delta":"tok${i % 1000} "}}`;
  for (let i = 0; i < DELTAS; i++) {
    dispatch(JSON.parse(frame(i)));
    if (i % 64 === 63) flushFrame?.();
  }
  flushFrame?.();
  const retained = heapAfterGc() - base;
  const textBytes = distill(store.getState()).text.length; // one-byte (ASCII) string
  store.getState().dispose();
  return { deltas: DELTAS, textBytes, retained, constant };
}
