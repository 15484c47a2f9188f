/**
 * The scripted turns by name, and the keyword routing `createFakeOpencode` uses by default: the
 * same words the demo's scripted model answers to ("hello", "reason", "tool", "question", "todo",
 * "slow"…), so a story or test says what it wants in the prompt itself.
 */
import type { Scenario } from "../scenario-types";
import { providerError } from "./provider-error";
import { question } from "./question";
import { hello, reasoning, silent, slow } from "./text";
import { todo } from "./todo";
import { permission, tool } from "./tool";

export type { ToolScenarioOptions } from "./tool";

/**
 * Every built-in scenario factory. Each returns a fresh {@link Scenario}; pass options to change
 * texts, commands, questions or timings.
 * @example fake.script(scenarios.tool({ command: "ls", output: "README.md\n" }))
 */
export const scenarios = {
  hello,
  reasoning,
  tool,
  permission,
  question,
  todo,
  providerError,
  slow,
  silent,
  /** Picks a scenario from the prompt's words (see {@link scenarioForPrompt}). */
  auto: (): Scenario => (turn) => scenarioForPrompt(turn.prompt.text)(turn),
} as const;

/**
 * A built-in scenario's name: what `createFakeOpencode({ scenario })` and `fake.script()` accept
 * besides a Scenario function. "none" answers prompts with nothing at all (tests push events).
 * @example const name: ScenarioName = "permission";
 */
export type ScenarioName = keyof typeof scenarios | "none";

const KEYWORDS: ReadonlyArray<readonly [RegExp, () => Scenario]> = [
  [/\breason|\bthink/i, reasoning],
  [/\b(permission|tool|bash)\b/i, permission],
  [/\b(question|ask)\b/i, question],
  [/\b(todo|plan)\b/i, todo],
  [/\b(fatal\w*|error|fail)\b/i, providerError],
  [/\bslow\b/i, slow],
  [/\b(silent|stall|hang)\b/i, silent],
  [/\b(read|ls)\b/i, tool],
];

/**
 * The scenario a prompt asks for by its words: "reason" → reasoning, "tool"/"permission" → a
 * bash call waiting for permission, "question" → a question, "todo" → a plan, "error" → a
 * provider error, "slow" → a slow stream, "silent" → no reply, "read" → a tool call without
 * permission; anything else → hello.
 * @example scenarioForPrompt("please run the tool") // permission()
 */
export function scenarioForPrompt(text: string): Scenario {
  const found = KEYWORDS.find(([pattern]) => pattern.test(text));
  return (found?.[1] ?? hello)();
}

/**
 * A name or a scenario, as a scenario (undefined for "none").
 * @example resolveScenario("hello")
 */
export function resolveScenario(scenario: ScenarioName | Scenario): Scenario | undefined {
  if (typeof scenario === "function") return scenario;
  return scenario === "none" ? undefined : scenarios[scenario]();
}
