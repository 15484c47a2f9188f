/**
 * The building blocks every recorded turn shares, so each scenario reads like its capture: a
 * model step (assistant message, step-start … step-finish, completion sent twice as the server
 * does), a streamed text or reasoning part, and the end of the turn.
 */
import type { ScenarioTurn } from "./scenario-types";
import { tokensOf, type FakeTokens } from "./turn-events";

/**
 * Options of {@link modelStep}.
 * @example { reason: "tool-calls", tokens: tokensOf(10, 20) }
 */
export interface StepOptions {
  /** The step's finish reason: "stop" (default) or "tool-calls" (another step follows). */
  reason?: string;
  /** The step's usage (default 10 in, 5 out). */
  tokens?: FakeTokens;
}

/** Turns that have started a model step: a later step opens without its own first busy status. */
const stepped = new WeakSet<ScenarioTurn>();

/**
 * One model step: a new assistant message of the turn, its `step-start`, whatever `body` emits
 * for it, then `step-finish`, the completed message (twice, as captured) and a busy status. The
 * turn's first step opens with a busy status; a later one does not, as the previous step's
 * closing busy status already says it (the real server sends one busy between two steps).
 * @returns The assistant message id.
 * @example await modelStep(turn, (msg) => streamPart(turn, msg, ["Hi", "!"]));
 */
export async function modelStep(turn: ScenarioTurn, body: (messageId: string) => Promise<void>, options: StepOptions = {}): Promise<string> {
  const { events } = turn;
  const messageId = turn.id("msg");
  const opening = stepped.has(turn) ? [] : [events.busy()];
  stepped.add(turn);
  await turn.emit(opening, events.assistant(messageId), events.busy(), events.stepStart(messageId, turn.id("prt")));
  await body(messageId);
  const reason = options.reason ?? "stop";
  const tokens = options.tokens ?? tokensOf(10, 5);
  const done = events.assistant(messageId, { finish: reason, tokens });
  await turn.emit(events.stepFinish(messageId, turn.id("prt"), reason, tokens), done, done, events.busy());
  return messageId;
}

/**
 * Streams one text (or reasoning) part: an empty snapshot, one delta per chunk (`gapMs` apart on
 * top of the pace), then the authoritative final snapshot with `time.end`.
 * @example await streamPart(turn, msg, ["Let me ", "think."], "reasoning");
 */
export async function streamPart(turn: ScenarioTurn, messageId: string, chunks: readonly string[], kind: "text" | "reasoning" = "text", gapMs = 0): Promise<void> {
  const partId = turn.id("prt");
  const snapshot = kind === "text" ? turn.events.text : turn.events.reasoning;
  await turn.emit(snapshot(messageId, partId, ""));
  let text = "";
  for (const chunk of chunks) {
    if (gapMs > 0) await turn.sleep(gapMs);
    text += chunk;
    await turn.emit(turn.events.delta(messageId, partId, chunk));
  }
  await turn.emit(snapshot(messageId, partId, text, true));
}

/**
 * The closing step after a tool call: the model's text about the tool's result, as the recorded
 * fake model says it ("Tool result received: " and the first 80 characters).
 * @example await followUpStep(turn, "hi\n");
 */
export async function followUpStep(turn: ScenarioTurn, result: string): Promise<void> {
  const excerpt = result.replace(/\s+/g, " ").slice(0, 80);
  await modelStep(turn, (msg) => streamPart(turn, msg, ["Tool result ", "received: ", excerpt]), { tokens: tokensOf(30, 8) });
}

/**
 * Ends the turn: `session.status` idle and `session.idle`.
 * @example await endTurn(turn);
 */
export async function endTurn(turn: ScenarioTurn): Promise<void> {
  await turn.emit(turn.events.idle());
}
