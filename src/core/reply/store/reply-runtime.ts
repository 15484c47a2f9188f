/**
 * The mutable core of one reply store, shared by the modules that drive it (events, watchdogs,
 * send/abort, final merge). Internal: the store publishes a projection of it with one `setState`.
 */
import { OpencodeError } from "../../errors";
import type { WireEvent } from "../../events/types";
import type { DistilledReply } from "../reducer/distill";
import type { ReplyStoreClient, ReplyStoreOptions } from "./reply-store-types";
import type { TurnStage } from "./reply-status";
import type { ReplyState } from "../reducer/state";
import type { WatchdogClock, WatchdogConfig } from "./watchdog";

/** Where the store's turn is; every field is owned by the store's own modules. */
export interface TurnRuntime {
  reply: ReplyState;
  clock: WatchdogClock;
  stage: TurnStage;
  /** Final error of the turn (POST, SessionError, TimeoutError). */
  error: Error | null;
  /** The error of the watchdog that made the turn stalled or wedged (shown while it lasts). */
  watchdogError: Error | null;
  /** Result of the last finished turn. */
  result: DistilledReply | null;
  /** Rises at every new turn (our send, or one seen on the feed); async work checks it. */
  generation: number;
  /** A generation given up by a TimeoutError: its end is not merged. */
  abandoned: number;
  /** Our POST has started: from now on session events count for the first-event watchdog. */
  posting: boolean;
  /** Settles when our POST settled (null when none is in flight). */
  postSettled: Promise<void> | null;
  /** The turn ended before our POST returned. */
  endedWhileConnecting: boolean;
  /** Assistant messages of the previous turn: their late events are ignored. */
  staleMessageIds: ReadonlySet<string>;
  /** Meaningful events buffered since the last flush: the clock notes them when they are applied. */
  unnoted: number;
  /** One of them arrived while our turn was ours to watch (after our POST started). */
  unnotedOfTurn: boolean;
  /** The feed is connected (a pending prompt suspends the turn deadline only then, RC-06). */
  feedOpen: boolean;
  /** Pending-prompt fetches in flight (see seed-prompts.ts). */
  seeding: number;
  /** Request ids the feed resolved while those fetches were in flight (null when none is). */
  resolvedWhileSeeding: Set<string> | null;
  /** Cancels the wait for the feed's readiness of the current send. */
  prompt: AbortController | null;
  disposed: boolean;
  /**
   * The parts changed since the last publish: from which parts table to which, and the ids the
   * applied events named (null: unknown). Undefined: nothing applied since.
   */
  touched: { readonly from: ReplyState["parts"]; readonly to: ReplyState["parts"]; readonly ids: string[] | null } | undefined;
  /** The generation a successful `abort()` (or an abort before the POST) stopped. */
  abortedGeneration: number;
}

/** What the driving modules get: the state plus the store's few effects. */
export interface ReplyRuntime {
  readonly client: ReplyStoreClient;
  readonly sessionId: string;
  readonly config: WatchdogConfig;
  readonly options: ReplyStoreOptions;
  readonly turn: TurnRuntime;
  /** Applies the buffered events now. */
  flush(): void;
  /** Publishes the current state (one `setState`, one notification). */
  publish(): void;
  /** Points the watchdog timer at the nearest deadline (clears it when there is none). */
  rearm(): void;
  /** Feeds an event the server did not send (an end found through `sessions.status()`). */
  inject(event: WireEvent): void;
  /** Hands an error to `onError` (a throwing callback is swallowed). */
  report(error: unknown): void;
  /** Hands a finished turn to `onFinish`. */
  finished(result: DistilledReply, info: { aborted: boolean; error: Error | null }): void;
}

/**
 * An Error for anything thrown (the fetch layer throws typed errors; this covers the rest).
 * @example rt.report(toError(reason));
 */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new OpencodeError(`opencode-react: ${String(value)}`);
}

/** Limits as the reference words them: "120s", "0.2s". */
export function seconds(ms: number): string {
  return `${ms / 1000}s`;
}
