/** Public shapes of the reply store: its options, the client surface it uses, and its state. */
import type { MessagesApi, PermissionsApi, PromptInput, QuestionsApi, SessionsApi } from "../../api";
import type { EventHub, WireEvent } from "../../events/types";
import type { DistilledReply } from "../reducer/distill";
import type { DeadlineKind } from "./watchdog";
import type { FrameScheduler, ThrottleOption } from "./frame-scheduler";
import type { ReplyStatus } from "./reply-status";
import type { PendingPermission, PendingQuestion, ReplyMessageInfo, ReplyPart, ReplySessionStatus, Todo, Totals } from "../reducer/types";

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
  /**
   * No session event within this many ms of the prompt: "stalled" (default 120 000). Every limit
   * is a positive number of ms, Infinity for none (0, a negative or NaN throws a RangeError);
   * limits beyond setTimeout's 2^31-1 ms are honoured.
   */
  readonly firstEventTimeoutMs?: number;
  /** No meaningful event for this many ms mid-turn: "wedged" (default: off; Infinity: off). */
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
  /** Length of the first-event window (ms). */
  readonly firstEventMs: number;
  /** Length of the idle window (ms), or null when the idle watchdog is off. */
  readonly idleMs: number | null;
  /** Length of the turn window (ms), not counting time waiting for the user. */
  readonly turnMs: number;
}

/**
 * The by-id lookup of a reply's parts: a part keeps its object until it changes.
 * @example const part = state.partsById.get("prt_1");
 */
export interface PartLookup {
  get(id: string): ReplyPart | undefined;
  has(id: string): boolean;
  /** Number of parts. */
  readonly size: number;
}

/**
 * State of a reply store: plain data of the current (or last) turn plus the actions.
 * @example
 * const { status, parts, error, result } = store.getState();
 * const text = distill(store.getState()).text;
 */
export interface ReplyStoreState {
  /** Every part of the turn, in emission order; a new array only when a part changes. */
  readonly parts: readonly ReplyPart[];
  /** The same parts by id (identity kept while a part does not change). */
  readonly partsById: PartLookup;
  /** The turn's assistant messages (one per model step) by id: time, model, cost, error. */
  readonly messages: Readonly<Record<string, ReplyMessageInfo>>;
  /** The turn's status. */
  readonly status: ReplyStatus;
  /** The turn's error: SessionError, TimeoutError, StaleSessionError, IdleStreamError, or the POST's. */
  readonly error: Error | null;
  /** The server's latest `session.status` (idle, busy, retry). */
  readonly sessionStatus: ReplySessionStatus;
  /** Pending questions by request id, in asking order (child sessions' included, with their `sessionId`). */
  readonly questions: Readonly<Record<string, PendingQuestion>>;
  /** Pending permission requests by request id, in asking order (child sessions' included). */
  readonly permissions: Readonly<Record<string, PendingPermission>>;
  /** Latest todo list of the turn, canonical. */
  readonly todos: readonly Todo[];
  /** Cost and tokens summed over the turn's steps. */
  readonly totals: Totals;
  /** The watchdog clock and its window lengths. */
  readonly watchdog: ReplyWatchdog;
  /** The turn was aborted (the server's MessageAbortedError, a successful `abort()`, or an abort before the POST). */
  readonly aborted: boolean;
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
