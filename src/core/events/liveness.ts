/** Watches one connection for silence. */
export interface LivenessTimer {
  /** Bytes arrived: the silence window starts again. */
  touch(): void;
  /** Stops watching (the connection ended or was aborted). */
  stop(): void;
  /** Changes the silence window (the heartbeat period was learned). */
  setTimeout(timeoutMs: number): void;
}

/**
 * Calls `onSilent` once when `touch()` was not called for `timeoutMs` (0 or less disables it).
 * `touch` only records a timestamp, so a fast stream costs no timer churn per chunk; the single
 * timer re-arms itself for the remaining time when it wakes up early.
 * @example const timer = createLivenessTimer(25_000, () => controller.abort()); timer.touch()
 */
export function createLivenessTimer(timeoutMs: number, onSilent: () => void): LivenessTimer {
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return { touch() {}, stop() {}, setTimeout() {} };
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    const idle = Date.now() - lastActivity;
    if (idle >= timeoutMs) {
      timer = undefined;
      onSilent();
    } else {
      timer = setTimeout(check, timeoutMs - idle);
    }
  };
  timer = setTimeout(check, timeoutMs);
  return {
    touch() {
      lastActivity = Date.now();
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    setTimeout(next) {
      if (!(next > 0) || !Number.isFinite(next)) return;
      const shorter = next < timeoutMs;
      timeoutMs = next;
      // A longer window is honoured by the pending check re-arming itself; a shorter one re-arms now.
      if (shorter && timer !== undefined) {
        clearTimeout(timer);
        timer = setTimeout(check, Math.max(0, lastActivity + timeoutMs - Date.now()));
      }
    },
  };
}
