/**
 * `watchdog.remainingMs` for a countdown: computed at render, and refreshed by a timer only while
 * a deadline is active, at most once per second (when the whole seconds left change). No
 * deadline, no timer: an idle chat costs nothing.
 */
import { useEffect, useReducer } from "react";

/**
 * Time left until `deadlineAt` (never below 0), or null when there is no deadline.
 * @example const remainingMs = useRemainingMs(watchdog.deadlineAt)
 */
export function useRemainingMs(deadlineAt: number | null): number | null {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (deadlineAt === null) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      const left = deadlineAt - Date.now();
      // At the deadline the store's own watchdog publishes what happened; nothing left to count.
      if (left <= 0) return;
      // Wake when the whole seconds left change: `Math.ceil(remainingMs / 1000)` is what a UI shows.
      timer = setTimeout(() => {
        tick();
        schedule();
      }, left % 1000 || 1000);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [deadlineAt]);
  return deadlineAt === null ? null : Math.max(0, deadlineAt - Date.now());
}
