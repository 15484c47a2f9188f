/** Signs that a stalled feed should be retried now: the machine woke up, the page came back, the network is back. */

/** Test seams and tuning of {@link watchWake}. */
export interface WakeOptions {
  /** How often the sleep detector's timer is asked to fire (default 5 000 ms; 0 disables it). */
  checkIntervalMs?: number;
  /** A tick this much later than asked means the machine slept (default 15 000 ms). */
  lateByMs?: number;
  /** Clock (default Date.now). */
  now?: () => number;
}

/** What {@link watchWake} calls. */
export interface WakeHandlers {
  /** The machine slept (a timer fired far too late): connections may be dead without an error. */
  woke(): void;
  /** The page became visible or the browser came back online: retry what is failing. */
  retry(): void;
}

/**
 * Watches for sleep/wake and for the page or network coming back; returns the function that stops
 * watching. The timer does not keep a Node process alive (`unref`). Sleep is only judged while the
 * page is visible: browsers throttle the timers of hidden tabs to once a minute.
 * @example const stop = watchWake({ woke: reconnectAll, retry: retryFailed }); stop();
 */
export function watchWake(handlers: WakeHandlers, options: WakeOptions = {}): () => void {
  const intervalMs = options.checkIntervalMs ?? 5_000;
  const lateByMs = options.lateByMs ?? 15_000;
  const now = options.now ?? Date.now;
  const doc = typeof document !== "undefined" ? document : undefined;
  const win = typeof window !== "undefined" && typeof window.addEventListener === "function" ? window : undefined;
  const hidden = (): boolean => doc?.visibilityState === "hidden";
  let last = now();
  const check = (): void => {
    const at = now();
    const slept = at - last > intervalMs + lateByMs;
    last = at;
    if (slept && !hidden()) handlers.woke();
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  if (intervalMs > 0) {
    timer = setInterval(check, intervalMs);
    (timer as { unref?: () => void }).unref?.();
  }
  const onVisibility = (): void => {
    if (hidden()) return;
    const at = now();
    const slept = intervalMs > 0 && at - last > intervalMs + lateByMs;
    last = at;
    if (slept) handlers.woke();
    else handlers.retry();
  };
  const onOnline = (): void => handlers.retry();
  doc?.addEventListener("visibilitychange", onVisibility);
  win?.addEventListener("online", onOnline);
  return () => {
    if (timer !== undefined) clearInterval(timer);
    // A torn-down DOM (a test environment closed while a feed lingers) may have lost its methods.
    if (typeof doc?.removeEventListener === "function") doc.removeEventListener("visibilitychange", onVisibility);
    if (typeof win?.removeEventListener === "function") win.removeEventListener("online", onOnline);
  };
}
