import { OpencodeError, UnsupportedServerError } from "../errors";

/**
 * Whether a failed attempt must stop the feed instead of reconnecting. A 4xx answer to `/event`
 * will not change by asking again (401 wrong/missing password, 403, 404 wrong server), and
 * retrying a 401 forever would hammer the server with bad credentials; so those are fatal.
 * 408 and 429 are about timing, and 5xx is usually a restarting server or proxy: retried with
 * backoff, as are network failures, clean closes and liveness timeouts.
 * @example if (isFatalFeedError(error)) throw error
 */
export function isFatalFeedError(error: unknown): boolean {
  if (error instanceof UnsupportedServerError) return true;
  if (!(error instanceof OpencodeError) || error.status === undefined) return false;
  const status = error.status;
  return status >= 400 && status <= 499 && status !== 408 && status !== 429;
}
