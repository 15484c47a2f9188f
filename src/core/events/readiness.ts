interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** A resettable "is the current connection ready" latch. */
export interface Readiness {
  /** Resolves when ready (now, if already); rejects when failed, or with `signal.reason` on abort. */
  wait(signal?: AbortSignal): Promise<void>;
  /** Ready: settles every waiter. */
  open(): void;
  /** Pending again (a new connection has to prove itself); current waiters keep waiting. */
  reset(): void;
  /** Rejects every waiter, and later waits, with `error` until the next reset. */
  fail(error: unknown): void;
  /** True between open() and the next reset() or fail(). */
  readonly isOpen: boolean;
}

/**
 * Creates a {@link Readiness} latch, initially pending.
 * @example const readiness = createReadiness(); void readiness.wait().then(post); readiness.open()
 */
export function createReadiness(): Readiness {
  let state: "pending" | "open" | "failed" = "pending";
  let failure: unknown;
  const waiters = new Set<Waiter>();

  const settle = (action: (waiter: Waiter) => void): void => {
    const current = [...waiters];
    waiters.clear();
    for (const waiter of current) action(waiter);
  };

  return {
    wait(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (state === "open") return Promise.resolve();
      if (state === "failed") return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          waiters.delete(waiter);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          resolve() {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
          reject(error) {
            signal?.removeEventListener("abort", onAbort);
            reject(error);
          },
        };
        waiters.add(waiter);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    open() {
      state = "open";
      settle((waiter) => waiter.resolve());
    },
    reset() {
      state = "pending";
      failure = undefined;
    },
    fail(error) {
      state = "failed";
      failure = error;
      settle((waiter) => waiter.reject(error));
    },
    get isOpen() {
      return state === "open";
    },
  };
}
