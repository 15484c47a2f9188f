/**
 * Controlled turns: a reply driven step by step by the test or story itself, synchronously and
 * with no timers. Each call emits at once the events `opencode serve` would emit for that step
 * (in the shapes of the scripted scenarios), and the fake stores them, so the UI can be put in
 * any mid-stream state and left there: streaming text, a running tool, a permission prompt, a
 * retry countdown, an error.
 */
import type { QuestionInfo, Todo } from "@opencode-ai/sdk/v2";
import type { FakeEvent } from "./fake-feed";
import { fakeId } from "./ids";
import type { PermissionAsk } from "./scenario-types";
import { tokensOf, turnEvents, type FakeTokens, type FakeToolState } from "./turn-events";

/**
 * One tool call of a controlled turn: call `update` with each new state.
 * @example
 * const call = turn.tool("bash", { status: "running", input: { command: "ls" } });
 * call.update({ status: "completed", input: { command: "ls" }, output: "README.md\n" });
 */
export interface ControlledTool {
  /** The tool call id (`callID`). */
  readonly callId: string;
  /** The tool part id. */
  readonly partId: string;
  /** Emits the call's next state (the input is kept from the previous state when omitted). */
  update(state: FakeToolState): void;
}

/**
 * What `retry` puts in the session status: the server's "retry" status (attempt, message, when).
 * @example turn.retry({ attempt: 2, message: "Rate limited", inMs: 30_000 })
 */
export interface RetryStep {
  /** Attempt number (default 1). */
  attempt?: number;
  /** Why it retries (default "Provider overloaded"). */
  message?: string;
  /** Milliseconds from now until the next attempt (default 10 000). */
  inMs?: number;
}

/**
 * The controller of one turn, from `fake.turn(sessionId)`. Every method emits synchronously.
 * @example
 * const turn = fake.turn(session.id);
 * turn.reasoning("Let me look.");
 * turn.text("Hello");
 * turn.text(" world");
 * turn.finish();
 */
export interface TurnController {
  /** The user message this turn answers. */
  readonly userMessageId: string;
  /** The assistant message of the current model step ("" before the first step). */
  readonly messageId: string;
  /** Appends to the step's text part (opening the step and the part when needed). */
  text(delta: string): TurnController;
  /** Appends to the step's reasoning part. */
  reasoning(delta: string): TurnController;
  /** Starts a tool call in `state` (pending, running, completed, error); `update` moves it on. */
  tool(name: string, state: FakeToolState): ControlledTool;
  /** Questions and permissions: they stay pending until the UI answers (the fake's reply routes). */
  readonly ask: {
    /** Emits `permission.asked`; returns the request id. */
    permission(request?: Partial<PermissionAsk>): string;
    /** Emits `question.asked` (default: one single-choice question); returns the request id. */
    question(questions?: readonly QuestionInfo[]): string;
  };
  /** Emits `todo.updated` with the whole list. */
  todo(todos: readonly Todo[]): TurnController;
  /** Emits the "retry" session status: the turn waits for its next attempt. */
  retry(step?: RetryStep): TurnController;
  /** Ends the turn with a provider error (default an APIError), as the server does. */
  fail(error?: string | { name: string; data: Record<string, unknown> }): void;
  /** Closes the open step (`step-finish`, completed message) and ends the turn (idle). */
  finish(options?: { tokens?: FakeTokens }): void;
}

const DEFAULT_QUESTION: QuestionInfo = {
  question: "Which color do you prefer?",
  header: "Color",
  options: [
    { label: "Red", description: "The color red" },
    { label: "Blue", description: "The color blue" },
  ],
};

function providerError(error: string | { name: string; data: Record<string, unknown> } | undefined): { name: string; data: Record<string, unknown> } {
  if (typeof error === "object") return error;
  const message = error ?? "The provider failed";
  return { name: "APIError", data: { message, statusCode: 500, isRetryable: false } };
}

/**
 * Creates the controller of a turn answering `userMessageId`; `emit` stores and sends one event.
 * Used by `fake.turn(sessionId)`; tests rarely call it directly.
 * @example const turn = createTurnController("ses_1", "msg_user", (event) => fake.push(event));
 */
export function createTurnController(sessionId: string, userMessageId: string, emit: (event: FakeEvent) => void): TurnController {
  const events = turnEvents(sessionId, userMessageId);
  const send = (...list: FakeEvent[]): void => {
    for (const event of list) emit(event);
  };
  let messageId = "";
  let open = { text: "", reasoning: "" } as Record<"text" | "reasoning", string>;
  const written = { text: "", reasoning: "" } as Record<"text" | "reasoning", string>;
  let busy = false;

  const ensureStep = (): string => {
    if (!busy) {
      send(events.busy());
      busy = true;
    }
    if (messageId === "") {
      messageId = fakeId("msg");
      send(events.assistant(messageId), events.busy(), events.stepStart(messageId, fakeId("prt")));
    }
    return messageId;
  };
  /** Final snapshots of the streamed parts (with time.end), as the server sends at a step's end. */
  const closeParts = (): void => {
    for (const kind of ["reasoning", "text"] as const) {
      if (open[kind] === "") continue;
      send((kind === "text" ? events.text : events.reasoning)(messageId, open[kind], written[kind], true));
    }
    open = { text: "", reasoning: "" };
    written.text = "";
    written.reasoning = "";
  };
  const append = (kind: "text" | "reasoning", delta: string): void => {
    const msg = ensureStep();
    if (open[kind] === "") {
      open[kind] = fakeId("prt");
      send((kind === "text" ? events.text : events.reasoning)(msg, open[kind], ""));
    }
    written[kind] += delta;
    send(events.delta(msg, open[kind], delta));
  };
  const idle = (): void => {
    send(...events.idle());
    busy = false;
  };

  const controller: TurnController = {
    userMessageId,
    get messageId() {
      return messageId;
    },
    text(delta) {
      append("text", delta);
      return controller;
    },
    reasoning(delta) {
      append("reasoning", delta);
      return controller;
    },
    tool(name, state) {
      const msg = ensureStep();
      const partId = fakeId("prt");
      const callId = fakeId("call");
      let input = state.input ?? {};
      send(events.tool(msg, partId, callId, name, { ...state, input }));
      return {
        callId,
        partId,
        update(next) {
          input = next.input ?? input;
          send(events.tool(msg, partId, callId, name, { ...next, input }));
        },
      };
    },
    ask: {
      permission(request = {}) {
        ensureStep();
        const id = fakeId("per");
        const patterns = request.patterns ?? ["echo hi"];
        send({
          type: "permission.asked",
          properties: { id, sessionID: sessionId, permission: "bash", patterns, always: [], metadata: { command: patterns[0] }, ...request },
        });
        return id;
      },
      question(questions = [DEFAULT_QUESTION]) {
        ensureStep();
        const id = fakeId("que");
        send({ type: "question.asked", properties: { id, sessionID: sessionId, questions } });
        return id;
      },
    },
    todo(todos) {
      send(events.todos(todos));
      return controller;
    },
    retry(step = {}) {
      const status = { type: "retry", attempt: step.attempt ?? 1, message: step.message ?? "Provider overloaded", next: Date.now() + (step.inMs ?? 10_000) };
      send({ type: "session.status", properties: { sessionID: sessionId, status } });
      busy = true;
      return controller;
    },
    fail(error) {
      const failure = providerError(error);
      const msg = messageId === "" ? fakeId("msg") : messageId;
      if (messageId === "") send(events.busy(), events.assistant(msg));
      closeParts();
      send(events.error(failure.name, failure.data), ...events.idle(), events.assistant(msg, { error: failure }));
      messageId = "";
      idle();
    },
    finish(options = {}) {
      const msg = ensureStep();
      closeParts();
      const tokens = options.tokens ?? tokensOf(10, 5);
      const done = events.assistant(msg, { finish: "stop", tokens });
      // The server closes every step with a busy status, the last one too, before going idle.
      send(events.stepFinish(msg, fakeId("prt"), "stop", tokens), done, done, events.busy());
      messageId = "";
      idle();
    },
  };
  return controller;
}
