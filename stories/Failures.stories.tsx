/**
 * When a turn goes wrong: the provider refuses the request, the server is quiet for a while
 * ("Still thinking…" with the time left), nothing arrives at all (stalled, StaleSessionError),
 * the server retries, the reply stops mid-way (wedged), the send fails, the feed goes offline.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { STATE_TIMEOUT } from "./support/play";
import { goesQuiet, retrying } from "./support/frozen";
import { ScenarioChat } from "./support/ScenarioChat";
import { renderScenario, sendStoryPrompt } from "./support/scenario-story";

const meta = {
  title: "Chat/Failures and watchdog",
  component: ScenarioChat,
  render: renderScenario,
  args: { scenario: "silent", prompt: "hello" },
} satisfies Meta<typeof ScenarioChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The model provider answered 400: the turn fails with a SessionError (APIError). */
export const ProviderError: Story = {
  args: { scenario: "providerError" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByText("The model failed (APIError)", {}, STATE_TIMEOUT)).toBeInTheDocument();
  },
};

/** Nothing yet after the prompt: the countdown to the first-event watchdog. */
export const StillThinking: Story = {
  args: { firstEventTimeoutMs: 60_000, stillThinkingAfterMs: 0 },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByTestId("still-thinking", {}, STATE_TIMEOUT)).toHaveTextContent(/\d+ s before/);
  },
};

/** No event within `firstEventTimeoutMs` (1.5 s here): stalled, with a StaleSessionError. */
export const Stalled: Story = {
  args: { firstEventTimeoutMs: 1_500 },
  play: async (context) => {
    await sendStoryPrompt(context);
    const canvas = within(context.canvasElement);
    await waitFor(() => expect(canvas.getByTestId("watchdog")).toHaveAttribute("data-kind", "stalled"), STATE_TIMEOUT);
    await expect(canvas.getByRole("alert")).toHaveTextContent("No response from the server");
  },
};

/** The provider is overloaded and the server retries: the countdown to the next attempt. */
export const RetryCountdown: Story = {
  args: { scenario: retrying },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByTestId("retry-notice", {}, STATE_TIMEOUT)).toHaveTextContent(/Retrying in \d+ s \(attempt 2\)/);
  },
};

/** Text arrived, then nothing for `idleTimeoutMs` (1.5 s here): wedged. */
export const Wedged: Story = {
  args: { scenario: goesQuiet, idleTimeoutMs: 1_500 },
  play: async (context) => {
    await sendStoryPrompt(context);
    const canvas = within(context.canvasElement);
    await waitFor(() => expect(canvas.getByTestId("watchdog")).toHaveAttribute("data-kind", "wedged"), STATE_TIMEOUT);
    await expect(canvas.getByText("Let me look at the repository")).toBeInTheDocument();
  },
};

/** The prompt's POST is refused (500): the send fails and says so. */
export const FailedSend: Story = {
  args: { scenario: "hello", failSend: true },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByRole("alert", {}, STATE_TIMEOUT)).toBeInTheDocument();
  },
};

/** The server went away after the page loaded: the feed reconnects, the view says it is offline. */
export const OfflineFeed: Story = {
  args: { scenario: "hello", offline: true },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTestId("feed-offline", {}, STATE_TIMEOUT)).toHaveTextContent("Offline");
  },
};
