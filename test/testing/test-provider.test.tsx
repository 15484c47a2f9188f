// @vitest-environment jsdom
/**
 * opencode-react/testing/react: OpencodeTestProvider (a fake of its own, or yours) and
 * createTestQueryClient (a failed request shows its error at once: no retries).
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { useSessions } from "../../src/react/use-sessions";
import { createFakeOpencode } from "../../src/testing";
import { createTestQueryClient, OpencodeTestProvider } from "../../src/testing/react";
import { Chat } from "../recipes/recipe-chat";

afterEach(() => cleanup());

it("OpencodeTestProvider serves the hooks from the fake it is given", async () => {
  const fake = createFakeOpencode({ scenario: "hello" });
  const session = fake.addSession();
  render(
    <OpencodeTestProvider fake={fake}>
      <Chat sessionId={session.id} />
    </OpencodeTestProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await waitFor(() => expect(screen.getByTestId("reply").textContent).toBe("Hello there! I am a fake model."));
  fake.close();
});

function SessionCount() {
  const { data, error } = useSessions();
  return <p data-testid="sessions">{error ? `error: ${error.name}` : data === undefined ? "loading" : `${data.length} sessions`}</p>;
}

it("OpencodeTestProvider makes its own fake when given none (an empty server)", async () => {
  render(
    <OpencodeTestProvider>
      <SessionCount />
    </OpencodeTestProvider>,
  );
  await waitFor(() => expect(screen.getByTestId("sessions").textContent).toBe("0 sessions"));
});

it("createTestQueryClient does not retry: a refused request shows its error at once", async () => {
  const fake = createFakeOpencode();
  fake.server.failNext("GET", "/session", 500);
  render(
    <OpencodeTestProvider fake={fake} queryClient={createTestQueryClient()}>
      <SessionCount />
    </OpencodeTestProvider>,
  );
  await waitFor(() => expect(screen.getByTestId("sessions").textContent).toMatch(/^error: /));
  expect(fake.server.count("GET", "/session")).toBe(1);
  fake.close();
});
