/** What every chat story shares: how it renders (pace from the toolbar) and how it sends its prompt. */
import type { StoryContext } from "@storybook/react-vite";
import { ScenarioChat, type ScenarioChatProps } from "./ScenarioChat";
import { sendPrompt } from "./play";

/**
 * Renders the story's chat with the toolbar's pace. Keyed by the args, so editing a control
 * starts a fresh fake and session instead of keeping the old ones.
 */
export function renderScenario(args: ScenarioChatProps, context: { globals: Record<string, unknown> }) {
  const pace = Number(context.globals.pace ?? 40);
  return <ScenarioChat key={JSON.stringify(args)} {...args} pace={pace} />;
}

/** The play step every turn story starts with: send `args.prompt` from the composer. */
export async function sendStoryPrompt({ canvasElement, args }: Pick<StoryContext<ScenarioChatProps>, "canvasElement" | "args">): Promise<void> {
  await sendPrompt(canvasElement, args.prompt ?? "hello");
}
