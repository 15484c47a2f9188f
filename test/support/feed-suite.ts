/** The feed suite, run once per environment (node: loop driver; jsdom: fetch-event-source driver). */
import { afterEach, describe } from "vitest";
import { disposeFeedFixtures } from "./feed-fixture";
import { connectionSuite } from "./feed-suite-connection";
import { readinessSuite } from "./feed-suite-readiness";
import { recoverySuite } from "./feed-suite-recovery";
import { subscriptionSuite } from "./feed-suite-subscriptions";

/** Registers every feed test under `event feed (<environment>)`. */
export function runFeedSuite(environment: "node" | "jsdom"): void {
  describe(`event feed (${environment})`, () => {
    afterEach(disposeFeedFixtures);
    connectionSuite();
    subscriptionSuite();
    readinessSuite();
    recoverySuite();
  });
}
