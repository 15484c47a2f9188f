// @vitest-environment jsdom
/**
 * <OpencodeDevtools />: what a developer reads in the panel while a turn runs: the feed (status,
 * reconnects, last events with sizes), the session's reply store (status, parts, pending prompts,
 * the watchdog counting down) and the cached queries.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { OpencodeDevtools } from "../../src/devtools";
import { createFakeOpencode } from "../../src/testing";
import { OpencodeTestProvider } from "../../src/testing/react";
import { useMessages } from "../../src/react/use-messages";
import { Chat } from "../recipes/recipe-chat";

/** A cached query for the panel to list. */
function History({ sessionId }: { sessionId: string }) {
  useMessages(sessionId);
  return null;
}

afterEach(() => cleanup());

const panel = () => within(screen.getByTestId("opencode-devtools"));
/** The row of table `table` ("Last events", "Reply stores", "Cached queries") with a cell reading `text`. */
const rowOf = (table: string, text: string | RegExp) =>
  within(panel().getByRole("table", { name: table }))
    .getAllByRole("row")
    .find((row) => within(row).queryByText(text) !== null);

it("shows the feed, the reply store and the cache of a running turn", async () => {
  const fake = createFakeOpencode({ scenario: "none" });
  const session = fake.addSession();
  render(
    <OpencodeTestProvider fake={fake}>
      <Chat sessionId={session.id} />
      <History sessionId={session.id} />
      <OpencodeDevtools />
    </OpencodeTestProvider>,
  );
  // Closed at first: just the toggle.
  fireEvent.click(await screen.findByRole("button", { name: "OpenCode devtools" }));
  await waitFor(() => expect(panel().getByTestId("devtools-feed-status").textContent).toBe("open"));

  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("streaming"));
  const turn = fake.turn(session.id);
  turn.text("Hello");
  turn.ask.permission();

  await waitFor(() => expect(rowOf("Reply stores", session.id)?.textContent).toContain("awaiting-input"));
  const cells = within(rowOf("Reply stores", session.id) as HTMLElement).getAllByRole("cell").map((c) => c.textContent);
  // session, status, server status, parts, prompts, watchdog, hooks
  expect(cells.slice(0, 5)).toEqual([session.id, "awaiting-input", "busy", expect.stringMatching(/^[1-9]\d*$/), "1"]);
  const delta = rowOf("Last events", "message.part.delta");
  expect(delta).toBeDefined();
  expect(Number(within(delta as HTMLElement).getAllByRole("cell")[2]?.textContent)).toBeGreaterThan(50);
  expect(rowOf("Cached queries", new RegExp(`^session ${session.id} messages`))).toBeDefined();

  fake.server.closeStreams();
  await waitFor(() => expect(panel().getByTestId("devtools-feed").textContent).toMatch(/reconnects 1/));
  fake.close();
});

it("counts the first-event watchdog down while a prompt waits for its reply", async () => {
  const fake = createFakeOpencode({ scenario: "silent" });
  const session = fake.addSession();
  render(
    <OpencodeTestProvider fake={fake}>
      <Chat sessionId={session.id} />
      <OpencodeDevtools initialOpen />
    </OpencodeTestProvider>,
  );
  await waitFor(() => expect(panel().getByTestId("devtools-feed-status").textContent).toBe("open"));
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
  await waitFor(() => expect(rowOf("Reply stores", session.id)?.textContent).toMatch(/first-event 1[12]\d s/));
  fake.close();
});
