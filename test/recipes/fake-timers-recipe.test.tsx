// @vitest-environment jsdom
/**
 * docs/testing.md, "Fake timers": `pace` spaces a scripted turn's events by timers, so with
 * `vi.useFakeTimers()` the test moves the turn on event by event, and a 2-minute watchdog passes
 * in no time. The code below is the recipe's (imports from src/ instead of the package names).
 */
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createFakeOpencode } from "../../src/testing";
import { renderWithOpencode } from "../../src/testing/library";
import { Chat } from "./recipe-chat";

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Runs the timers due in `ms` (and the promises they settle) inside act. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

it("streams the scripted reply one paced event at a time", async () => {
  const fake = createFakeOpencode({ scenario: "hello", pace: 100 }); // 100 ms between events
  const session = fake.addSession();
  renderWithOpencode(<Chat sessionId={session.id} />, { fake });
  await advance(0); // the feed connects
  fireEvent.click(screen.getByRole("button", { name: "Send" }));

  const seen = new Set<string>();
  for (let step = 0; step < 40 && screen.getByTestId("status").textContent !== "idle"; step += 1) {
    await advance(100);
    seen.add(screen.getByTestId("reply").textContent ?? "");
  }
  expect(screen.getByTestId("reply").textContent).toBe("Hello there! I am a fake model.");
  // The text grew over several steps: the test saw it mid-stream.
  expect([...seen].filter((text) => text !== "" && text !== "Hello there! I am a fake model.").length).toBeGreaterThan(0);
  fake.close();
});

it("marks a silent turn stalled after the 2-minute first-event window, without waiting", async () => {
  // The fake sends no heartbeats: turn the feed's 25 s silence check off, or it reconnects
  // (and re-reads the session's status) while the clock jumps.
  const fake = createFakeOpencode({ scenario: "silent", client: { events: { livenessTimeoutMs: 0 } } });
  const session = fake.addSession();
  renderWithOpencode(<Chat sessionId={session.id} />, { fake });
  await advance(0);
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await advance(1_000);
  expect(screen.getByTestId("status").textContent).toBe("submitted");
  await advance(120_000);
  expect(screen.getByTestId("status").textContent).toBe("stalled");
  fake.close();
});
