import { expect, it } from "vitest";
import { loopDriver } from "../../src/core/events/loop-driver";
import { selectFeedDriver } from "../../src/core/events/select-driver";
import { runFeedSuite } from "../support/feed-suite";

it("uses the setTimeout loop driver where there is no DOM", () => {
  expect(selectFeedDriver()).toBe(loopDriver);
});

runFeedSuite("node");
