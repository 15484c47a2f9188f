// @vitest-environment jsdom
import type * as FetchEventSource from "@microsoft/fetch-event-source";
import { afterAll, expect, it, vi } from "vitest";
import { fetchEventSourceDriver } from "../../src/core/events/fetch-event-source-driver";
import { selectFeedDriver } from "../../src/core/events/select-driver";
import { runFeedSuite } from "../support/feed-suite";

// Counts the library's runs (and keeps the real implementation) to prove this file goes through it.
const library = vi.hoisted(() => ({ runs: 0 }));
vi.mock("@microsoft/fetch-event-source", async (importOriginal) => {
  const actual = await importOriginal<typeof FetchEventSource>();
  return {
    ...actual,
    fetchEventSource: (...args: Parameters<typeof actual.fetchEventSource>) => {
      library.runs += 1;
      return actual.fetchEventSource(...args);
    },
  };
});

it("uses the fetch-event-source driver where there is a DOM", () => {
  expect(selectFeedDriver()).toBe(fetchEventSourceDriver);
});

runFeedSuite("jsdom");

afterAll(() => {
  expect(library.runs).toBeGreaterThan(10);
});
