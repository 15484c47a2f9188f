/**
 * The turn's life in one table: every stage a store's turn can be in, the events that move it, and
 * where each one leads. The runtime modules never write `stage` themselves; they report what
 * happened through {@link moveTurn}, and an event the table does not list for the current stage
 * changes nothing (it returns false, so the caller knows the event was not for this turn).
 *
 * - idle: no turn watched (none yet, or the last one finished, failed, was aborted or timed out);
 * - connecting: `send()` waits for the feed, or its POST is in flight;
 * - running: the turn is watched (ours after the POST, or one seen on the feed / resumed);
 * - finishing: the turn ended on the feed; the final fetch and merge are under way.
 */
import type { TurnStage } from "./reply-status";

/**
 * What happens to a turn.
 * @example moveTurn(turn, "posted")
 */
export type TurnEvent =
  /** `send()` was called. */
  | "send"
  /** Our prompt POST returned. */
  | "posted"
  /** The POST (or the wait for the feed) failed. */
  | "post failed"
  /** A turn's first event arrived; the stage stays, the status leaves "submitted". */
  | "first event"
  /** A turn started elsewhere (another tab, a queued prompt, late events after a timeout) was seen on the feed. */
  | "turn seen"
  /** A question or permission is pending; the stage stays, the turn deadline is suspended. */
  | "awaiting input"
  /** The server said the turn ended (idle status, `session.idle`, or `sessions.status()` after a drop). */
  | "idle seen"
  /** The final fetch and merge are done (or failed: the streamed state stands). */
  | "final fetch done"
  /** Aborted before the POST (a successful `abort()` later ends the turn through "idle seen"). */
  | "aborted"
  /** The turn deadline passed: TimeoutError. */
  | "timed out"
  /** The feed reconnected: the turn's messages and pending requests are re-synced. */
  | "reconnected"
  /** A turn already running when the store was created was taken over. */
  | "resumed";

/**
 * Where each event leads, stage by stage (absent: the event does not apply in that stage).
 * @example TURN_TABLE.connecting.posted // "running"
 */
export const TURN_TABLE: Readonly<Record<TurnStage, Readonly<Partial<Record<TurnEvent, TurnStage>>>>> = {
  idle: {
    send: "connecting",
    "turn seen": "running",
    resumed: "running",
    // A turn that ended unwatched (given up by a timeout after its events came): merged all the same.
    "idle seen": "finishing",
  },
  connecting: {
    posted: "running",
    "post failed": "idle",
    aborted: "idle",
    "timed out": "idle",
  },
  running: {
    "first event": "running",
    "awaiting input": "running",
    reconnected: "running",
    resumed: "running",
    "idle seen": "finishing",
    "timed out": "idle",
  },
  finishing: {
    // The previous turn's final fetch may still be in flight: it then only calls onFinish.
    send: "connecting",
    "final fetch done": "idle",
    "turn seen": "running",
    "idle seen": "finishing",
  },
};

/**
 * Moves a turn by the table. Returns false, and changes nothing, when the event does not apply to
 * the current stage.
 * @example if (moveTurn(turn, "posted")) restartWatchdogs();
 */
export function moveTurn(turn: { stage: TurnStage }, event: TurnEvent): boolean {
  const next = TURN_TABLE[turn.stage][event];
  if (next === undefined) return false;
  turn.stage = next;
  return true;
}
