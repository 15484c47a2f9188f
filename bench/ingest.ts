/**
 * Ingest: bytes of a recorded stream -> SSE parser -> decodeEvent -> routing by session id ->
 * reply store, against JSON.parse alone on the same frames (the floor any JSON feed pays).
 */
import { createSseParser } from "../src/core/events/sse-parser";
import { decodeEvent } from "../src/core/events/decode-event";
import { MalformedEventError } from "../src/core/errors";
import type { WireEvent } from "../src/core/events/types";
import { createReplyStore, type FrameScheduler } from "../src/core/reply";
import { createBenchClient } from "./bench-client";
import { BENCH_SESSION, type RecordedStream } from "./stream";
import { bestOf } from "./timing";

/** One measured pipeline. */
export interface IngestRow {
  readonly label: string;
  readonly ms: number;
  readonly eventsPerSec: number;
  /** Throughput relative to JSON.parse alone (1 = as fast as JSON.parse). */
  readonly ratio: number;
}

const MAX_FRAME = { maxFrameBytes: 1024 * 1024 };
/** Events per simulated frame in the batched run (a fast stream replayed at full speed). */
export const EVENTS_PER_FRAME = 64;

/** The frames' data, as the parser hands them over. */
function frameData(stream: RecordedStream): string[] {
  const data: string[] = [];
  const parser = createSseParser({ onData: (d) => data.push(d), onOversize: () => undefined }, MAX_FRAME);
  for (const chunk of stream.chunks) parser.push(chunk);
  parser.end();
  return data;
}

type Sink = "none" | "retain" | "sync" | "batched";

/**
 * Bytes through the whole pipeline into a store; or into nothing, or into a listener that only
 * keeps the latest event (the floor of any consumer that holds events: a held event survives
 * young-generation collections, which then cost several times more).
 */
function pipeline(stream: RecordedStream, sink: Sink): () => void {
  return () => {
    const { client, dispatch } = createBenchClient();
    let flushFrame: (() => void) | undefined;
    const scheduler: FrameScheduler = (flush) => {
      flushFrame = flush;
      return () => (flushFrame = undefined);
    };
    const store =
      sink === "sync" || sink === "batched"
        ? createReplyStore({ client, sessionId: BENCH_SESSION, ...(sink === "sync" ? { throttleMs: 0 } : { scheduler }) })
        : undefined;
    // One subscriber, like a component reading the status.
    let reads = 0;
    store?.subscribe((state) => (reads += state.status.length));
    const held: WireEvent[] = [];
    if (sink === "none") client.events.subscribe(() => (reads += 1), { sessionId: BENCH_SESSION });
    if (sink === "retain") client.events.subscribe((event) => (held[0] = event), { sessionId: BENCH_SESSION });
    let count = 0;
    const parser = createSseParser(
      {
        onData(data) {
          const event = decodeEvent(data);
          if (event instanceof MalformedEventError) return;
          dispatch(event);
          if (++count % EVENTS_PER_FRAME === 0 && flushFrame) flushFrame();
        },
        onOversize: () => undefined,
      },
      MAX_FRAME,
    );
    for (const chunk of stream.chunks) parser.push(chunk);
    parser.end();
    flushFrame?.();
    store?.getState().dispose();
  };
}

const LABELS: Record<Sink, string> = {
  none: "parse+decode+route",
  retain: "  + hold the latest event",
  sync: "-> store, throttleMs 0",
  batched: `-> store, batched (${EVENTS_PER_FRAME}/frame)`,
};

/**
 * Runs the ingest benchmark. Rounds interleave every pipeline and each keeps its best time, so a
 * burst of load on the machine hits all of them alike instead of skewing one ratio.
 */
export function runIngest(stream: RecordedStream, rounds = 9): { rows: IngestRow[]; events: number } {
  const data = frameData(stream);
  const jobs: [string, () => void][] = [
    ["json", () => data.forEach((d) => JSON.parse(d))],
    ...(Object.keys(LABELS) as Sink[]).map((sink): [string, () => void] => [sink, pipeline(stream, sink)]),
  ];
  const best = new Map<string, number>();
  for (const [, job] of jobs) job(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, job] of jobs) best.set(name, Math.min(best.get(name) ?? Infinity, bestOf(0, job, false)));
  }
  const jsonMs = best.get("json") ?? NaN;
  const rate = (ms: number): number => (data.length / ms) * 1000;
  const rows: IngestRow[] = [{ label: "JSON.parse alone", ms: jsonMs, eventsPerSec: rate(jsonMs), ratio: 1 }];
  for (const sink of Object.keys(LABELS) as Sink[]) {
    const ms = best.get(sink) ?? NaN;
    rows.push({ label: LABELS[sink], ms, eventsPerSec: rate(ms), ratio: jsonMs / ms });
  }
  return { rows, events: data.length };
}
