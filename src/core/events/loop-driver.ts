import type { ResolvedConfig } from "../config";
import { assertOpened, openConnection, StreamEndedError } from "./connection";
import type { FeedDriver, FeedRun } from "./feed-driver";

/** Waits `ms`, or less if the signal aborts first; never rejects. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** One attempt; resolves with why it ended (a clean end is a StreamEndedError too). */
async function attempt(config: ResolvedConfig, run: FeedRun): Promise<unknown> {
  try {
    run.attempting();
    const connection = await openConnection(config, run.signal, run.handlers, run.route);
    await assertOpened(connection.response, config, run.route);
    await connection.ended;
    return new StreamEndedError("opencode-react: the server closed the event stream");
  } catch (error) {
    return error;
  }
}

/**
 * The feed driver for runtimes without a DOM (Node, Bun, Deno, workers), where
 * fetch-event-source's retry and abort paths touch `window`/`document` and throw. Same attempt
 * function and failure policy as {@link fetchEventSourceDriver}; setTimeout schedules retries.
 * @example await loopDriver(config, run) // resolves when run.signal aborts, rejects on a fatal error
 */
export const loopDriver: FeedDriver = async (config, run) => {
  while (!run.signal.aborted) {
    const reason = await attempt(config, run);
    if (run.signal.aborted) return;
    await pause(run.failed(reason), run.signal); // failed() throws when fatal, rejecting this driver
  }
};
