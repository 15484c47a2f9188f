import { FeedNotReadyError } from "./feed-errors";
import type { EventHub, EventListener, ReconnectInfo } from "./types";

/**
 * Options of {@link promptWhenReady}.
 * @example await client.prompt("ses_1", { text: "hi" }, { signal: controller.signal, onEvent: (e) => console.log(e.type) });
 */
export interface PromptWhenReadyOptions {
  /** Gives up waiting for readiness (rejects with `signal.reason`); a post already started is not cancelled here. */
  signal?: AbortSignal;
  /**
   * Receives the session's events (plus `server.*`) from the moment of subscribing, including any
   * that arrive before the post. Given: the subscription outlives the post until
   * `handle.unsubscribe()`. Omitted: it ends as soon as the post settles.
   */
  onEvent?: EventListener;
  /**
   * Called when the feed reconnects while this prompt's subscription is open (the server never
   * replays: re-fetch the session's messages there). Ends with the subscription.
   */
  onReconnect?: (info: ReconnectInfo) => void;
  /**
   * Gives up with a {@link FeedNotReadyError}, without posting, when the feed is not ready within
   * this many ms (default: none here; `client.prompt` uses `events.readyTimeoutMs`, 30 000 ms).
   */
  readyTimeoutMs?: number;
}

/**
 * A prompt that was posted; its subscription is still open when `onEvent` was given.
 * @example
 * const handle: PromptHandle = await client.prompt("ses_1", { text: "hi" }, { onEvent });
 * handle.unsubscribe();
 */
export interface PromptHandle {
  /** Ends the subscription (idempotent); the last subscriber leaving closes the feed. */
  unsubscribe(): void;
}

/**
 * Subscribe, wait for `server.connected`, then post EXACTLY ONCE (behaviours.md SUB-*): the
 * subscription is taken first so the feed stays open and no reply event is lost, and the post runs
 * once the server has registered our listener. A reconnect afterwards never re-posts (the feed has
 * no replay; the reply store re-fetches). An error from `post` rejects and is never retried: a
 * failed POST may still have started the turn. A fatal feed error (e.g. UnauthorizedError)
 * rejects without posting. On rejection the subscription is always released.
 * @example
 * const handle = await promptWhenReady(client.events, "ses_1", () => api.promptAsync("ses_1", input), { onEvent })
 * // later: handle.unsubscribe()
 */
export async function promptWhenReady(
  hub: EventHub,
  sessionId: string,
  post: () => Promise<void>,
  options: PromptWhenReadyOptions = {},
): Promise<PromptHandle> {
  const { signal, onEvent, onReconnect, readyTimeoutMs } = options;
  signal?.throwIfAborted();
  const unsubscribeEvents = hub.subscribe(onEvent ?? (() => undefined), { sessionId });
  const offReconnect = onReconnect === undefined ? () => undefined : hub.onReconnect(onReconnect);
  let released = false;
  const unsubscribe = (): void => {
    if (released) return;
    released = true;
    offReconnect();
    unsubscribeEvents();
  };
  try {
    await readyWithin(hub, signal, readyTimeoutMs);
    // The signal may have been aborted while ready() was settling (its listener ran first): the
    // caller gave up, so nothing may be posted.
    signal?.throwIfAborted();
    await post();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  if (onEvent === undefined && onReconnect === undefined) unsubscribe();
  return { unsubscribe };
}

/** `hub.ready()`, rejected with a FeedNotReadyError after `timeoutMs` (0 or undefined: no limit). */
async function readyWithin(hub: EventHub, signal: AbortSignal | undefined, timeoutMs: number | undefined): Promise<void> {
  if (timeoutMs === undefined || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return hub.ready({ signal });
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const timeout = new FeedNotReadyError(`opencode-react: the event feed was not ready within ${timeoutMs} ms; the prompt was not sent`);
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
  try {
    await hub.ready({ signal: controller.signal });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
