/**
 * What each story must show once its play function ran: the state it is named after, checked on
 * the rendered DOM with plain queries (independent of the play function's own checks). A story
 * without an entry here fails the stories test, so every new story states what it shows.
 */
import { within } from "@testing-library/react";
import { expect } from "vitest";

type Check = (canvas: HTMLElement) => void;

const status = (canvas: HTMLElement): string | null => within(canvas).getByTestId("stream-status").getAttribute("data-status");
const tool = (canvas: HTMLElement): HTMLElement => within(canvas).getAllByTestId("tool-card")[0] as HTMLElement;
const text = (canvas: HTMLElement): string => within(canvas).queryAllByTestId("text-part").map((el) => el.textContent).join("\n");

/** By story export name. */
export const storyExpectations: Record<string, Check> = {
  Idle: (canvas) => {
    expect(status(canvas)).toBe("idle");
    within(canvas).getByText("Start the conversation");
  },
  Connecting: (canvas) => {
    expect(status(canvas)).toBe("connecting");
    expect(within(canvas).getByTestId("live-turn").textContent).toContain("Connecting…");
  },
  Submitted: (canvas) => {
    expect(status(canvas)).toBe("submitted");
    expect(within(canvas).getByTestId("live-turn").textContent).toContain("Thinking…");
  },
  StreamingText: (canvas) => {
    expect(status(canvas)).toBe("streaming");
    expect(text(canvas)).toBe("The fake server streams this reply word by word, and it stops here");
  },
  Completed: (canvas) => {
    expect(status(canvas)).toBe("idle");
    expect(text(canvas)).toBe("Hello there! I am a fake model.");
    within(canvas).getByTestId("turn-usage");
  },
  Reasoning: (canvas) => {
    expect(within(canvas).getByTestId("reasoning").textContent).toContain("Let me think about this carefully.");
    expect(text(canvas)).toBe("After thinking: 42.");
  },
  Aborted: (canvas) => {
    expect(status(canvas)).toBe("idle");
    within(canvas).getByTestId("stopped");
    expect(text(canvas)).not.toContain("slow39");
  },
  ToolRunning: (canvas) => {
    expect(status(canvas)).toBe("streaming");
    expect(tool(canvas).getAttribute("data-status")).toBe("running");
  },
  PermissionPrompt: (canvas) => {
    expect(status(canvas)).toBe("awaiting-input");
    expect(within(canvas).getByTestId("permission-prompt").textContent).toContain("echo hi");
    within(canvas).getByRole("button", { name: "Allow once" });
  },
  ToolCompleted: (canvas) => {
    expect(tool(canvas).getAttribute("data-status")).toBe("completed");
    expect(within(canvas).getAllByTestId("tool-output")[0]?.textContent).toBe("hi\n");
    expect(within(canvas).queryByTestId("permission-prompt")).toBeNull();
  },
  ToolError: (canvas) => {
    expect(tool(canvas).getAttribute("data-status")).toBe("error");
    expect(tool(canvas).textContent).toContain("not on this machine");
  },
  QuestionPrompt: (canvas) => {
    expect(status(canvas)).toBe("awaiting-input");
    const prompt = within(canvas).getByTestId("question-prompt");
    expect(prompt.textContent).toContain("Which color do you prefer?");
    expect(prompt.textContent).toContain("Blue");
  },
  Todos: (canvas) => {
    const todos = within(canvas).getByTestId("todos");
    expect(todos.textContent).toContain("1/3 done");
    expect(todos.querySelectorAll("li")).toHaveLength(3);
  },
  ProviderError: (canvas) => {
    expect(status(canvas)).toBe("error");
    expect(within(canvas).getByRole("alert").textContent).toContain("The model failed (APIError)");
  },
  StillThinking: (canvas) => {
    expect(status(canvas)).toBe("submitted");
    expect(within(canvas).getByTestId("still-thinking").textContent).toMatch(/Still thinking….*\d+ s before/);
  },
  RetryCountdown: (canvas) => {
    expect(within(canvas).getByTestId("retry-notice").textContent).toMatch(/Retrying in (29|30) s \(attempt 2\)Rate limited by the provider/);
  },
  Wedged: (canvas) => {
    expect(status(canvas)).toBe("wedged");
    expect(within(canvas).getByTestId("watchdog").textContent).toContain("The reply stopped moving");
    expect(text(canvas)).toBe("Let me look at the repository");
  },
  FailedSend: (canvas) => {
    expect(status(canvas)).toBe("error");
    expect(within(canvas).getByRole("alert").textContent).not.toBe("");
    expect(text(canvas)).toBe("");
  },
  OfflineFeed: (canvas) => {
    expect(within(canvas).getByTestId("feed-offline").textContent).toContain("reconnecting");
  },
  LongHistory: (canvas) => {
    const shown = within(canvas).getAllByText(/^Answer \d+$/).map((el) => Number(el.textContent?.split(" ")[1]));
    // Two pages of 50 messages (useChat's page size): answers 51 to 100, oldest first.
    expect(shown).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
    within(canvas).getByRole("button", { name: "Load older messages" });
  },
  Stalled: (canvas) => {
    expect(status(canvas)).toBe("stalled");
    expect(within(canvas).getByTestId("watchdog").getAttribute("data-kind")).toBe("stalled");
    expect(within(canvas).getByRole("alert").textContent).toContain("No response from the server");
  },
};
