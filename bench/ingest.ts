/**
 * Ingest: bytes of a recorded stream -> SSE parser -> decodeEvent -> the hub's routing (listener
 * registry) -> reply store, against JSON.parse alone on the same frames (the floor any JSON feed
 * pays). The bytes arrive in network-sized reads and go through the real hub (`createEventHub`
 * with a driver that feeds the connection's parser glue), so routing costs what it costs in an app.
 */
import { MalformedEventError } from "../src/core/errors";
import { decodeEvent } from "../src/core/events/decode-event";
import { createSseParser } from "../src/core/events/sse-parser";
import { createUtf8Stream } from "../src/core/events/utf8-stream";
import type { WireEvent } from "../src/core/events/types";
import { FALLBACK_FRAME_MS } from "../src/core/reply/store/frame-scheduler";
import { createReplyStore, type FrameScheduler } from "../src/core/reply";
import { createHubBenchClient } from "./bench-client";
import { BENCH_SESSION, chunksOf, type RecordedStream } from "./stream";
import { gc } from "./timing";

/** The middle value (the upper one of the two middle values for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** One measured pipeline. */
export interface IngestRow {
  readonly label: string;
  readonly ms: number;
  readonly eventsPerSec: number;
  /** Throughput relative to JSON.parse alone (1 = as fast as JSON.parse). */
  readonly ratio: number;
  /** Store publishes (setState calls) per run (0 for the rows without a store). */
  readonly flushes: number;
  /** The row is the store as an app runs it (default throttle): the one the target is about. */
  readonly isDefault: boolean;
}

const MAX_FRAME = { maxFrameBytes: 1024 * 1024 };
/** Events per simulated frame in the fixed-batch run (a fast stream replayed at full speed). */
export const EVENTS_PER_FRAME = 64;

/** The frames' data, as the parser hands them over. */
function frameData(stream: RecordedStream): string[] {
  const data: string[] = [];
  const parser = createSseParser({ onData: (d) => data.push(d), onOversize: () => undefined }, MAX_FRAME);
  for (const chunk of stream.chunks) parser.push(chunk);
  parser.end();
  return data;
}

/**
 * What sits behind the hub:
 * - none: one listener that counts (parse + decode + route alone);
 * - retain: one listener that keeps the latest event (the floor of any consumer that holds
 *   events: a held event survives young-generation collections, which then cost more);
 * - sync: a store with throttleMs 0 (one reduce + publish per event);
 * - fixed: a store flushed every EVENTS_PER_FRAME events;
 * - frame: the default store ("frame" throttle), see {@link frameClock}.
 */
type Sink = "none" | "retain" | "sync" | "fixed" | "frame";

/**
 * The stages before the hub, each cumulative, to tell where the time goes: UTF-8 decoding alone,
 * then SSE framing with a no-op consumer, then decodeEvent (JSON.parse and its checks).
 */
type Stage = "utf8" | "framing" | "decode";

export interface Pipeline {
  readonly label: string;
  readonly sink: Sink | Stage;
  readonly chunkBytes: number;
}

export const PIPELINES: readonly Pipeline[] = [
  { label: "stage: UTF-8 decode", sink: "utf8", chunkBytes: 65536 },
  { label: "stage:  + SSE framing", sink: "framing", chunkBytes: 65536 },
  { label: "stage:  + decodeEvent", sink: "decode", chunkBytes: 65536 },
  { label: "parse+decode+route", sink: "none", chunkBytes: 65536 },
  { label: "  + hold the latest event", sink: "retain", chunkBytes: 65536 },
  { label: "-> store, throttleMs 0", sink: "sync", chunkBytes: 65536 },
  { label: `-> store, batched (${EVENTS_PER_FRAME}/flush)`, sink: "fixed", chunkBytes: 65536 },
  { label: "-> store, frame batching (default), 64 KB reads", sink: "frame", chunkBytes: 65536 },
  { label: "-> store, frame batching (default), 16 KB reads", sink: "frame", chunkBytes: 16384 },
];

/**
 * The default scheduler as it behaves in a burst, without real timers (the run is synchronous):
 * a flush is scheduled on the first buffered event and runs at the first task boundary (the end
 * of a network read) once FALLBACK_FRAME_MS have passed since it was scheduled, which is what the
 * 16 ms timer (and, near enough, requestAnimationFrame) does while reads keep the thread busy.
 * Urgent events still flush synchronously inside the store and cancel the pending one.
 */
function frameClock(): { scheduler: FrameScheduler; atReadEnd(force?: boolean): void } {
  let pending: (() => void) | undefined;
  let scheduledAt = 0;
  return {
    scheduler(flush) {
      pending = flush;
      scheduledAt = performance.now();
      return () => (pending = undefined);
    },
    atReadEnd(force = false) {
      if (pending !== undefined && (force || performance.now() - scheduledAt >= FALLBACK_FRAME_MS)) {
        const flush = pending;
        pending = undefined;
        flush();
      }
    },
  };
}

/** One run of a stage row (no hub, no store); returns 0 (it publishes nothing). */
function stage(chunks: readonly Uint8Array[], kind: Stage): () => number {
  return () => {
    let sink = 0;
    if (kind === "utf8") {
      const decode = createUtf8Stream();
      for (const chunk of chunks) sink += decode(chunk).length;
    } else {
      const onData =
        kind === "framing"
          ? (data: string): void => void (sink += data.length)
          : (data: string): void => {
              if (!(decodeEvent(data) instanceof MalformedEventError)) sink += 1;
            };
      const parser = createSseParser({ onData, onOversize: () => undefined }, MAX_FRAME);
      for (const chunk of chunks) parser.push(chunk);
      parser.end();
    }
    return sink < 0 ? sink : 0;
  };
}

/**
 * The end of a task: what runs between two network reads (promise continuations, such as a
 * finished turn's final merge, whose message list the bench client answers at once).
 */
function taskBoundary(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One run of a pipeline; resolves to the number of store publishes it made. */
export function pipeline(stream: RecordedStream, { sink, chunkBytes }: Pipeline): () => Promise<number> {
  const chunks = chunksOf(stream.all, chunkBytes);
  if (sink === "utf8" || sink === "framing" || sink === "decode") {
    const run = stage(chunks, sink);
    return () => Promise.resolve(run());
  }
  return async () => {
    const { client, push, close } = createHubBenchClient();
    const clock = frameClock();
    let fixedFlush: (() => void) | undefined;
    const fixedScheduler: FrameScheduler = (flush) => {
      fixedFlush = flush;
      return () => (fixedFlush = undefined);
    };
    const store =
      sink === "sync" || sink === "fixed" || sink === "frame"
        ? createReplyStore({
            client,
            sessionId: BENCH_SESSION,
            ...(sink === "sync" ? { throttleMs: 0 } : { scheduler: sink === "fixed" ? fixedScheduler : clock.scheduler }),
          })
        : undefined;
    // One subscriber, like a component reading the status.
    let reads = 0;
    let publishes = 0;
    store?.subscribe((state) => {
      reads += state.status.length;
      publishes += 1;
    });
    const held: WireEvent[] = [];
    const offs: (() => void)[] = [];
    if (sink === "none") offs.push(client.events.subscribe(() => (reads += 1), { sessionId: BENCH_SESSION }));
    if (sink === "retain") offs.push(client.events.subscribe((event) => (held[0] = event), { sessionId: BENCH_SESSION }));
    if (sink === "fixed") {
      // Subscribed after the store, so it sees each event once the store has buffered it.
      let count = 0;
      offs.push(
        client.events.subscribe(
          () => {
            if (++count % EVENTS_PER_FRAME === 0) fixedFlush?.();
          },
          { sessionId: BENCH_SESSION },
        ),
      );
    }
    for (const chunk of chunks) {
      push(chunk);
      if (sink === "frame") clock.atReadEnd();
      // Each read is a task: promise continuations (a finished turn's merge) run between reads.
      await taskBoundary();
    }
    close();
    // The stream's tail: what the last frame would apply.
    fixedFlush?.();
    clock.atReadEnd(true);
    await taskBoundary();
    store?.getState().dispose();
    for (const off of offs) off();
    if (reads < 0) console.log(held.length); // keeps the sinks observable
    return publishes;
  };
}

/**
 * Runs the ingest benchmark. Rounds interleave every pipeline and each reports its median time, so
 * a burst of load on the machine hits all of them alike instead of skewing one ratio. The JSON.parse
 * floor needs the frames as strings in memory; they are cut again for each of its runs and let go
 * right after, so no pipeline runs with 122k extra live strings in the heap (they would make every
 * full collection of the pipelines that allocate most, the store rows, slower than in an app).
 *
 * No collection is forced before a timed pipeline run: the engine's heap sizing and code caches stay as a
 * running app has them. (A forced full collection before each run made the store rows ~25 % slower
 * and the routing rows not at all: it resets what the young generation and the compiled code of a
 * row settled on, which an app, never collecting on demand, does not pay for.) Garbage a run leaves
 * is collected during whichever run comes next; rows interleave, so that falls on all alike.
 */
export async function runIngest(stream: RecordedStream, rounds = 7): Promise<{ rows: IngestRow[]; events: number }> {
  const events = frameData(stream).length;
  const flushes = new Map<string, number>();
  const jsonParse = (): number => {
    const data = frameData(stream);
    // Moved out of the young generation first (they pin ~60 MB of decoded reads): the floor is the
    // parsing, not the copying of fresh input strings through the collections the parse triggers.
    gc();
    const start = performance.now();
    for (const d of data) JSON.parse(d);
    return performance.now() - start;
  };
  const jobs: [string, () => Promise<number>][] = [
    ["json", () => Promise.resolve(jsonParse())],
    ...PIPELINES.map((p): [string, () => Promise<number>] => {
      const run = pipeline(stream, p);
      return [
        p.label,
        async () => {
          const start = performance.now();
          flushes.set(p.label, await run());
          return performance.now() - start;
        },
      ];
    }),
  ];
  const times = new Map<string, number[]>(jobs.map(([name]) => [name, []]));
  for (const [, job] of jobs) await job(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, job] of jobs) times.get(name)?.push(await job());
  }
  // The median, not the best: a run that happens to include no full collection is a lucky one, and
  // the store rows, which keep more alive than routing does, need more of them over time.
  const best = new Map([...times].map(([name, ms]) => [name, median(ms)]));
  const jsonMs = best.get("json") ?? NaN;
  const rate = (ms: number): number => (events / ms) * 1000;
  const rows: IngestRow[] = [{ label: "JSON.parse alone", ms: jsonMs, eventsPerSec: rate(jsonMs), ratio: 1, flushes: 0, isDefault: false }];
  for (const p of PIPELINES) {
    const ms = best.get(p.label) ?? NaN;
    rows.push({ label: p.label, ms, eventsPerSec: rate(ms), ratio: jsonMs / ms, flushes: flushes.get(p.label) ?? 0, isDefault: p.sink === "frame" });
  }
  return { rows, events };
}
