/** Play-function steps shared by the stories: send the story's prompt, answer what the agent asks. */
import { userEvent, within } from "storybook/test";

/** Generous: the Storybook toolbar can slow the fake down to 150 ms per event. */
export const STATE_TIMEOUT = { timeout: 8_000 };

/** Types `text` into the composer and presses Send, as a user would. */
export async function sendPrompt(canvasElement: HTMLElement, text: string): Promise<void> {
  const canvas = within(canvasElement);
  const box = await canvas.findByRole("textbox", { name: "Message" }, STATE_TIMEOUT);
  await userEvent.type(box, text);
  await userEvent.click(canvas.getByRole("button", { name: "Send" }));
}

/** Clicks a button once it shows up (Allow once, Reject…, a question's option, Stop). */
export async function clickWhenShown(canvasElement: HTMLElement, name: string | RegExp): Promise<void> {
  const button = await within(canvasElement).findByRole("button", { name }, STATE_TIMEOUT);
  await userEvent.click(button);
}
