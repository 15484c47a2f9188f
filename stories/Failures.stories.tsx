/**
 * When a turn goes wrong: the provider refuses the request, the server is quiet for a while
 * ("Still thinking…" with the time left), and nothing arrives at all (stalled, StaleSessionError).
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { STATE_TIMEOUT } from "./support/play";
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
