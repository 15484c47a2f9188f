/**
 * What a scripted turn is: an async function of the turn it answers. It emits the events a real
 * server would (paced by the fake), and may wait for the user (a permission reply, an answer to a
 * question) exactly as the agent does. Aborting the turn (`POST /session/:id/abort`) rejects its
 * pending `emit`/`sleep`/`ask*` and the fake finishes the turn the way the server does.
 */
import type { PermissionRequest, QuestionInfo } from "@opencode-ai/sdk/v2";
import type { FakeEvent } from "./fake-feed";
import type { TurnEvents } from "./turn-events";
import type { TurnController } from "./turn-controller";

/**
 * The user's answer to a permission request.
 * @example const answer: PermissionAnswer = { reply: "reject", message: "not on prod" };
 */
export interface PermissionAnswer {
  reply: "once" | "always" | "reject";
  /** The reason given with a rejection, if any. */
  message?: string;
}

/**
 * A permission request a scenario asks; the fake adds `id` and `sessionID`.
 * @example turn.askPermission({ permission: "bash", patterns: ["echo hi"], metadata: { command: "echo hi" } })
 */
export type PermissionAsk = Omit<PermissionRequest, "id" | "sessionID" | "always" | "metadata"> &
  Partial<Pick<PermissionRequest, "always" | "metadata">>;

/**
 * The prompt that started a turn.
 * @example const scenario: Scenario = async (turn) => { if (turn.prompt.text.includes("bye")) return; };
 */
export interface ScenarioPrompt {
  readonly sessionId: string;
  /** The `?directory=` the prompt was posted to ("" for none). */
  readonly directory: string;
  /** The stored user message's id: the `parentID` of every assistant message of the turn. */
  readonly userMessageId: string;
  /** The prompt's text parts, joined with a newline. */
  readonly text: string;
  /** The parsed POST body. */
  readonly body: unknown;
}

/**
 * What a scenario gets: the prompt, event builders bound to it, and the paced actions.
 * @example
 * const echo: Scenario = async (turn) => {
 *   const msg = turn.id("msg");
 *   await turn.emit(turn.events.busy(), turn.events.assistant(msg));
 *   await turn.emit(turn.events.assistant(msg, { finish: "stop" }), turn.events.idle());
 * };
 */
export interface ScenarioTurn {
  readonly prompt: ScenarioPrompt;
  /** Builders of this turn's events, in the recorded shapes. */
  readonly events: TurnEvents;
  /** Aborted when the turn is aborted (or the fake is closed). */
  readonly signal: AbortSignal;
  /** A new server id ("msg", "prt", "call"…) that sorts after every earlier one. */
  id(prefix: string): string;
  /** Emits events in order, waiting the fake's pace before each; an array stands for its items. */
  emit(...events: ReadonlyArray<FakeEvent | readonly FakeEvent[]>): Promise<void>;
  /** Waits `ms` (on top of the pace); rejects if the turn is aborted meanwhile. */
  sleep(ms: number): Promise<void>;
  /** Emits `permission.asked` and waits for the reply posted to `/permission/:id/reply`. */
  askPermission(request: PermissionAsk): Promise<PermissionAnswer>;
  /**
   * Emits `question.asked` and waits for `/question/:id/reply` (the answers, one list per
   * question) or `/question/:id/reject` (null).
   */
  askQuestion(questions: readonly QuestionInfo[], tool?: { messageID: string; callID: string }): Promise<string[][] | null>;
  /**
   * A controlled turn on this prompt (see `fake.turn`): its steps emit at once, unpaced. A
   * scenario that only drives it and returns leaves the UI frozen in the state it reached.
   */
  control(): TurnController;
}

/**
 * A scripted turn.
 * @example const fake = createFakeOpencode({ scenario: scenarios.hello({ text: "Hi!" }) });
 */
export type Scenario = (turn: ScenarioTurn) => Promise<void>;
