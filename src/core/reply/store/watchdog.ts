/**
 * The watchdog clock of a turn (behaviours.md WD-01..WD-16), as pure functions over an immutable
 * record; `watchdog-timer.ts` turns the nearest deadline into one timer.
 * - first-event: no meaningful event within `firstEventMs` of the prompt (heartbeats and other
 *   `server.*` frames never count, WD-07/WD-08); never suspended (WD-09); once satisfied it is
 *   done for the turn (WD-10).
 * - idle (opt-in): no meaningful event for `idleMs` once one was seen (WD-11..WD-13); every
 *   meaningful event resets it; not suspended by a pending question (WD-14).
 * - turn: the whole turn within `turnMs`; suspended while a question or permission is pending,
 *   and the full window restarts when the last one resolves (WD-03, WD-04).
 * All three restart when the prompt POST returns (SUB-06).
 */

/**
 * Which watchdog a deadline belongs to.
 * @example if (store.getState().watchdog.deadlineKind === "turn") showTurnCountdown();
 */
export type DeadlineKind = "first-event" | "idle" | "turn";

/**
 * Limits of the three watchdogs, in ms.
 * @example
 * const config: WatchdogConfig = { firstEventMs: 120_000, idleMs: undefined, turnMs: 600_000 };
 * nextDeadline(clock, config)?.kind // "first-event" right after the prompt
 */
export interface WatchdogConfig {
  readonly firstEventMs: number;
  /** Undefined: the idle watchdog is off (the default, WD-12). */
  readonly idleMs: number | undefined;
  readonly turnMs: number;
}

/**
 * The clock of one turn. Times are epoch ms.
 * @example if (clock.stalled || clock.wedged) console.warn("no event since", clock.lastEventAt);
 */
export interface WatchdogClock {
  /** A turn is being watched. */
  readonly running: boolean;
  /** Start of the first-event window (the send, then the return of the POST). */
  readonly windowFrom: number;
  /** A meaningful event of the turn arrived. */
  readonly firstEventSeen: boolean;
  /** The first-event watchdog fired (and no event came since). */
  readonly stalled: boolean;
  /** The idle watchdog fired (and no event came since). */
  readonly wedged: boolean;
  /** Arrival of the latest meaningful event, turn or not. */
  readonly lastEventAt: number | null;
  /** Baseline of the idle window; null before the first event and after the watchdog fired. */
  readonly idleFrom: number | null;
  /** Start of the turn window; null while suspended. */
  readonly turnFrom: number | null;
  /** A question or permission is pending (the turn window is suspended). */
  readonly suspended: boolean;
}

/**
 * A clock watching nothing.
 * @example const clock = armClock(IDLE_CLOCK, Date.now());
 */
export const IDLE_CLOCK: WatchdogClock = Object.freeze({
  running: false,
  windowFrom: 0,
  firstEventSeen: false,
  stalled: false,
  wedged: false,
  lastEventAt: null,
  idleFrom: null,
  turnFrom: null,
  suspended: false,
});

/**
 * Starts watching a turn we prompted: every window starts now, nothing seen yet.
 * @example clock = armClock(clock, Date.now()); // at send()
 */
export function armClock(clock: WatchdogClock, now: number): WatchdogClock {
  return { ...IDLE_CLOCK, lastEventAt: clock.lastEventAt, running: true, windowFrom: now, turnFrom: now };
}

/**
 * Starts watching a turn seen on the feed (started elsewhere): its first event is here already.
 * @example clock = observeTurn(clock, Date.now());
 */
export function observeTurn(clock: WatchdogClock, now: number): WatchdogClock {
  return { ...armClock(clock, now), firstEventSeen: true, idleFrom: now };
}

/**
 * The prompt POST returned: the windows restart (SUB-06); a first event already seen stays seen.
 * @example clock = restartAfterPost(clock, Date.now());
 */
export function restartAfterPost(clock: WatchdogClock, now: number): WatchdogClock {
  if (!clock.running) return clock;
  return {
    ...clock,
    windowFrom: now,
    stalled: false,
    idleFrom: clock.firstEventSeen ? now : null,
    turnFrom: clock.suspended ? null : now,
  };
}

/**
 * A meaningful event arrived. `ofTurn` false (e.g. before our POST was even started) updates only
 * `lastEventAt`. Clears `stalled` and `wedged`.
 * @example clock = noteEvent(clock, Date.now(), true);
 */
export function noteEvent(clock: WatchdogClock, now: number, ofTurn: boolean): WatchdogClock {
  const counts = clock.running && ofTurn;
  // Written out, not spread: this runs once per event, and V8 copies a spread of a spread-made
  // object on a slow path.
  return {
    running: clock.running,
    windowFrom: clock.windowFrom,
    firstEventSeen: counts || clock.firstEventSeen,
    stalled: counts ? false : clock.stalled,
    wedged: counts ? false : clock.wedged,
    lastEventAt: now,
    idleFrom: counts ? now : clock.idleFrom,
    turnFrom: clock.turnFrom,
    suspended: clock.suspended,
  };
}

/**
 * Suspends the turn window (a question or permission is pending) or resumes it with a full
 * window from `now` (WD-04). The same clock when nothing changes.
 * @example clock = setSuspended(clock, isAwaitingInput(reply), Date.now());
 */
export function setSuspended(clock: WatchdogClock, suspended: boolean, now: number): WatchdogClock {
  if (clock.suspended === suspended) return clock;
  if (!clock.running) return { ...clock, suspended };
  return { ...clock, suspended, turnFrom: suspended ? null : now };
}

/**
 * Stops watching (turn ended, failed, aborted, timed out): no deadline is left, nothing is stalled
 * or wedged any more; `firstEventSeen` stays (the status still tells "submitted" from "streaming").
 * @example clock = disarm(clock);
 */
export function disarm(clock: WatchdogClock): WatchdogClock {
  if (!clock.running) return clock;
  return { ...clock, running: false, stalled: false, wedged: false, idleFrom: null, turnFrom: null };
}

/** Deadline of each watchdog (null: not active). */
function deadlinesOf(clock: WatchdogClock, config: WatchdogConfig): Record<DeadlineKind, number | null> {
  const on = clock.running;
  return {
    turn: on && clock.turnFrom !== null ? clock.turnFrom + config.turnMs : null,
    "first-event": on && !clock.firstEventSeen && !clock.stalled ? clock.windowFrom + config.firstEventMs : null,
    idle: on && config.idleMs !== undefined && clock.idleFrom !== null ? clock.idleFrom + config.idleMs : null,
  };
}

/** Order in which simultaneous deadlines are reported (WD-16). */
const ORDER: readonly DeadlineKind[] = ["turn", "first-event", "idle"];

/**
 * The nearest active deadline, or null when none is.
 * @example nextDeadline(clock, config)?.at // epoch ms a UI can count down to
 */
export function nextDeadline(clock: WatchdogClock, config: WatchdogConfig): { at: number; kind: DeadlineKind } | null {
  const deadlines = deadlinesOf(clock, config);
  let next: { at: number; kind: DeadlineKind } | null = null;
  for (const kind of ORDER) {
    const at = deadlines[kind];
    if (at !== null && (next === null || at < next.at)) next = { at, kind };
  }
  return next;
}

/**
 * The watchdog that is due at `now` (never before its deadline), overall first (WD-16).
 * @example const due = dueWatchdog(clock, config, Date.now());
 */
export function dueWatchdog(clock: WatchdogClock, config: WatchdogConfig, now: number): DeadlineKind | null {
  const deadlines = deadlinesOf(clock, config);
  return ORDER.find((kind) => (deadlines[kind] ?? Infinity) <= now) ?? null;
}

/**
 * The clock after a watchdog fired: first-event and idle mark the turn stalled/wedged (and stop
 * until an event comes); the turn deadline ends the watch.
 * @example clock = fire(clock, "idle"); // clock.wedged === true
 */
export function fire(clock: WatchdogClock, kind: DeadlineKind): WatchdogClock {
  if (kind === "turn") return disarm(clock);
  if (kind === "first-event") return { ...clock, stalled: true };
  return { ...clock, wedged: true, idleFrom: null };
}
