/**
 * Checks a reply store's options once, at creation: a bad limit fails loudly there instead of
 * making a watchdog fire at once (0, a negative, NaN) or never.
 */
import type { ReplyStoreOptions } from "./reply-store-types";

/**
 * Throws a RangeError naming the option when `value` is given and is not a positive number of
 * ms (Infinity, meaning no limit, is accepted).
 */
function checkWindow(name: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new RangeError(`opencode-react: ${name} must be a positive number of ms (Infinity for no limit); got ${String(value)}`);
  }
}

/**
 * Validates the watchdog and batching options of `createReplyStore`.
 * @example validateStoreOptions({ client, sessionId: "ses_1", turnTimeoutMs: 0 }) // throws RangeError
 */
export function validateStoreOptions(options: ReplyStoreOptions): void {
  checkWindow("firstEventTimeoutMs", options.firstEventTimeoutMs);
  checkWindow("idleTimeoutMs", options.idleTimeoutMs);
  checkWindow("turnTimeoutMs", options.turnTimeoutMs);
  const throttle = options.throttleMs;
  if (throttle !== undefined && throttle !== "frame" && (typeof throttle !== "number" || Number.isNaN(throttle) || throttle < 0)) {
    throw new RangeError(`opencode-react: throttleMs must be "frame", 0 (synchronous) or a positive number of ms; got ${String(throttle)}`);
  }
}
