import type { FeedDriver } from "./feed-driver";
import { fetchEventSourceDriver } from "./fetch-event-source-driver";
import { loopDriver } from "./loop-driver";

/**
 * fetch-event-source where there is a DOM (browsers, jsdom); the equivalent setTimeout loop
 * elsewhere, because the library's abort and retry paths reference `window` and `document`
 * unconditionally and throw a ReferenceError without them.
 * @example const driver = selectFeedDriver()
 */
export function selectFeedDriver(): FeedDriver {
  return typeof window !== "undefined" && typeof document !== "undefined" ? fetchEventSourceDriver : loopDriver;
}
