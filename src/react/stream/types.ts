/**
 * Public shapes of the streaming hooks: what `useStream` takes and returns, and what
 * `useQuestions` / `usePermissions` return.
 */
import type { PromptInput, PartInput, PermissionReply } from "../../core/api";
import type {
  DistilledReply,
  PendingPermission,
  PendingQuestion,
  ReplyFinishInfo,
  ReplyPart,
  ReplyStatus,
  ReplyToolPart,
  ReplyWatchdog,
  ThrottleOption,
  Todo,
  TokenTotals,
} from "../../core/reply";

/**
 * Options of {@link useStream}. The timeouts and `throttleMs` configure the session's reply
 * store when it is created (the first hook of the session that mounts decides; later changes do
 * not re-create it). The callbacks are read from a ref at call time: changing them never
 * re-creates the store or resubscribes.
 * @example useStream(sessionId, { idleTimeoutMs: 60_000, onFinish: (result) => save(result.text) })
 */
export interface UseStreamOptions {
  /** No session event within this many ms of the prompt: "stalled" (default 120 000). */
  readonly firstEventTimeoutMs?: number;
  /** No meaningful event for this many ms mid-turn: "wedged" (default: off). */
  readonly idleTimeoutMs?: number;
  /** The whole turn, not counting time waiting for the user: TimeoutError (default 600 000). */
  readonly turnTimeoutMs?: number;
  /** "frame" (default: one update per animation frame), a number of ms, or 0 (every event). */
  readonly throttleMs?: ThrottleOption;
  /** A part was added or changed (an immutable snapshot, at most once per flush per part). */
  readonly onPart?: (part: ReplyPart) => void;
  /** A turn ended and was reconciled with the stored messages (also after an error or abort). */
  readonly onFinish?: (result: DistilledReply, info: ReplyFinishInfo) => void;
  /** Every error of the session's turns (POST, SessionError, watchdogs, the final fetch). */
  readonly onError?: (error: Error) => void;
}

/**
 * Per-send settings of {@link UseStreamResult.send}; they win over the same fields of a
 * `PromptInput` given as input.
 * @example stream.send("Plan the refactor", { agent: "plan", model: "anthropic/claude-sonnet-4" })
 */
export interface StreamSendOptions {
  /** "provider/model" or `{ providerID, modelID }`. */
  readonly model?: PromptInput["model"];
  /** Agent name ("build", "plan", custom). */
  readonly agent?: string;
  /** Extra system prompt for this turn. */
  readonly system?: string;
  /** Client-chosen user message id ("msg_..."), e.g. to match an optimistic bubble. */
  readonly messageId?: string;
  /** Enable/disable tools for this turn. */
  readonly tools?: Record<string, boolean>;
  /** Model variant / reasoning effort. */
  readonly variant?: string;
}

/**
 * What {@link UseStreamResult.send} accepts: text, parts, or a whole `PromptInput`.
 * @example const input: StreamSendInput = [{ type: "text", text: "Describe this file" }]
 */
export type StreamSendInput = string | PartInput[] | PromptInput;

/**
 * The watchdog clock plus `remainingMs`: the time left until `deadlineAt`, computed at render.
 * While a deadline is active, `useStream` re-renders at most once per second (when the whole
 * seconds left change) so a countdown stays current; with no deadline there is no timer.
 * @example const left = watchdog.remainingMs === null ? null : Math.ceil(watchdog.remainingMs / 1000);
 */
export interface StreamWatchdog extends ReplyWatchdog {
  /** `deadlineAt - now` (never below 0), or null when no deadline is active. */
  readonly remainingMs: number | null;
}

/**
 * What {@link useStream} returns. `parts`, `toolParts`, `todos`, `questions` and `permissions`
 * keep their identity until they change, so they can be passed to memoised children.
 * @example const { status, text, send, abort } = useStream(sessionId);
 */
export interface UseStreamResult {
  /**
   * Posts a prompt once the feed is ready (exactly once, never again on reconnect). Resolves once
   * it was posted or failed (then `status` is "error" and `error` says why); rejects when a turn
   * is already in flight (ConflictError) or there is no session.
   */
  send(input: StreamSendInput, options?: StreamSendOptions): Promise<void>;
  /** Asks the server to abort the turn (`POST /session/:id/abort`); the stream stays open. */
  abort(): Promise<void>;
  /** The turn's status (see `ReplyStatus`). */
  readonly status: ReplyStatus;
  /** Every part of the current (or last) turn, in emission order. */
  readonly parts: readonly ReplyPart[];
  /** The text parts joined with a blank line. */
  readonly text: string;
  /** The reasoning parts joined with a blank line. */
  readonly reasoning: string;
  /** Finished tool calls (completed or error), in order; running ones are in `parts`. */
  readonly toolParts: readonly ReplyToolPart[];
  /** The latest todo list of the turn. */
  readonly todos: readonly Todo[];
  /** Cost of the turn's steps so far. */
  readonly cost: number;
  /** Tokens of the turn's steps so far. */
  readonly tokens: TokenTotals;
  /** The turn's error (SessionError, TimeoutError, StaleSessionError, IdleStreamError, the POST's). */
  readonly error: Error | null;
  /**
   * Questions of this session waiting for the user, in asking order, as seen on the feed since the
   * session's store exists (`useQuestions` also lists those the server had before).
   */
  readonly questions: readonly PendingQuestion[];
  /** Permission requests of this session waiting for the user, as seen on the feed (see `questions`). */
  readonly permissions: readonly PendingPermission[];
  /** The watchdog clock, with a ticking `remainingMs`. */
  readonly watchdog: StreamWatchdog;
  /** The last finished turn, reconciled with the stored messages; null while a turn runs. */
  readonly result: DistilledReply | null;
}

/**
 * What {@link useQuestions} returns. Questions use the reply store's `PendingQuestion` shape
 * (the server's `QuestionRequest` with `kind`, `askedAt` and `raw`), whether they came from
 * `GET /question` or from the feed.
 * @example const { questions, reply, reject, error } = useQuestions(sessionId);
 */
export interface UseQuestionsResult {
  /** Pending questions (of the session, when one was given), in asking order. */
  readonly questions: readonly PendingQuestion[];
  /**
   * Answers a question: one list of selected labels (or free text) per question, in order. It
   * leaves `questions` at once; if the server refuses it comes back and the promise rejects with
   * the typed error (also in `error`). An already answered question (404) just goes away.
   */
  reply(requestId: string, answers: string[][]): Promise<void>;
  /** Dismisses a question; same optimistic behaviour as `reply`. */
  reject(requestId: string): Promise<void>;
  /** The last refused reply/reject, else the error of loading the list, else null. */
  readonly error: Error | null;
}

/**
 * What {@link usePermissions} returns. Requests use the reply store's `PendingPermission` shape.
 * @example const { permissions, reply } = usePermissions(sessionId);
 */
export interface UsePermissionsResult {
  /** Pending permission requests (of the session, when one was given), in asking order. */
  readonly permissions: readonly PendingPermission[];
  /**
   * Answers a request ("once", "always" or "reject", with an optional message for the model on
   * reject). It leaves `permissions` at once; if the server refuses it comes back and the promise
   * rejects with the typed error (also in `error`). An already answered request (404) just goes away.
   */
  reply(requestId: string, reply: PermissionReply, message?: string): Promise<void>;
  /** The last refused reply, else the error of loading the list, else null. */
  readonly error: Error | null;
}
