/** Public shapes of the reply store: its options, the client surface it uses, and its state. */
import type { MessagesApi, PermissionsApi, PromptInput, QuestionsApi, SessionsApi } from "../api";
import type { EventHub, WireEvent } from "../events/types";
import type { DistilledReply } from "./distill";
import type { DeadlineKind } from "./watchdog";
import type { FrameScheduler, ThrottleOption } from "./frame-scheduler";
import type { ReplyStatus } from "./reply-status";
import type { ReplyState } from "./state";
import type { ReplySessionStatus } from "./types";

/**
 * What the store needs from a client; an `OpencodeClient` has it all.
 * @example const store = createReplyStore({ client: createOpencodeClient({ baseUrl }), sessionId });
 */
export interface ReplyStoreClient {
  readonly events: EventHub;
  readonly messages: Pick<MessagesApi, "list" | "sendAsync">;
  readonly sessions: Pick<SessionsApi, "abort" | "status">;
  /** Pending questions: a resumed turn, or one the feed lost for a while, learns those it missed. */
  readonly questions?: Pick<QuestionsApi, "list">;
  /** Pending permission requests, likewise. */
  readonly permissions?: Pick<PermissionsApi, "list">;
}

/**
 * How a finished turn ended, passed to `onFinish` with its result.
 * @example createReplyStore({ client, sessionId: "ses_1", onFinish: (result, { aborted, error }) => { if (!aborted && !error) save(result.text); } });
 */
export interface ReplyFinishInfo {
  /** The turn was aborted (the server's MessageAbortedError, or an abort before the POST). */
  readonly aborted: boolean;
  /** The turn's error (a SessionError), or null. */
  readonly error: Error | null;
}

/**
 * Options of {@link createReplyStore}.
 * @example createReplyStore({ client, sessionId: "ses_1", idleTimeoutMs: 60_000, onFinish: (r) => save(r.text) })
 */
export interface ReplyStoreOptions {
  readonly client: ReplyStoreClient;
  readonly sessionId: string;
  /** No session event within this many ms of the prompt: "stalled" (default 120 000). */
  readonly firstEventTimeoutMs?: number;
  /** No meaningful event for this many ms mid-turn: "wedged" (default: off). */
  readonly idleTimeoutMs?: number;
  /** The whole turn, not counting time waiting for the user: TimeoutError (default 600 000). */
  readonly turnTimeoutMs?: number;
  /**
   * Take over a turn already running when the store is created (default true): the store asks
   * `sessions.status()` once and, if the session is busy or retrying, shows the turn as
   * "streaming" and merges its stored parts so far (`messages.list`). False: the store only sees
   * turns from their next event on (no request at creation).
   */
  readonly resume?: boolean;
  /** "frame" (default: one flush per animation frame, 16 ms without one), a number of ms, or 0 (synchronous). */
  readonly throttleMs?: ThrottleOption;
  /** Replaces the scheduler `throttleMs` picks (tests, hosts with their own frame loop). */
  readonly scheduler?: FrameScheduler;
  /** Every event the store receives, as it arrives (before batching). */
  readonly onEvent?: (event: WireEvent) => void;
  /** A turn ended and was reconciled with the stored messages (also after an error or abort). */
  readonly onFinish?: (result: DistilledReply, info: ReplyFinishInfo) => void;
  /** Every error: the turn's (POST, SessionError, watchdogs) and the ones that do not fail it (final fetch). */
  readonly onError?: (error: Error) => void;
}

/**
 * The watchdog clock, for a UI that warns before a limit ("still thinking...").
 * @example const left = watchdog.deadlineAt === null ? null : watchdog.deadlineAt - Date.now();
 */
export interface ReplyWatchdog {
  /** Arrival (epoch ms) of the latest meaningful session event; heartbeats never count. */
  readonly lastEventAt: number | null;
  /** The nearest active deadline (epoch ms), or null. */
  readonly deadlineAt: number | null;
  /** Which watchdog that deadline belongs to. */
  readonly deadlineKind: DeadlineKind | null;
}

/**
 * State of a reply store: the reply fields (see {@link ReplyState}), where `status` is the turn's
 * {@link ReplyStatus} (the server's session status is `sessionStatus`) and `error` any typed error,
 * plus the watchdog clock, the result of the last turn and the actions.
 * @example
 * const { status, error, result } = store.getState();
 * const text = distill(store.getState().reply).text;
 */
export interface ReplyStoreState extends Omit<ReplyState, "status" | "error"> {
  /** The reducer state itself, for `distill`, `getPart`, `listParts`, `isAwaitingInput`. */
  readonly reply: ReplyState;
  /** The turn's status. */
  readonly status: ReplyStatus;
  /** The server's latest `session.status` (idle, busy, retry). */
  readonly sessionStatus: ReplySessionStatus;
  /** The turn's error: SessionError, TimeoutError, StaleSessionError, IdleStreamError, or the POST's. */
  readonly error: Error | null;
  readonly watchdog: ReplyWatchdog;
  /** The last finished turn, reconciled with the stored messages; null while a turn runs. */
  readonly result: DistilledReply | null;
  /**
   * Posts a prompt once the feed is ready (exactly once, never again on reconnect). Resolves when
   * it was posted or failed (then `status` is "error"); rejects only while a turn is in flight.
   */
  send(input: PromptInput | string): Promise<void>;
  /** Asks the server to abort the turn (`POST /session/:id/abort`); the stream stays open. */
  abort(): Promise<void>;
  /** Unsubscribes from the feed and clears every timer; the store is inert afterwards. */
  dispose(): void;
}
