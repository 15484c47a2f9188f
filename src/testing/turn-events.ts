/**
 * Builders of one turn's events, field for field in the shapes `opencode serve` 1.18.33 emitted
 * in the recorded captures (test/fixtures/opencode-1.18.33/*.sse): assistant messages with
 * their `parentID`, step-start/step-finish parts with tokens, text and reasoning parts with
 * `time.start`/`time.end`, tool parts with their state, deltas, errors and todos.
 */
import type { FakeEvent } from "./fake-feed";

/**
 * Token counts as a step-finish part and a completed assistant message carry them.
 * @example const tokens: FakeTokens = { total: 15, input: 10, output: 5, reasoning: 0, cache: { write: 0, read: 0 } };
 */
export interface FakeTokens {
  total: number;
  input: number;
  output: number;
  reasoning: number;
  cache: { write: number; read: number };
}

/**
 * A tool part's state: pending (no input yet), running, completed (output) or error.
 * @example const state: FakeToolState = { status: "completed", input: { command: "ls" }, output: "a\n", title: "ls" };
 */
export interface FakeToolState {
  status: "pending" | "running" | "completed" | "error";
  input?: Record<string, unknown>;
  output?: string;
  error?: string;
  title?: string;
  metadata?: Record<string, unknown>;
}

/**
 * How an assistant message looks in a `message.updated`: in progress, or completed.
 * @example events.assistant(msg, { finish: "stop", tokens })
 */
export interface AssistantUpdate {
  /** Set `time.completed` with this finish reason ("stop", "tool-calls"). */
  finish?: string;
  tokens?: FakeTokens;
  /** The message's error (`{ name, data }`), e.g. MessageAbortedError; completes it too. */
  error?: { name: string; data: Record<string, unknown> };
}

/**
 * Zero tokens, as a message starts.
 * @example events.assistant(msg, { finish: "stop", tokens: tokensOf(10, 5) })
 */
export function tokensOf(input = 0, output = 0): FakeTokens {
  return { total: input + output, input, output, reasoning: 0, cache: { write: 0, read: 0 } };
}

/**
 * The event builders of one session's turn answering the user message `parentId`. Times are
 * taken when an event is built, so a paced turn has realistic `time.start`/`time.end`.
 * @example
 * const events = turnEvents("ses_1", "msg_user");
 * fake.push(events.busy());
 * fake.push(events.text("msg_a", "prt_t", "Hello", { start: Date.now() }));
 */
export function turnEvents(sessionId: string, parentId: string) {
  const started = new Map<string, number>();
  const ev = (type: string, properties: Record<string, unknown>): FakeEvent => ({ type, properties: { sessionID: sessionId, ...properties } });
  const part = (fields: Record<string, unknown>): FakeEvent => ev("message.part.updated", { part: { sessionID: sessionId, ...fields }, time: Date.now() });
  const startOf = (id: string): number => {
    const known = started.get(id);
    if (known !== undefined) return known;
    const now = Date.now();
    started.set(id, now);
    return now;
  };
  return {
    /** `session.status` busy (the server repeats it at every step). */
    busy: (): FakeEvent => ev("session.status", { status: { type: "busy" } }),
    /** The end of a turn: `session.status` idle and the legacy `session.idle`, as the server sends both. */
    idle: (): FakeEvent[] => [ev("session.status", { status: { type: "idle" } }), ev("session.idle", {})],
    /** `message.updated` of an assistant message (one per model step). */
    assistant(messageId: string, update: AssistantUpdate = {}): FakeEvent {
      const created = startOf(messageId);
      const done = update.finish !== undefined || update.error !== undefined;
      return ev("message.updated", {
        info: {
          id: messageId,
          parentID: parentId,
          role: "assistant",
          mode: "build",
          agent: "build",
          path: { cwd: "/srv/project", root: "/" },
          cost: 0,
          tokens: update.tokens ?? { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } },
          modelID: "fake-model",
          providerID: "fake",
          time: done ? { created, completed: Date.now() } : { created },
          sessionID: sessionId,
          ...(update.finish === undefined ? {} : { finish: update.finish }),
          ...(update.error === undefined ? {} : { error: update.error }),
        },
      });
    },
    /** The `step-start` part opening a model step. */
    stepStart: (messageId: string, partId: string): FakeEvent => part({ id: partId, messageID: messageId, type: "step-start" }),
    /** The `step-finish` part closing a model step, with its usage. */
    stepFinish: (messageId: string, partId: string, reason: string, tokens: FakeTokens): FakeEvent =>
      part({ id: partId, reason, messageID: messageId, type: "step-finish", tokens, cost: 0 }),
    /** A text part snapshot; `ended` adds `time.end` (the final snapshot). */
    text: (messageId: string, partId: string, text: string, ended = false): FakeEvent =>
      part({ id: partId, messageID: messageId, type: "text", text, time: ended ? { start: startOf(partId), end: Date.now() } : { start: startOf(partId) } }),
    /** A reasoning part snapshot; `ended` adds `time.end`. */
    reasoning: (messageId: string, partId: string, text: string, ended = false): FakeEvent =>
      part({ id: partId, messageID: messageId, type: "reasoning", text, time: ended ? { start: startOf(partId), end: Date.now() } : { start: startOf(partId) } }),
    /** `message.part.delta`: text appended to a text or reasoning part. */
    delta: (messageId: string, partId: string, delta: string): FakeEvent => ev("message.part.delta", { messageID: messageId, partID: partId, field: "text", delta }),
    /** A tool part snapshot in one of its states. */
    tool(messageId: string, partId: string, callId: string, tool: string, state: FakeToolState): FakeEvent {
      const { status, input = {}, ...rest } = state;
      const timing = status === "pending" ? { raw: "" } : { time: status === "running" ? { start: startOf(partId) } : { start: startOf(partId), end: Date.now() } };
      return part({ id: partId, messageID: messageId, type: "tool", tool, callID: callId, state: { status, input, ...rest, ...timing } });
    },
    /** `todo.updated` with the whole list. */
    todos: (todos: ReadonlyArray<{ content: string; status: string; priority: string }>): FakeEvent => ev("todo.updated", { todos }),
    /** `session.error` (a provider error, or MessageAbortedError after an abort). */
    error: (name: string, data: Record<string, unknown>): FakeEvent => ev("session.error", { error: { name, data } }),
  };
}

/**
 * The builders {@link turnEvents} returns.
 * @example function greet(events: TurnEvents) { return events.busy(); }
 */
export type TurnEvents = ReturnType<typeof turnEvents>;
