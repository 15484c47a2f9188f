/**
 * A long conversation: 200 seeded messages, shown a page at a time, older pages on demand.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { STATE_TIMEOUT } from "./support/play";
import { ScenarioChat } from "./support/ScenarioChat";
import { renderScenario } from "./support/scenario-story";

const meta = {
  title: "Chat/History",
  component: ScenarioChat,
  render: renderScenario,
  args: { scenario: "hello", historyExchanges: 100 },
} satisfies Meta<typeof ScenarioChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 200 messages: the newest page shows, and "Load older messages" brings the page before it. */
export const LongHistory: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Answer 100", {}, STATE_TIMEOUT)).toBeInTheDocument();
    await expect(canvas.queryByText("Answer 70")).toBeNull();
    await userEvent.click(await canvas.findByRole("button", { name: "Load older messages" }, STATE_TIMEOUT));
    await expect(await canvas.findByText("Answer 70", {}, STATE_TIMEOUT)).toBeInTheDocument();
  },
};
