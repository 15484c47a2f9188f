/**
 * What a batch of events does to the store's turn beyond the reducer: a turn seen on the feed
 * starts being watched, a SessionError fails the turn, a pending prompt suspends the turn
 * deadline, the end of a turn starts the final merge. Plus the watchdogs firing.
 */
import { IdleStreamError, StaleSessionError, TimeoutError } from "../../errors";
import type { WireEvent } from "../../events/types";
import { finishTurn } from "./final-merge";
import { moveTurn } from "./turn-stages";
import { reduce } from "../reducer/reduce";
import { seconds, type ReplyRuntime } from "./reply-runtime";
import { isAwaitingInput, type ReplyState } from "../reducer/state";
import { nextTurnState, startsTurn } from "../reducer/turn-reset";
import { disarm, dueWatchdog, fire, noteEvent, observeTurn, setSuspended } from "./watchdog";

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * Folds one batch into the reply (runs of deltas already folded by the batcher), then applies the
 * turn transitions; the caller publishes once. (Snapshot coalescing was removed: the benchmark showed
 * it cost more than it saved.)
 */
export function applyBatch(rt: ReplyRuntime, events: readonly WireEvent[]): void {
  const t = rt.turn;
  const before = t.reply;
  const generation = t.generation;
  const now = Date.now();
  if (t.unnoted > 0) {
    t.clock = noteEvent(t.clock, now, t.unnotedOfTurn);
    t.unnoted = 0;
    t.unnotedOfTurn = false;
  }
  let reply = before;
  // The parts these events can change, for the published list (parts-view.ts): valid only as a
  // continuation of the previous batch's record (any other write in between breaks the chain).
  const record = t.touched;
  const ids = record === undefined ? [] : record.to === before.parts ? record.ids : null;
  for (const event of events) {
    if (ids !== null && !touch(ids, event)) t.touched = { from: before.parts, to: before.parts, ids: null };
    // A store outlives its turns: the next turn starts from an empty reply.
    if (reply.turn === "done" && startsTurn(reply, event)) {
      reply = nextTurnState(reply);
      t.generation += 1;
      t.staleMessageIds = NO_IDS;
    }
    reply = reduce(reply, event, now);
  }
  t.reply = reply;
  if (ids === null || t.touched?.ids === null) t.touched = { from: record?.from ?? before.parts, to: reply.parts, ids: null };
  else t.touched = { from: record?.from ?? before.parts, to: reply.parts, ids };
  afterApply(rt, before, generation, now);
}

/**
 * Notes the part an event names into `ids`; false when the event may change parts it does not
 * name (a todo list refreshing its tool part, a question linking one, a user message removing its parts).
 */
function touch(ids: string[], event: WireEvent): boolean {
  const props = event.properties;
  switch (event.type) {
    case "message.part.delta":
      if (typeof props.partID === "string") ids.push(props.partID);
      return true;
    case "message.part.updated": {
      const part = props.part as { id?: unknown } | undefined;
      if (typeof part?.id === "string") ids.push(part.id);
      return true;
    }
    case "todo.updated":
    case "question.asked":
    case "message.updated":
      return false;
    default:
      return true;
  }
}

function turnSeen(before: ReplyState, after: ReplyState, newGeneration: boolean): boolean {
  if (newGeneration) return true;
  return before.turn !== "running" && (after.turn === "running" || after.turnsEnded > before.turnsEnded);
}

/** The turn transitions of one applied batch (see the module comment). */
function afterApply(rt: ReplyRuntime, before: ReplyState, generation: number, now: number): void {
  const t = rt.turn;
  const reply = t.reply;
  if (turnSeen(before, reply, t.generation !== generation) && (t.stage === "idle" || t.stage === "finishing")) {
    // A turn started elsewhere (another tab, a queued prompt, a retried POST): watch it too.
    moveTurn(t, "turn seen");
    t.clock = observeTurn(t.clock, now);
    t.error = null;
    t.result = null;
    // A turn given up by a TimeoutError before any event, whose events come late: watched again,
    // so it ends normally (final merge, onFinish) and the next send is accepted.
    t.abandoned = -1;
  }
  if (reply.error !== null && reply.error !== before.error) {
    t.error = reply.error;
    t.clock = disarm(t.clock);
    rt.report(reply.error);
  }
  t.clock = setSuspended(t.clock, t.feedOpen && isAwaitingInput(reply), now);
  if (reply.turnsEnded > before.turnsEnded && t.generation !== t.abandoned) {
    if (t.stage !== "connecting") finishTurn(rt);
    // Before our POST returned: ours if the POST had started, else someone else's turn.
    else if (t.posting) t.endedWhileConnecting = true;
  }
  rt.rearm();
}

/**
 * The watchdog timer elapsed: reports what is due (never before its deadline) and re-aims the
 * timer. "stalled" and "wedged" last until the next meaningful event; a TimeoutError ends the
 * watch for good (the server's turn is left alone; `abort()` stops it).
 */
export function onWatchdogTimer(rt: ReplyRuntime): void {
  const t = rt.turn;
  if (t.disposed) return;
  rt.flush();
  const due = dueWatchdog(t.clock, rt.config, Date.now());
  if (due === null) {
    rt.rearm();
    return;
  }
  t.clock = fire(t.clock, due);
  const sid = rt.sessionId;
  let error: Error;
  if (due === "turn") {
    error = new TimeoutError(`SSE stream timed out after ${seconds(rt.config.turnMs)} (session ${sid})`);
    t.error = error;
    moveTurn(t, "timed out");
    t.abandoned = t.generation;
    // Still waiting for the feed: give up the prompt too, it must not be posted after a timeout.
    t.prompt?.abort(error);
  } else if (due === "first-event") {
    error = new StaleSessionError(`No events for session ${sid} within ${seconds(rt.config.firstEventMs)}`);
    t.watchdogError = error;
  } else {
    const limit = seconds(rt.config.idleMs ?? 0);
    error = new IdleStreamError(
      `No meaningful events for session ${sid} within ${limit} (SSE heartbeats still arriving — upstream likely wedged mid-turn)`,
    );
    t.watchdogError = error;
  }
  rt.rearm();
  rt.publish();
  rt.report(error);
}
