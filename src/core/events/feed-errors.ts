import { TimeoutError } from "../errors";

/**
 * `client.prompt` gave up waiting for the event feed to become ready (`server.connected`) within
 * `readyTimeoutMs`: nothing was posted. `code` is "timeout"; the feed's own status says why
 * (`reconnecting`, `offline`, ...).
 * @example
 * try { await client.prompt(id, { text }) } catch (e) { if (e instanceof FeedNotReadyError) showOfflineBanner() }
 */
export class FeedNotReadyError extends TimeoutError {}
