/**
 * The agent asks the user ("question-reply" capture): a `question` tool call goes pending,
 * `question.asked` is emitted, and the turn waits for the answer (status "awaiting-input"), then
 * the call completes with the answers and a second step talks about them.
 */
import type { QuestionInfo } from "@opencode-ai/sdk/v2";
import type { Scenario } from "../scenario-types";
import { endTurn, followUpStep, modelStep } from "../scenario-steps";
import { tokensOf } from "../turn-events";

const COLOR: QuestionInfo = {
  question: "Which color do you prefer?",
  header: "Color",
  options: [
    { label: "Red", description: "The color red" },
    { label: "Blue", description: "The color blue" },
  ],
};

function summary(questions: readonly QuestionInfo[], answers: string[][]): string {
  const pairs = questions.map((q, i) => `"${q.question}"="${(answers[i] ?? []).join(", ")}"`).join(", ");
  return `User has answered your questions: ${pairs}. You can now continue with the user's answers in mind.`;
}

/**
 * Asks `questions` (default: the recorded single-choice "Which color do you prefer?") and waits.
 * A reply completes the tool call with the answers; a rejection (Dismiss) fails it.
 * @example createFakeOpencode({ scenario: question() })
 */
export function question(options: { questions?: readonly QuestionInfo[] } = {}): Scenario {
  const questions = options.questions ?? [COLOR];
  return async (turn) => {
    let result = "";
    await modelStep(
      turn,
      async (msg) => {
        const partId = turn.id("prt");
        const callId = turn.id("call");
        const input = { questions };
        await turn.emit(turn.events.tool(msg, partId, callId, "question", { status: "pending" }));
        const pending = turn.askQuestion(questions, { messageID: msg, callID: callId });
        await turn.emit(turn.events.tool(msg, partId, callId, "question", { status: "running", input }));
        const answers = await pending;
        if (answers === null) {
          result = "The user dismissed this question";
          await turn.emit(turn.events.tool(msg, partId, callId, "question", { status: "error", input, error: result }));
          return;
        }
        result = summary(questions, answers);
        const title = `Asked ${questions.length} question${questions.length === 1 ? "" : "s"}`;
        await turn.emit(turn.events.tool(msg, partId, callId, "question", { status: "completed", input, output: result, title, metadata: { answers, truncated: false } }));
      },
      { reason: "tool-calls", tokens: tokensOf(10, 20) },
    );
    await followUpStep(turn, result);
    await endTurn(turn);
  };
}
