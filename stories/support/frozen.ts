/**
 * Controlled turns for the stories' mid-stream states: each scenario drives the turn with
 * `turn.control()` (synchronous steps, no timers) and returns, so the UI stays frozen in the state
 * reached and renders the same every time.
 */
import type { Scenario } from "opencode-react/testing";

/** Text streamed part-way, the turn still running. */
export const streamingText: Scenario = async (turn) => {
  turn.control().text("The fake server streams this reply ").text("word by word, and it stops here");
};

/** A bash call running, no output yet. */
export const toolRunning: Scenario = async (turn) => {
  turn.control().tool("bash", { status: "running", input: { command: "npm test", description: "Run npm test" } });
};

/** The provider is overloaded: the server retries in 30 s (attempt 2). */
export const retrying: Scenario = async (turn) => {
  turn.control().retry({ attempt: 2, message: "Rate limited by the provider", inMs: 30_000 });
};

/** Some text, then silence mid-turn (the idle watchdog marks it wedged). */
export const goesQuiet: Scenario = async (turn) => {
  turn.control().text("Let me look at the repository");
};
