/**
 * Render batching: events are buffered and applied at most once per frame, so a burst of deltas
 * costs one store update (one notification, one render) instead of one per event. Events a UI must
 * see at once (status, errors, questions, permissions) flush the buffer synchronously, in order:
 * they never wait behind text.
 */
import type { WireEvent } from "../events/types";
import type { FrameScheduler } from "./frame-scheduler";

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
 * Options of {@link createEventBatcher}.
 * @example
 * const options: EventBatcherOptions = { scheduler: timerScheduler(50), apply: (events) => console.log(events.length) };
 * const batcher = createEventBatcher(options);
 */
export interface EventBatcherOptions {
  /** Schedules a flush; null applies every event synchronously. */
  readonly scheduler: FrameScheduler | null;
  /** Applies one batch (in arrival order); called with a non-empty list. */
  readonly apply: (events: readonly WireEvent[]) => void;
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
  /** Number of buffered events. */
  readonly size: number;
}

/**
 * Creates a batcher. Re-entrant pushes (a store listener that causes an event) are buffered and
 * applied by the flush already running, so batches never interleave.
 * @example
 * const batcher = createEventBatcher({ scheduler: frameScheduler(), apply: (events) => store.setState(reduceAll(store.getState(), events)) });
 * hub.subscribe((event) => batcher.push(event), { sessionId });
 */
export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const { scheduler, apply } = options;
  let buffer: WireEvent[] = [];
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
      while (buffer.length > 0 && !disposed) {
        const batch = buffer;
        buffer = [];
        apply(batch);
      }
    } finally {
      flushing = false;
    }
  }

  return {
    push(event, urgent = isUrgentEvent(event)) {
      if (disposed) return;
      buffer.push(event);
      if (scheduler === null || urgent) flush();
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
      buffer = [];
      cancel?.();
      cancel = undefined;
    },
    get size() {
      return buffer.length;
    },
  };
}
