/**
 * The agent writes a plan ("todo" capture): a `todowrite` tool call with `todo.updated` carrying
 * the whole list, then a closing text step.
 */
import type { Todo } from "@opencode-ai/sdk/v2";
import type { Scenario } from "../scenario-types";
import { endTurn, followUpStep, modelStep } from "../scenario-steps";
import { tokensOf } from "../turn-events";

const PLAN: readonly Todo[] = [
  { content: "Write the fake server", status: "completed", priority: "high" },
  { content: "Capture the event stream", status: "in_progress", priority: "medium" },
  { content: "Write the report", status: "pending", priority: "low" },
];

/**
 * Writes `todos` (default: the recorded three-item plan) with `todowrite`.
 * @example createFakeOpencode({ scenario: todo({ todos: [{ content: "Ship", status: "pending", priority: "high" }] }) })
 */
export function todo(options: { todos?: readonly Todo[] } = {}): Scenario {
  const todos = options.todos ?? PLAN;
  return async (turn) => {
    const output = JSON.stringify(todos, null, 2);
    await modelStep(
      turn,
      async (msg) => {
        const partId = turn.id("prt");
        const callId = turn.id("call");
        const input = { todos };
        const open = todos.filter((t) => t.status !== "completed").length;
        await turn.emit(
          turn.events.tool(msg, partId, callId, "todowrite", { status: "pending" }),
          turn.events.todos(todos),
          turn.events.tool(msg, partId, callId, "todowrite", { status: "running", input }),
          turn.events.tool(msg, partId, callId, "todowrite", { status: "completed", input, output, title: `${open} todos`, metadata: { todos, truncated: false } }),
        );
      },
      { reason: "tool-calls", tokens: tokensOf(10, 20) },
    );
    await followUpStep(turn, output);
    await endTurn(turn);
  };
}
