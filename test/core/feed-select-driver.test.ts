/** Which feed driver runs where: fetch-event-source only with both a window and a document. */
import { afterEach, expect, it, vi } from "vitest";
import { fetchEventSourceDriver } from "../../src/core/events/fetch-event-source-driver";
import { loopDriver } from "../../src/core/events/loop-driver";
import { selectFeedDriver } from "../../src/core/events/select-driver";

afterEach(() => {
  vi.unstubAllGlobals();
});

it("Node (no DOM) gets the setTimeout loop; a DOM gets fetch-event-source; half a DOM gets the loop", () => {
  expect(selectFeedDriver()).toBe(loopDriver);
  vi.stubGlobal("window", {});
  expect(selectFeedDriver()).toBe(loopDriver); // a window but no document (some workers, test shims)
  vi.stubGlobal("document", {});
  expect(selectFeedDriver()).toBe(fetchEventSourceDriver);
  vi.unstubAllGlobals();
  vi.stubGlobal("document", {});
  expect(selectFeedDriver()).toBe(loopDriver);
});
