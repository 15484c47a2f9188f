import type { ResolvedConfig } from "../config";

/** Reconnect delays of one feed run: capped exponential growth with equal jitter. */
export interface Backoff {
  /** Records one more consecutive failure and returns the delay before the next attempt, in ms. */
  next(): number;
  /** Forgets the failures (called when a connection reached `server.connected`). */
  reset(): void;
  /** Consecutive failures since the last reset. */
  readonly failures: number;
}

/**
 * Delay after the `failures`-th consecutive failure: the ceiling `min(max, initial * 2^(n-1))`,
 * of which half is fixed and half random ("equal jitter"). The fixed half keeps a floor so a dead
 * server is not hammered; the random half spreads many tabs reconnecting after one server restart.
 * @example backoffDelay(3, 250, 5000, () => 0.5) // ceiling 1000 -> 750
 */
export function backoffDelay(failures: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30); // 2^30 is past any sane cap; avoids Infinity
  const ceiling = Math.min(maxMs, initialMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.max(0, Math.round(ceiling / 2 + (jitter * ceiling) / 2));
}

/**
 * Creates the backoff of one feed run from the `events` options.
 * @example const backoff = createBackoff(config.events); setTimeout(retry, backoff.next())
 */
export function createBackoff(
  options: Pick<ResolvedConfig["events"], "backoffInitialMs" | "backoffMaxMs">,
  random: () => number = Math.random,
): Backoff {
  let failures = 0;
  return {
    next() {
      failures += 1;
      return backoffDelay(failures, options.backoffInitialMs, options.backoffMaxMs, random);
    },
    reset() {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}
