/**
 * docs/testing.md, "Jest": the Vitest recipe under a real Jest (jsdom, @swc/jest), with
 * `jest.useFakeTimers()` for the paced turn. Run by `npm run test:jest` (jest.config.cjs).
 */
import { afterEach, expect, jest, test } from "@jest/globals";
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { createFakeOpencode } from "../../src/testing";
import { renderWithOpencode } from "../../src/testing/library";
import { Chat } from "../recipes/recipe-chat";

afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

test("shows the reply as the test streams it, then asks for a permission", async () => {
  const fake = createFakeOpencode({ scenario: "none" });
  const session = fake.addSession({ title: "Recipe" });
  renderWithOpencode(<Chat sessionId={session.id} />, { fake });

  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("streaming"));

  const turn = fake.turn(session.id);
  turn.text("Hello");
  await waitFor(() => expect(screen.getByTestId("reply").textContent).toBe("Hello"));

  turn.ask.permission({ patterns: ["rm -rf dist"] });
  expect(await screen.findByText("Allow rm -rf dist?")).toBeTruthy();
  expect(screen.getByTestId("status").textContent).toBe("awaiting-input");
  cleanup();
  fake.close();
});

test("streams a paced reply under jest.useFakeTimers()", async () => {
  jest.useFakeTimers();
  const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));
  const fake = createFakeOpencode({ scenario: "hello", pace: 100 });
  const session = fake.addSession();
  renderWithOpencode(<Chat sessionId={session.id} />, { fake });
  await advance(0);
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  for (let step = 0; step < 40 && screen.getByTestId("status").textContent !== "idle"; step += 1) await advance(100);
  expect(screen.getByTestId("reply").textContent).toBe("Hello there! I am a fake model.");
  cleanup();
  fake.close();
});
