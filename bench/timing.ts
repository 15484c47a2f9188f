/** Timing and heap helpers of the benchmark (Node with --expose-gc). */

/** Runs a full garbage collection when the process was started with --expose-gc. */
export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
}

/** Heap in use after a full collection, in bytes. */
export function heapAfterGc(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Best (lowest) wall time of `fn` over `runs` timed calls (at least one), in ms, each after a full
 * collection; `warmUp` adds one untimed call first.
 */
export function bestOf(runs: number, fn: () => void, warmUp = true): number {
  if (warmUp) fn();
  let best = Infinity;
  for (let i = 0; i < Math.max(1, runs); i++) {
    gc();
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Nanoseconds per operation of `fn` called `count` times (best of `runs`). */
export function nsPerOp(runs: number, count: number, fn: (i: number) => void): number {
  const ms = bestOf(runs, () => {
    for (let i = 0; i < count; i++) fn(i);
  });
  return (ms * 1e6) / count;
}

/** "1.23 MB" style sizes. */
export function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

/** A fixed-width table row. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 12)).join("  ");
}
