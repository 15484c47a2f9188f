/**
 * The one timer behind a store's watchdogs. Lazy: when a deadline moves later (the idle window,
 * reset by every delta) the pending timer is kept and simply re-checks when it fires, so a stream
 * of deltas costs no timer churn; only a deadline that moves earlier reschedules.
 */

/** The longest delay `setTimeout` takes (2^31-1 ms, ~24.8 days); a longer one fires at once, with a warning. */
const MAX_DELAY = 2 ** 31 - 1;

/** A single-shot timer aimed at the nearest deadline. */
export interface WatchdogTimer {
  /** Make sure `onFire` runs at or after `at` but no later (null: no deadline, clear the timer). */
  schedule(at: number | null): void;
  /** Clears the timer (idempotent). */
  clear(): void;
  /** True while a timer is pending. */
  readonly pending: boolean;
}

/**
 * Creates the timer. `onFire` runs when the timer elapses; it must check what is actually due
 * (the timer may have been aimed at an older, earlier deadline) and call `schedule` again.
 * @example
 * const timer = createWatchdogTimer(() => check(Date.now()));
 * timer.schedule(nextDeadline(clock, config)?.at ?? null);
 */
export function createWatchdogTimer(onFire: () => void, now: () => number = Date.now): WatchdogTimer {
  let handle: ReturnType<typeof setTimeout> | undefined;
  let target = Infinity;

  const clear = (): void => {
    if (handle !== undefined) clearTimeout(handle);
    handle = undefined;
    target = Infinity;
  };

  return {
    schedule(at) {
      if (at === null) return clear();
      if (handle !== undefined && target <= at) return;
      clear();
      target = at;
      handle = setTimeout(() => {
        handle = undefined;
        target = Infinity;
        onFire();
        // A deadline beyond MAX_DELAY: the timer wakes early, finds nothing due and re-aims.
      }, Math.min(MAX_DELAY, Math.max(0, at - now())));
      // In Node a watchdog alone must not keep the process alive: the feed's connection does that
      // while a turn can still progress.
      (handle as { unref?: () => void }).unref?.();
    },
    clear,
    get pending() {
      return handle !== undefined;
    },
  };
}
