/**
 * Render batching: events are buffered and applied at most once per frame, so a burst of deltas
 * costs one store update (one notification, one render) instead of one per event. Events a UI must
 * see at once (status, errors, questions, permissions) flush the buffer synchronously, in order:
 * they never wait behind text.
 */
import type { WireEvent } from "../../events/types";
import type { FrameScheduler } from "./frame-scheduler";
import { PendingEvents } from "./merge-deltas";
import { reduce } from "../reducer/reduce";
import type { ReplyState } from "../reducer/state";

/**
 * Entries (a folded run of deltas counts once) after which the buffer is applied without waiting
 * for the frame: a flush that never comes (a throttled background tab) cannot grow it without bound.
 */
export const MAX_BUFFERED = 4096;

/** Pushes between two reads of the clock for `maxAgeMs` (16 deltas: ~64 µs at 250k events/s). */
const AGE_CHECK = 16;

const URGENT_TYPES: ReadonlySet<string> = new Set(["session.status", "session.idle", "session.error"]);

/**
 * True for events that flush the buffer at once: `session.status`, `session.idle`,
 * `session.error`, `question.*` and `permission.*`.
 * @example isUrgentEvent({ type: "question.asked", properties: {} }) // true
 */
export function isUrgentEvent(event: WireEvent): boolean {
  const type = event.type;
  // "message.*" (deltas, snapshots) is nearly every event: decided on one character.
  if (type.charCodeAt(0) === 109) return false;
  return URGENT_TYPES.has(type) || type.startsWith("question.") || type.startsWith("permission.");
}

/**
 * True when `event` must be applied at once to a store whose last applied reply is `reply` while
 * `buffered` events wait for the next frame: an urgent event ({@link isUrgentEvent}) unless it
 * provably changes nothing. The server repeats `busy` once per model step, and sends
 * `session.idle` right after the idle status (STS-06); those wait for the frame like any other
 * event instead of costing a store update each. "Provably": `reply` lags the buffered events, and
 * those can start a turn (a delta, a user message), so
 * - a busy or retry status is held back only while the reply's turn is already running with that
 *   same status (buffered events can neither end a turn nor change its status: only urgent ones do);
 * - an idle status or `session.idle` only when nothing is buffered, so `reply` is current.
 * @example isUrgentFor(reply, { type: "session.status", properties: { sessionID: "ses_1", status: { type: "busy" } } }, 0)
 */
export function isUrgentFor(reply: ReplyState, event: WireEvent, buffered: number): boolean {
  if (!isUrgentEvent(event)) return false;
  const type = event.type;
  if (type !== "session.status" && type !== "session.idle") return true;
  const changes = reduce(reply, event, 0) !== reply;
  if (changes) return true;
  // Unchanged against `reply`: an idle-type event ends nothing only when `reply` is current; a
  // busy/retry that matches a running turn matches the buffered state too.
  return buffered > 0 && reply.turn !== "running";
}

/**
 * Options of {@link createEventBatcher}.
 * @example
 * const options: EventBatcherOptions = { scheduler: timerScheduler(50), apply: (events) => console.log(events.length) };
 * const batcher = createEventBatcher(options);
 */
export interface EventBatcherOptions {
  /** Schedules a flush; null applies every event synchronously. */
  readonly scheduler: FrameScheduler | null;
  /** Applies one batch (in arrival order, runs of same-part deltas folded); called with a non-empty list. */
  readonly apply: (events: readonly WireEvent[]) => void;
  /**
   * A buffered event older than this many ms is applied by the next push, without waiting for the
   * scheduled flush: when input never pauses, a timer (or frame) callback can be starved by the
   * feed's reads, and the buffer would wait far longer than a frame (undefined: off).
   */
  readonly maxAgeMs?: number;
}

/**
 * A buffer of events in front of a store.
 * @example
 * batcher.push(event); // buffered until the next frame, or flushed at once when urgent
 * batcher.dispose();
 */
export interface EventBatcher {
  /** Buffers an event; `urgent` (default: {@link isUrgentEvent}) flushes at once, including it. */
  push(event: WireEvent, urgent?: boolean): void;
  /** Applies whatever is buffered now. */
  flush(): void;
  /** Drops the buffer and cancels the scheduled flush; later pushes are ignored. */
  dispose(): void;
  /** Number of buffered entries (a folded run of deltas counts once). */
  readonly size: number;
}

/**
 * Creates a batcher. A run of deltas of one part is folded into one delta as it arrives (see
 * {@link PendingEvents}), so a burst of tokens holds one event and its text pieces until the flush,
 * not thousands of events. Re-entrant pushes (a store listener that causes an event) are buffered and
 * applied by the flush already running, so batches never interleave.
 * @example
 * const batcher = createEventBatcher({ scheduler: frameScheduler(), apply: (events) => store.setState(reduceAll(store.getState(), events)) });
 * hub.subscribe((event) => batcher.push(event), { sessionId });
 */
export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const { scheduler, apply, maxAgeMs } = options;
  const buffer = new PendingEvents();
  // Arrival of the oldest buffered event; the clock is read on every AGE_CHECK-th push only.
  let oldest = 0;
  let sinceCheck = 0;
  let cancel: (() => void) | undefined;
  let flushing = false;
  let disposed = false;

  function flush(): void {
    if (cancel !== undefined) {
      cancel();
      cancel = undefined;
    }
    if (flushing || disposed) return;
    flushing = true;
    try {
      while (buffer.size > 0 && !disposed) apply(buffer.take());
    } finally {
      flushing = false;
    }
  }

  return {
    push(event, urgent = isUrgentEvent(event)) {
      if (disposed) return;
      if (maxAgeMs !== undefined && buffer.size === 0) {
        oldest = performance.now();
        sinceCheck = 0;
      }
      buffer.push(event);
      if (scheduler === null || urgent || buffer.size >= MAX_BUFFERED) flush();
      else if (maxAgeMs !== undefined && ++sinceCheck >= AGE_CHECK) {
        sinceCheck = 0;
        if (performance.now() - oldest >= maxAgeMs) flush();
      }
      else if (cancel === undefined && !flushing) {
        cancel = scheduler(() => {
          cancel = undefined;
          flush();
        });
      }
    },
    flush,
    dispose() {
      disposed = true;
      buffer.clear();
      cancel?.();
      cancel = undefined;
    },
    get size() {
      return buffer.size;
    },
  };
}
