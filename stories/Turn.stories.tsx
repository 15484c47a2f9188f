/**
 * A turn from start to end: nothing sent yet, waiting for the feed, posted with no reply yet,
 * text streaming, a finished reply, reasoning, and a reply the user stopped.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { clickWhenShown, STATE_TIMEOUT } from "./support/play";
import { ScenarioChat } from "./support/ScenarioChat";
import { streamingText } from "./support/frozen";
import { renderScenario, sendStoryPrompt } from "./support/scenario-story";

const meta = {
  title: "Chat/Turn",
  component: ScenarioChat,
  render: renderScenario,
  args: { scenario: "auto", prompt: "hello" },
} satisfies Meta<typeof ScenarioChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The status pill says `status` (polls: some states last only while the story waits for them). */
async function statusIs(canvasElement: HTMLElement, status: string): Promise<void> {
  await waitFor(() => expect(within(canvasElement).getByTestId("stream-status")).toHaveAttribute("data-status", status), STATE_TIMEOUT);
}

/** Nothing sent yet: the suggestions and an empty composer. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Start the conversation", {}, STATE_TIMEOUT)).toBeInTheDocument();
    await statusIs(canvasElement, "idle");
  },
};

/** Sent, but the event feed is not ready (`server.connected` held back): "Connecting…". */
export const Connecting: Story = {
  args: { scenario: "hello", holdFeed: true },
  play: async (context) => {
    await sendStoryPrompt(context);
    await statusIs(context.canvasElement, "connecting");
  },
};

/** Posted, no event yet (the model has not started): "Thinking…". */
export const Submitted: Story = {
  args: { scenario: "silent" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await statusIs(context.canvasElement, "submitted");
    await expect(await within(context.canvasElement).findByText("Thinking…", {}, STATE_TIMEOUT)).toBeInTheDocument();
  },
};

/** Text arriving delta by delta, frozen mid-sentence (a controlled turn). */
export const StreamingText: Story = {
  args: { scenario: streamingText, prompt: "stream something" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByText(/word by word, and it stops here/, {}, STATE_TIMEOUT)).toBeInTheDocument();
    await statusIs(context.canvasElement, "streaming");
  },
};

/** A finished reply with its usage. */
export const Completed: Story = {
  args: { scenario: "hello" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByText("Hello there! I am a fake model.", {}, STATE_TIMEOUT)).toBeInTheDocument();
    await statusIs(context.canvasElement, "idle");
  },
};

/** The model's reasoning (folded) before its answer. */
export const Reasoning: Story = {
  args: { scenario: "reasoning", prompt: "reason about it" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByText("After thinking: 42.", {}, STATE_TIMEOUT)).toBeInTheDocument();
    await expect(within(context.canvasElement).getByTestId("reasoning")).toHaveTextContent("Let me think about this carefully.");
  },
};

/** The user pressed Stop mid-stream: the server aborts the turn, the reply is marked stopped. */
export const Aborted: Story = {
  args: { scenario: "slow", prompt: "slow" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await within(context.canvasElement).findByText(/slow0/, {}, STATE_TIMEOUT);
    await clickWhenShown(context.canvasElement, "Stop");
    await expect(await within(context.canvasElement).findByTestId("stopped", {}, STATE_TIMEOUT)).toBeInTheDocument();
    await statusIs(context.canvasElement, "idle");
  },
};
