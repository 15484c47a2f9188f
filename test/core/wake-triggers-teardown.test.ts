/**
 * Regression: a feed closing after its DOM was torn down (a jsdom test environment closed while
 * the feed lingered on its 0 ms close timer) threw "win?.removeEventListener is not a function".
 */
import { afterEach, expect, it, vi } from "vitest";
import { watchWake } from "../../src/core/events/wake-triggers";

afterEach(() => {
  vi.unstubAllGlobals();
});

it("stopping the wake triggers after the DOM lost its methods does not throw", () => {
  const listeners: string[] = [];
  const fakeWindow: { addEventListener?: (type: string) => void; removeEventListener?: (type: string) => void } = {
    addEventListener: (type) => listeners.push(type),
    removeEventListener: () => undefined,
  };
  vi.stubGlobal("window", fakeWindow);
  const stop = watchWake({ woke: () => undefined, retry: () => undefined }, { checkIntervalMs: 0 });
  expect(listeners).toEqual(["online"]);
  delete fakeWindow.addEventListener;
  delete fakeWindow.removeEventListener; // what a closed jsdom window looks like to late code
  expect(stop).not.toThrow();
});
