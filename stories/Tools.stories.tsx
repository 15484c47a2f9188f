/**
 * What the agent does and asks: a tool call running, completed after an allowed permission,
 * failed after a rejected one, a permission prompt, a question, and a todo list.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { clickWhenShown, STATE_TIMEOUT } from "./support/play";
import { toolRunning } from "./support/frozen";
import { ScenarioChat } from "./support/ScenarioChat";
import { renderScenario, sendStoryPrompt } from "./support/scenario-story";

const meta = {
  title: "Chat/Tools and prompts",
  component: ScenarioChat,
  render: renderScenario,
  args: { scenario: "permission", prompt: "run the tool please" },
} satisfies Meta<typeof ScenarioChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first tool card reaches `status` (its data-status attribute). */
async function toolIs(canvasElement: HTMLElement, status: string): Promise<void> {
  await waitFor(() => expect(within(canvasElement).getAllByTestId("tool-card")[0]).toHaveAttribute("data-status", status), STATE_TIMEOUT);
}

/** A command still running (a controlled turn, frozen there): spinner and "Running". */
export const ToolRunning: Story = {
  args: { scenario: toolRunning, prompt: "run the tests" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await toolIs(context.canvasElement, "running");
  },
};

/** The agent asks to run a command and waits: Allow once, Always, Reject. */
export const PermissionPrompt: Story = {
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByRole("button", { name: "Allow once" }, STATE_TIMEOUT)).toBeEnabled();
  },
};

/** Allowed once: the command runs, its output shows, and the agent talks about it. */
export const ToolCompleted: Story = {
  play: async (context) => {
    await sendStoryPrompt(context);
    await clickWhenShown(context.canvasElement, "Allow once");
    await toolIs(context.canvasElement, "completed");
    await expect(await within(context.canvasElement).findByText(/Tool result received: hi/, {}, STATE_TIMEOUT)).toBeInTheDocument();
  },
};

/** Rejected with a reason: the call fails with the rejection, which the model is told. */
export const ToolError: Story = {
  play: async (context) => {
    await sendStoryPrompt(context);
    await clickWhenShown(context.canvasElement, "Reject…");
    await userEvent.type(await within(context.canvasElement).findByPlaceholderText(/tell the agent why/), "not on this machine");
    await clickWhenShown(context.canvasElement, "Reject");
    await toolIs(context.canvasElement, "error");
  },
};

/** The agent asks a single-choice question and waits for the answer. */
export const QuestionPrompt: Story = {
  args: { scenario: "question", prompt: "ask me a question" },
  play: async (context) => {
    await sendStoryPrompt(context);
    const prompt = await within(context.canvasElement).findByTestId("question-prompt", {}, STATE_TIMEOUT);
    await expect(prompt).toHaveTextContent("Which color do you prefer?");
  },
};

/** The agent's plan, live from `todo.updated`. */
export const Todos: Story = {
  args: { scenario: "todo", prompt: "write a todo list" },
  play: async (context) => {
    await sendStoryPrompt(context);
    await expect(await within(context.canvasElement).findByTestId("todos", {}, STATE_TIMEOUT)).toHaveTextContent("1/3 done");
  },
};
