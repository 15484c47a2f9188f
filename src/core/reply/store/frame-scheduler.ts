/**
 * When buffered events are applied: at most once per animation frame in a browser, every 16 ms
 * elsewhere, every N ms on request, or synchronously (0, for tests). Injectable so a test or a
 * host with its own frame loop can drive the flushes.
 */

/**
 * Schedules one call of `flush`; returns the function that cancels it.
 * @example const cancel = frameScheduler()(() => apply()); // later, if needed: cancel()
 */
export type FrameScheduler = (flush: () => void) => () => void;

/**
 * How often a store applies buffered events: "frame", a number of ms, or 0 for synchronously.
 * @example
 * const throttle: ThrottleOption = 50; // or "frame", or 0
 * createReplyStore({ client, sessionId: "ses_1", throttleMs: throttle });
 */
export type ThrottleOption = "frame" | number;

/**
 * Frame length used where there is no `requestAnimationFrame` (Node, workers, hidden tabs).
 * @example const schedule = timerScheduler(FALLBACK_FRAME_MS); // what frameScheduler() falls back to
 */
export const FALLBACK_FRAME_MS = 16;

/**
 * A scheduler that waits `ms` milliseconds (a plain timer).
 * @example const schedule = timerScheduler(50);
 */
export function timerScheduler(ms: number): FrameScheduler {
  return (flush) => {
    const handle = setTimeout(flush, ms);
    return () => clearTimeout(handle);
  };
}

function isHiddenDocument(): boolean {
  // Browsers do not run animation frames in hidden tabs, but the shared feed keeps streaming there
  // (`openWhenHidden`): a timer keeps the buffer from growing until the tab is shown again.
  const doc = (globalThis as { document?: { visibilityState?: string } }).document;
  return doc?.visibilityState === "hidden";
}

/**
 * How long a requested animation frame may take before a timer flushes instead: a tab hidden after
 * the frame was requested never runs it, while the shared feed keeps streaming there.
 * @example const late = FRAME_GRACE_MS > FALLBACK_FRAME_MS; // true
 */
export const FRAME_GRACE_MS = 100;

/**
 * The default scheduler: `requestAnimationFrame` when the host has one and the page is visible
 * (with a timer in case the frame never comes: the tab was hidden meanwhile), else a 16 ms timer.
 * @example const cancel = frameScheduler()(() => console.log("next frame"));
 */
export function frameScheduler(): FrameScheduler {
  const fallback = timerScheduler(FALLBACK_FRAME_MS);
  return (flush) => {
    const raf = globalThis.requestAnimationFrame;
    if (typeof raf !== "function" || isHiddenDocument()) return fallback(flush);
    let done = false;
    const once = (): void => {
      if (done) return;
      done = true;
      globalThis.cancelAnimationFrame(handle);
      clearTimeout(timer);
      flush();
    };
    const handle = raf(once);
    const timer = setTimeout(once, FRAME_GRACE_MS);
    return () => {
      done = true;
      globalThis.cancelAnimationFrame(handle);
      clearTimeout(timer);
    };
  };
}

/**
 * The scheduler for a throttle option; null means "apply every event synchronously".
 * @example createFrameScheduler(0) // null
 * @example createFrameScheduler("frame") // requestAnimationFrame, or a 16 ms timer
 */
export function createFrameScheduler(throttle: ThrottleOption = "frame"): FrameScheduler | null {
  if (throttle === "frame") return frameScheduler();
  if (!Number.isFinite(throttle) || throttle <= 0) return null;
  return timerScheduler(throttle);
}
