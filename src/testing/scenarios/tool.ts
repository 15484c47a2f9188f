/**
 * A tool call ("tool-permission-once" / "tool-permission-reject" captures): a bash call goes
 * pending, running, optionally asks permission and waits for the reply, then completes (or fails
 * when rejected), and a second step talks about the result.
 */
import type { Scenario, ScenarioTurn } from "../scenario-types";
import { endTurn, followUpStep, modelStep } from "../scenario-steps";
import { tokensOf } from "../turn-events";

/**
 * Options of {@link tool}.
 * @example tool({ command: "ls", output: "README.md\n", permission: true })
 */
export interface ToolScenarioOptions {
  /** The bash command (default "echo hi"). */
  command?: string;
  /** Its output (default "hi\n"). */
  output?: string;
  /** Ask permission first and wait for the reply (default false). */
  permission?: boolean;
  /** How long the command runs after it is allowed (default 0; pace applies on top). */
  runMs?: number;
}

function rejection(message: string | undefined): string {
  return message
    ? `The user rejected permission to use this specific tool call with the following feedback: ${message}`
    : "The user rejected permission to use this specific tool call.";
}

async function runBash(turn: ScenarioTurn, msg: string, options: ToolScenarioOptions): Promise<string> {
  const command = options.command ?? "echo hi";
  const output = options.output ?? "hi\n";
  const input = { command, description: `Run ${command}` };
  const partId = turn.id("prt");
  const callId = turn.id("call");
  const state = (status: "pending" | "running" | "completed" | "error", extra: Record<string, unknown> = {}) =>
    turn.events.tool(msg, partId, callId, "bash", { status, input: status === "pending" ? {} : input, ...extra });
  await turn.emit(state("pending"), state("running"));
  if (options.permission) {
    const answer = await turn.askPermission({ permission: "bash", patterns: [command], metadata: { command }, always: [`${command.split(" ")[0]} *`], tool: { messageID: msg, callID: callId } });
    if (answer.reply === "reject") {
      const error = rejection(answer.message);
      await turn.emit(state("error", { error }));
      return error;
    }
  }
  await turn.emit(state("running", { metadata: { output: "" } }));
  if (options.runMs) await turn.sleep(options.runMs);
  await turn.emit(
    state("running", { metadata: { output } }),
    state("completed", { output, title: command, metadata: { output, exit: 0, truncated: false } }),
  );
  return output;
}

/**
 * A bash tool call, then a closing text step. With `permission`, the turn waits (status
 * "awaiting-input") until the permission is answered: "once"/"always" run the command,
 * "reject" fails the call with the rejection message.
 * @example createFakeOpencode({ scenario: tool({ permission: true }) })
 */
export function tool(options: ToolScenarioOptions = {}): Scenario {
  return async (turn) => {
    let result = "";
    await modelStep(turn, async (msg) => void (result = await runBash(turn, msg, options)), { reason: "tool-calls", tokens: tokensOf(10, 20) });
    await followUpStep(turn, result);
    await endTurn(turn);
  };
}

/**
 * {@link tool} with `permission: true`: the recorded "tool with permission" turn.
 * @example createFakeOpencode({ scenario: permission({ command: "rm -rf dist" }) })
 */
export function permission(options: Omit<ToolScenarioOptions, "permission"> = {}): Scenario {
  return tool({ ...options, permission: true });
}
