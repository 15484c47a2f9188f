// @vitest-environment jsdom
/**
 * docs/testing.md, "Vitest": renderWithOpencode and a controlled turn, step by step. The code
 * below is the recipe's (imports from src/ instead of the package names).
 */
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { createFakeOpencode } from "../../src/testing";
import { renderWithOpencode } from "../../src/testing/library";
import { Chat } from "./recipe-chat";

const fake = createFakeOpencode({ scenario: "none" }); // prompts wait for the test to answer
afterEach(() => cleanup());

it("shows the reply as the test streams it, then asks for a permission", async () => {
  const session = fake.addSession({ title: "Recipe" });
  renderWithOpencode(<Chat sessionId={session.id} />, { fake });

  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("streaming"));

  const turn = fake.turn(session.id);
  turn.text("Hello");
  await waitFor(() => expect(screen.getByTestId("reply").textContent).toBe("Hello"));
  turn.text(" world");
  await waitFor(() => expect(screen.getByTestId("reply").textContent).toBe("Hello world"));

  turn.ask.permission({ patterns: ["rm -rf dist"] });
  expect(await screen.findByText("Allow rm -rf dist?")).toBeTruthy();
  expect(screen.getByTestId("status").textContent).toBe("awaiting-input");
});
