import type { EventHub, EventListener } from "./types";

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
  const { signal, onEvent } = options;
  signal?.throwIfAborted();
  const unsubscribe = hub.subscribe(onEvent ?? (() => undefined), { sessionId });
  try {
    await hub.ready({ signal });
    await post();
  } catch (error) {
    unsubscribe();
    throw error;
  }
  if (onEvent === undefined) unsubscribe();
  return { unsubscribe };
}
