/**
 * Waits for a positive signal without a fixed sleep or a slow poll: the assertion is retried after
 * each real macrotask (every promise chain the fake clients started gets to run in between) until
 * it passes, and fails with its own message after `rounds` tries. Unlike `vi.waitFor` (a 50 ms
 * interval) a passing wait costs about a millisecond, which keeps the store tests cheap enough for
 * mutation testing; it also works under fake timers (the real `setTimeout` is captured at import).
 */

/** The host's own `setTimeout`, captured before any test installs fake timers. */
const realSetTimeout: typeof setTimeout = globalThis.setTimeout;

/** One real macrotask. */
const tick = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0));

/**
 * Retries `assertion` (which throws while the state is not there yet) until it passes.
 * @example await eventually(() => expect(h.state().status).toBe("awaiting-input"));
 */
export async function eventually(assertion: () => void, rounds = 100): Promise<void> {
  for (let round = 0; ; round++) {
    try {
      assertion();
      return;
    } catch (error) {
      if (round >= rounds) throw error;
    }
    await tick();
  }
}
