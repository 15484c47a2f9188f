/** A frame scheduler driven by hand: `run()` is "the next animation frame". */
import type { FrameScheduler } from "../../src/core/reply";

export interface ManualFrames {
  readonly scheduler: FrameScheduler;
  /** Runs the scheduled flush, if any; returns whether there was one. */
  run(): boolean;
  /** Number of flushes scheduled so far. */
  readonly scheduled: number;
  /** A flush is waiting for the next frame. */
  readonly pending: boolean;
}

/**
 * Creates a hand-driven scheduler.
 * @example const frames = manualFrames(); createReplyStore({ client, sessionId, scheduler: frames.scheduler }); frames.run();
 */
export function manualFrames(): ManualFrames {
  let next: (() => void) | undefined;
  let scheduled = 0;
  return {
    scheduler: (flush) => {
      scheduled += 1;
      next = flush;
      return () => {
        if (next === flush) next = undefined;
      };
    },
    run() {
      const flush = next;
      next = undefined;
      flush?.();
      return flush !== undefined;
    },
    get scheduled() {
      return scheduled;
    },
    get pending() {
      return next !== undefined;
    },
  };
}
