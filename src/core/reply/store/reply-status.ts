/**
 * The status a UI shows for a session's turn, derived (never stored on its own) from where the
 * store's turn is, the watchdogs and the pending prompts, so it cannot drift from them.
 */

/**
 * Status of a session's turn:
 * - "idle": no turn in flight (also after one finished or was aborted);
 * - "connecting": `send()` waits for the feed to be ready, or the prompt POST is in flight;
 * - "submitted": the prompt was posted, no session event yet;
 * - "streaming": session events are flowing;
 * - "awaiting-input": a question or permission waits for the user (turn deadline suspended);
 * - "stalled": no session event within `firstEventTimeoutMs` (`error` is a StaleSessionError);
 * - "wedged": no meaningful event for `idleTimeoutMs` mid-turn (`error` is an IdleStreamError);
 * - "error": the turn failed (SessionError, TimeoutError, or the POST's error).
 * "stalled" and "wedged" go back to "streaming" when an event arrives; "error" is final for the turn.
 * @example if (status === "stalled" || status === "wedged") showStillThinking();
 */
export type ReplyStatus =
  | "idle"
  | "connecting"
  | "submitted"
  | "streaming"
  | "awaiting-input"
  | "stalled"
  | "wedged"
  | "error";

/**
 * Where the store's turn is: none, waiting for the feed or the POST, running (ours or one seen on
 * the feed), or ended and waiting for the final fetch.
 * @example deriveReplyStatus({ stage: "finishing", failed: false, stalled: false, wedged: false, firstEventSeen: true, awaitingInput: false }) // "streaming"
 */
export type TurnStage = "idle" | "connecting" | "running" | "finishing";

/**
 * What the status is derived from.
 * @example
 * const inputs: ReplyStatusInputs = { stage: "connecting", failed: false, stalled: true, wedged: false, firstEventSeen: false, awaitingInput: false };
 * deriveReplyStatus(inputs) // "stalled"
 */
export interface ReplyStatusInputs {
  readonly stage: TurnStage;
  /** A final error of the turn (POST, SessionError, TimeoutError). */
  readonly failed: boolean;
  /** The first-event watchdog fired and no event came since. */
  readonly stalled: boolean;
  /** The idle watchdog fired and no event came since. */
  readonly wedged: boolean;
  /** A meaningful event of the turn arrived. */
  readonly firstEventSeen: boolean;
  /** A question or permission is pending. */
  readonly awaitingInput: boolean;
}

/**
 * Derives the status. A watchdog status wins over "awaiting-input": the idle watchdog is not
 * suspended by a pending prompt (WD-14), and a UI must learn it fired; the pending questions
 * and permissions are still in the state.
 * @example deriveReplyStatus({ stage: "running", failed: false, stalled: false, wedged: false, firstEventSeen: false, awaitingInput: false }) // "submitted"
 */
export function deriveReplyStatus(inputs: ReplyStatusInputs): ReplyStatus {
  if (inputs.failed) return "error";
  switch (inputs.stage) {
    case "idle":
      return "idle";
    case "connecting":
      return inputs.stalled ? "stalled" : "connecting";
    default:
      if (inputs.stalled) return "stalled";
      if (inputs.wedged) return "wedged";
      if (!inputs.firstEventSeen) return "submitted";
      return inputs.awaitingInput && inputs.stage === "running" ? "awaiting-input" : "streaming";
  }
}
