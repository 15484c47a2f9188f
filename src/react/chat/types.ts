/** Public shapes of `useChat` and `useChatMessage`. */
import type { Message } from "@opencode-ai/sdk/v2";
import type { PermissionReply } from "../../core/api";
import type {
  PendingPermission,
  PendingQuestion,
  ReplyPart,
  ReplySessionStatus,
  ReplyStatus,
  ReplyWatchdog,
  ThrottleOption,
  Todo,
  Totals,
} from "../../core/reply";
import type { StreamSendInput, StreamSendOptions } from "../stream/types";

/**
 * Where a chat message is: "pending" (the user's, not yet confirmed by the server), "streaming"
 * (an assistant message of the turn in flight), "complete", "error" (a refused prompt or a failed
 * step; `error` says why) or "aborted" (the user stopped the turn).
 * @example const dim = message.status === "pending";
 */
export type ChatMessageStatus = "pending" | "streaming" | "complete" | "error" | "aborted";

/**
 * One message of a chat: the user's or one model step of the assistant, with its parts in the
 * reply store's shapes (`ReplyPart`), whether it came from the stored history or the live turn.
 * An object that did not change keeps its identity across renders (so do its parts).
 * @example
 * const Bubble = React.memo(({ message }: { message: ChatMessage }) =>
 *   <div data-role={message.role}>{message.parts.map((p) => (p.type === "text" ? p.text : null))}</div>);
 */
export interface ChatMessage {
  /** The message id (`msg_...`); a sent message keeps its client-made id from the first render. */
  readonly id: string;
  readonly role: "user" | "assistant";
  /** The visible parts, in order. */
  readonly parts: readonly ReplyPart[];
  readonly status: ChatMessageStatus;
  /** Why the message failed: the typed error of a refused prompt, or the step's SessionError. */
  readonly error?: Error;
  /** The server's message info (for a pending user message, the one the client built). */
  readonly info: Message;
}

/**
 * The paged history of a chat.
 * @example {history.hasOlder && <button onClick={history.loadOlder} disabled={history.isLoadingOlder}>Older</button>}
 */
export interface ChatHistory {
  /** More (older) pages exist on the server. */
  readonly hasOlder: boolean;
  /** Loads the next older page (no-op while one loads or none is left). */
  loadOlder(): Promise<void>;
  readonly isLoadingOlder: boolean;
  /** The first page is loading. */
  readonly isLoading: boolean;
  /** The error of loading the history, or null. */
  readonly error: Error | null;
}

/**
 * The watchdog clock (with the window lengths the session's store runs with) and a ticking `remainingMs`.
 * @example const left = watchdog.remainingMs === null ? null : Math.ceil(watchdog.remainingMs / 1000);
 */
export interface ChatWatchdog extends ReplyWatchdog {
  /** `deadlineAt - now` (never below 0), or null when no deadline is active. */
  readonly remainingMs: number | null;
}

/**
 * Options of {@link useChat}. The watchdog windows and `throttleMs` configure the session's reply
 * store when it is created (shared with `useStream`); `pageSize` is the history page size.
 * @example useChat(sessionId, { pageSize: 30, idleTimeoutMs: 60_000 })
 */
export interface UseChatOptions {
  /** Messages per history page (default 50). */
  readonly pageSize?: number;
  readonly firstEventTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
  readonly turnTimeoutMs?: number;
  readonly throttleMs?: ThrottleOption;
  /** Every error of the chat's turns and sends. */
  readonly onError?: (error: Error) => void;
}

/**
 * What {@link useChat} returns.
 * @example const { messages, status, send, abort, history } = useChat(sessionId);
 */
export interface UseChatResult {
  /** Oldest first: stored history + the user's message at once when sent + the live turn. */
  readonly messages: readonly ChatMessage[];
  /** The turn's status (as `useStream`). */
  readonly status: ReplyStatus;
  /** The turn's error, or null (a refused prompt's error is also on its message). */
  readonly error: Error | null;
  /** The server's status of the session (retry: attempt, message, next). */
  readonly sessionStatus: ReplySessionStatus;
  readonly watchdog: ChatWatchdog;
  /** The live todo list of the turn, else the stored one. */
  readonly todos: readonly Todo[];
  /** Cost and tokens of the current (or last) turn. */
  readonly totals: Totals;
  /**
   * Sends a prompt: the user's message shows at once under a client-made id; the prompt is posted
   * exactly once after the feed is ready. Resolves once posted, refused (the message is then
   * "error", resendable) or confirmed after an ambiguous failure. Rejects while a turn is in flight.
   */
  send(input: StreamSendInput, options?: StreamSendOptions): Promise<void>;
  /** Sends a failed message again under the SAME id (the server can never get it twice). */
  resend(messageId: string): Promise<void>;
  /** Asks the server to abort the turn. */
  abort(): Promise<void>;
  /** Questions waiting for the user (shared, optimistic: as `useQuestions`). */
  readonly questions: readonly PendingQuestion[];
  /** Permission requests waiting for the user (as `usePermissions`). */
  readonly permissions: readonly PendingPermission[];
  replyQuestion(requestId: string, answers: string[][]): Promise<void>;
  rejectQuestion(requestId: string): Promise<void>;
  replyPermission(requestId: string, reply: PermissionReply, message?: string): Promise<void>;
  readonly history: ChatHistory;
}
