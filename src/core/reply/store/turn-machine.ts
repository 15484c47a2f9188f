/**
 * The turn machine: the whole life of a reply store's turn in one file, and the only module that
 * writes the turn's runtime (its stage, reply, clock, error, result, ...). The runtime lives in
 * this module's closure: the rest of the store reads it through `machine.turn`, typed readonly,
 * and reports what happened through the machine's methods. test/core/store-turn-owner.test.ts
 * fails if another file assigns a runtime field.
 *
 * Stages (see {@link TURN_TABLE} for every move):
 * - idle: no turn watched (none yet, or the last one finished, failed, was aborted or timed out);
 * - connecting: `send()` waits for the feed, or its POST is in flight;
 * - running: the turn is watched (ours after the POST, or one seen on the feed / resumed);
 * - finishing: the turn ended on the feed; the final fetch and merge are under way.
 *
 * Life of a turn, in the order of this file: send -> (feed ready) POST -> posted -> events arrive
 * and are applied in batches (first event, awaiting input, a SessionError) -> idle seen -> final
 * fetch done. Beside that path: abort, the watchdogs (stalled, wedged, timed out), a reconnect of
 * the feed and a turn resumed at creation (both re-sync with the server), dispose.
 */
import type { SessionStatus } from "@opencode-ai/sdk/v2";
import type { PromptInput } from "../../api";
import { ConflictError, IdleStreamError, OpencodeError, StaleSessionError, TimeoutError } from "../../errors";
import { promptWhenReady } from "../../events/prompt-when-ready";
import type { WireEvent } from "../../events/types";
import { distill, type DistilledReply } from "../reducer/distill";
import { mergeMidTurn, textLengths } from "../reducer/mid-turn-merge";
import { reconcileTurn, type WireMessage } from "../reducer/reconcile";
import { reduce } from "../reducer/reduce";
import { initialReplyState, isAwaitingInput, type ReplyState } from "../reducer/state";
import { messageIdsOf, nextTurnState, startsTurn, eventMessageId } from "../reducer/turn-reset";
import { fetchTurnMessages } from "./fetch-turn";
import { listPending, pendingEvents, resolvedRequestId } from "./pending-prompts";
import type { TurnStage } from "./reply-status";
import type { ReplyStoreClient } from "./reply-store-types";
import {
  armClock,
  disarm,
  dueWatchdog,
  fire,
  IDLE_CLOCK,
  nextDeadline,
  noteEvent,
  observeTurn,
  restartAfterPost,
  setSuspended,
  type WatchdogClock,
  type WatchdogConfig,
} from "./watchdog";

/**
 * What happens to a turn.
 * @example TURN_TABLE.connecting.posted // "running"
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
  /** A turn already running when the store was created is taken over. */
  | "resumed";

/**
 * Where each event leads, stage by stage (absent: the event does not apply in that stage, and
 * changes nothing).
 * @example TURN_TABLE.running["idle seen"] // "finishing"
 */
export const TURN_TABLE: Readonly<Record<TurnStage, Readonly<Partial<Record<TurnEvent, TurnStage>>>>> = {
  idle: {
    send: "connecting",
    "turn seen": "running",
    resumed: "running",
    // A turn that ended unwatched (given up by a timeout after its events came): merged all the same.
    "idle seen": "finishing",
  },
  connecting: { posted: "running", "post failed": "idle", aborted: "idle", "timed out": "idle" },
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
 * Moves a turn by the table. Returns false, and changes nothing, when the event does not apply.
 * @example if (moveTurn(turn, "posted")) restartWatchdogs();
 */
export function moveTurn(turn: { stage: TurnStage }, event: TurnEvent): boolean {
  const next = TURN_TABLE[turn.stage][event];
  if (next === undefined) return false;
  turn.stage = next;
  return true;
}

/** The runtime of a store's turn. Written by this module only; read by the store through `machine.turn`. */
export interface TurnRuntime {
  stage: TurnStage;
  /** The reducer state of the turn. */
  reply: ReplyState;
  clock: WatchdogClock;
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
  /** The generation a successful `abort()` (or an abort before the POST) stopped. */
  abortedGeneration: number;
  /** Our POST has started: from now on session events count for the first-event watchdog. */
  posting: boolean;
  /** Settles when our POST settled (null when none is in flight). */
  postSettled: Promise<void> | null;
  /** The turn ended before our POST returned. */
  endedWhileConnecting: boolean;
  /** Cancels the wait for the feed's readiness of the current send. */
  prompt: AbortController | null;
  /** Assistant messages of the previous turn: their late events are ignored. */
  staleMessageIds: ReadonlySet<string>;
  /** Meaningful events buffered since the last batch: the clock notes them when they are applied. */
  unnoted: number;
  /** One of them arrived while the turn was ours to watch (after our POST started). */
  unnotedOfTurn: boolean;
  /** The feed is connected (a pending prompt suspends the turn deadline only then, RC-06). */
  feedOpen: boolean;
  /** Request ids the feed resolved while the pending lists were being fetched (null: none in flight). */
  resolvedWhileSeeding: Set<string> | null;
  /** Pending-list fetches in flight. */
  seeding: number;
  disposed: boolean;
}

/** What the machine needs from the store around it. */
export interface TurnEffects {
  readonly client: ReplyStoreClient;
  readonly sessionId: string;
  readonly config: WatchdogConfig;
  /** Applies the buffered events now (they come back through `machine.apply`). */
  flush(): void;
  /** Feeds an event the server did not send (an end found through `sessions.status()`, a pending list). */
  inject(event: WireEvent): void;
  /** Publishes the current state (one `setState`). */
  publish(): void;
  /** Points the watchdog timer at `at` (null: clear it). */
  schedule(at: number | null): void;
  /** Hands an error to `onError`. */
  report(error: unknown): void;
  /** Hands a finished turn to `onFinish`. */
  finished(result: DistilledReply, info: { aborted: boolean; error: Error | null }): void;
}

/**
 * The machine of one store: its runtime (read-only outside) and what can happen to it.
 * @example const machine = createTurnMachine(effects, feedOpen); await machine.send("Hi");
 */
export interface TurnMachine {
  readonly turn: Readonly<TurnRuntime>;
  send(input: PromptInput | string): Promise<void>;
  abort(): Promise<void>;
  /** An event arrived (before batching): undefined drops it, true applies it at once (it moves the status). */
  arrived(event: WireEvent): boolean | undefined;
  /** A batch of arrived events is applied. */
  apply(events: readonly WireEvent[]): void;
  /** The watchdog timer elapsed. */
  timerFired(): void;
  /** The feed opened or closed. */
  feedStatus(open: boolean): void;
  /** The feed reconnected. */
  reconnected(): Promise<void>;
  /** Takes over a turn already running at creation. */
  resume(): Promise<void>;
  dispose(): void;
}

const NO_IDS: ReadonlySet<string> = new Set();

/** An Error for anything thrown (the fetch layer throws typed errors; this covers the rest). */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new OpencodeError(`opencode-react: ${String(value)}`);
}

/** Limits as the reference words them: "120s", "0.2s". */
const seconds = (ms: number): string => `${ms / 1000}s`;

/**
 * Creates the machine of one store.
 * @example const machine = createTurnMachine({ client, sessionId, config, flush, inject, publish, schedule, report, finished }, true);
 */
export function createTurnMachine(fx: TurnEffects, feedOpen: boolean): TurnMachine {
  const { client, sessionId, config } = fx;
  const t: TurnRuntime = {
    stage: "idle",
    reply: initialReplyState(sessionId),
    clock: IDLE_CLOCK,
    error: null,
    watchdogError: null,
    result: null,
    generation: 0,
    abandoned: -1,
    abortedGeneration: -1,
    posting: false,
    postSettled: null,
    endedWhileConnecting: false,
    prompt: null,
    staleMessageIds: NO_IDS,
    unnoted: 0,
    unnotedOfTurn: false,
    feedOpen,
    resolvedWhileSeeding: null,
    seeding: 0,
    disposed: false,
  };
  const move = (event: TurnEvent): boolean => moveTurn(t, event);
  const rearm = (): void => fx.schedule(t.disposed ? null : (nextDeadline(t.clock, config)?.at ?? null));
  /** The turn `generation` is still the one running (async work checks this after each await). */
  const stillRunning = (generation: number): boolean => !t.disposed && generation === t.generation && t.stage === "running";

  // ---- send: a fresh reply, "connecting" until the feed is ready, the prompt posted exactly once
  // (never re-posted on a reconnect, never retried: a failed POST may still have started the turn, SUB-09).
  async function send(input: PromptInput | string): Promise<void> {
    if (t.disposed) throw new OpencodeError("opencode-react: this reply store was disposed");
    if (t.stage === "connecting" || t.stage === "running") {
      throw new ConflictError(`opencode-react: session ${sessionId} already has a turn in flight; wait for it or abort() it`);
    }
    const prompt: PromptInput = typeof input === "string" ? { text: input } : input;
    fx.flush();
    t.staleMessageIds = messageIdsOf(t.reply);
    t.reply = nextTurnState(t.reply);
    const generation = ++t.generation;
    move("send");
    t.error = t.watchdogError = t.result = null;
    t.posting = t.endedWhileConnecting = false;
    t.clock = armClock(t.clock, Date.now());
    const controller = new AbortController();
    t.prompt = controller;
    let settle = (): void => undefined;
    t.postSettled = new Promise<void>((resolve) => (settle = resolve));
    rearm();
    fx.publish();
    const post = (): Promise<void> => {
      if (generation === t.generation) t.posting = true;
      return client.messages.sendAsync(sessionId, prompt);
    };
    try {
      await promptWhenReady(client.events, sessionId, post, { signal: controller.signal });
    } catch (error) {
      // Given up on our side (abort before the POST, dispose, turn timeout, a newer send): not a failure.
      if (!t.disposed && generation === t.generation && !controller.signal.aborted) {
        move("post failed");
        t.posting = false;
        t.error = toError(error);
        t.clock = disarm(t.clock);
        rearm();
        fx.publish();
        fx.report(t.error);
      }
      return;
    } finally {
      if (t.prompt === controller) t.prompt = null;
      t.postSettled = null;
      settle();
    }
    if (t.disposed || generation !== t.generation || !move("posted")) return;
    t.posting = false;
    t.clock = restartAfterPost(t.clock, Date.now());
    if (t.endedWhileConnecting) finish();
    rearm();
    fx.publish();
  }

  // ---- events arrive: noted for the clock, and told whether they move the status (applied at once).
  function arrived(event: WireEvent): boolean | undefined {
    if (t.disposed) return undefined;
    if (t.resolvedWhileSeeding !== null) {
      const resolved = resolvedRequestId(event);
      if (resolved !== undefined) t.resolvedWhileSeeding.add(resolved);
    }
    if (t.staleMessageIds.size > 0) {
      const messageId = eventMessageId(event);
      if (messageId !== undefined && t.staleMessageIds.has(messageId)) return undefined;
    }
    // Before our POST started, events are not ours (they do not satisfy the first-event watchdog).
    const ofTurn = t.stage !== "connecting" || t.posting;
    // The clock notes buffered events when they are applied, stamped with the batch time: at most a
    // frame late, so a deadline can only move later, never fire early (WD-13).
    t.unnoted += 1;
    if (ofTurn) t.unnotedOfTurn = true;
    const clock = t.clock;
    // The turn's first event, or one after a stall, changes the status.
    return clock.running && ofTurn && (!clock.firstEventSeen || clock.stalled || clock.wedged);
  }

  // ---- a batch is applied: the reducer folds it, then the turn reacts (seen, failed, awaiting input, ended).
  function apply(events: readonly WireEvent[]): void {
    const before = t.reply;
    const generation = t.generation;
    const now = Date.now();
    if (t.unnoted > 0) {
      if (t.clock.running && t.unnotedOfTurn && !t.clock.firstEventSeen) move("first event");
      t.clock = noteEvent(t.clock, now, t.unnotedOfTurn);
      t.unnoted = 0;
      t.unnotedOfTurn = false;
    }
    let reply = before;
    let applied = 0;
    for (const event of events) {
      // A store outlives its turns: the next turn starts from an empty reply.
      if (reply.turn === "done" && startsTurn(reply, event)) {
        // A turn that ended in this batch is finished first, with its own reply; the rest of the
        // batch (the next turn) follows as a batch of its own.
        if (reply.turnsEnded > before.turnsEnded) break;
        reply = nextTurnState(reply);
        t.generation += 1;
        t.staleMessageIds = NO_IDS;
      }
      reply = reduce(reply, event, now);
      applied += 1;
    }
    t.reply = reply;
    const seen =
      t.generation !== generation || (before.turn !== "running" && (reply.turn === "running" || reply.turnsEnded > before.turnsEnded));
    // A turn started elsewhere (another tab, a queued prompt, a retried POST): watched too. A turn
    // given up by a TimeoutError whose events come late is watched again, so it ends normally.
    if (seen && move("turn seen")) {
      t.clock = observeTurn(t.clock, now);
      t.error = t.result = null;
      t.abandoned = -1;
    }
    if (reply.error !== null && reply.error !== before.error) {
      t.error = reply.error;
      t.clock = disarm(t.clock);
      fx.report(reply.error);
    }
    const awaiting = isAwaitingInput(reply);
    if (awaiting) move("awaiting input");
    t.clock = setSuspended(t.clock, t.feedOpen && awaiting, now);
    if (reply.turnsEnded > before.turnsEnded && t.generation !== t.abandoned) {
      if (t.stage !== "connecting") finish();
      // Before our POST returned: ours if the POST had started, else someone else's turn.
      else if (t.posting) t.endedWhileConnecting = true;
    }
    rearm();
    if (applied < events.length) apply(events.slice(applied));
  }

  // ---- the turn ended: fetch the turn's stored messages once, reconcile, publish, onFinish
  // (FX-01..FX-13; a failed fetch keeps the streamed state, FX-10). When another turn started
  // meanwhile, only onFinish hears about this one.
  function finish(): void {
    const generation = t.generation;
    const ended = t.reply;
    move("idle seen");
    t.clock = disarm(t.clock);
    rearm();
    void (async () => {
      let items: readonly WireMessage[] | undefined;
      try {
        items = await fetchTurnMessages(client, sessionId, ended);
      } catch (error) {
        fx.report(error);
      }
      if (t.disposed) return;
      fx.flush();
      const current = generation === t.generation && t.stage === "finishing";
      const base = current ? t.reply : ended;
      const merged = items === undefined ? base : reconcileTurn(base, items);
      const result = distill(merged);
      if (current) {
        t.reply = merged;
        t.result = result;
        move("final fetch done");
        fx.publish();
      }
      const aborted = merged.aborted || t.abortedGeneration === generation;
      fx.finished(result, { aborted, error: current ? t.error : merged.error });
    })();
  }

  // ---- the watchdogs: what is due (never before its deadline) is reported. "stalled" and "wedged"
  // last until the next meaningful event; a TimeoutError ends the watch for good (the server's turn
  // is left alone; abort() stops it).
  function timerFired(): void {
    if (t.disposed) return;
    fx.flush();
    const due = dueWatchdog(t.clock, config, Date.now());
    if (due === null) return rearm();
    t.clock = fire(t.clock, due);
    let error: Error;
    if (due === "turn") {
      error = t.error = new TimeoutError(`SSE stream timed out after ${seconds(config.turnMs)} (session ${sessionId})`);
      move("timed out");
      t.abandoned = t.generation;
      // Still waiting for the feed: the prompt must not be posted after a timeout.
      t.prompt?.abort(error);
    } else if (due === "first-event") {
      error = t.watchdogError = new StaleSessionError(`No events for session ${sessionId} within ${seconds(config.firstEventMs)}`);
    } else {
      error = t.watchdogError = new IdleStreamError(
        `No meaningful events for session ${sessionId} within ${seconds(config.idleMs ?? 0)} (SSE heartbeats still arriving — upstream likely wedged mid-turn)`,
      );
    }
    rearm();
    fx.publish();
    fx.report(error);
  }

  // ---- abort: before the POST the prompt is simply never posted; after it the server is asked to
  // abort (once a POST in flight landed) and the turn ends on the feed as usual, `aborted` set now
  // (1.2 servers send session.idle BEFORE their MessageAbortedError, or never send it).
  async function abort(): Promise<void> {
    if (t.disposed) return;
    if (t.stage === "connecting" && !t.posting) {
      t.prompt?.abort(new DOMException("opencode-react: the turn was aborted before its prompt was posted", "AbortError"));
      move("aborted");
      t.abortedGeneration = t.generation;
      t.clock = disarm(t.clock);
      t.result = distill(t.reply);
      rearm();
      fx.publish();
      fx.finished(t.result, { aborted: true, error: null });
      return;
    }
    const generation = t.generation;
    const wasAborted = t.reply.aborted;
    if (!wasAborted && t.stage !== "idle") t.reply = { ...t.reply, aborted: true };
    if (t.postSettled !== null) await t.postSettled;
    try {
      await client.sessions.abort(sessionId);
    } catch (error) {
      if (!wasAborted && t.generation === generation && t.stage !== "idle") t.reply = { ...t.reply, aborted: false };
      fx.report(error);
      throw error;
    }
    if (t.disposed || t.stage !== "running") return;
    // The server accepted the abort: the turn is aborted whether or not its MessageAbortedError comes.
    t.abortedGeneration = t.generation;
    t.clock = disarm(t.clock);
    rearm();
    fx.publish();
    await checkEnded();
  }

  // ---- sync with the server: the feed never replays what we missed.

  /** Asks whether the session is still busy; if not, the turn ended unseen (feed down): ended here as if seen. */
  async function checkEnded(): Promise<"busy" | "ended" | "unknown"> {
    const generation = t.generation;
    let busy: boolean;
    try {
      const status = (await client.sessions.status())[sessionId];
      // The route lists busy and retrying sessions only: absent means idle.
      busy = status !== undefined && status.type !== "idle";
    } catch (error) {
      fx.report(error);
      return "unknown";
    }
    if (!stillRunning(generation)) return "unknown";
    if (busy) return "busy";
    fx.flush();
    if (t.reply.turn === "done") return "ended";
    // A turn with no event seen has to start before it can end (the reducer ends running turns only).
    if (t.reply.turn === "idle") fx.inject({ type: "session.status", properties: { sessionID: sessionId, status: { type: "busy" } } });
    fx.inject({ type: "session.idle", properties: { sessionID: sessionId } });
    return "ended";
  }

  /**
   * The stored messages merged into the running turn (never dropping or shortening live parts,
   * never moving a part backwards: see reducer/mid-turn-merge.ts), and the pending questions and
   * permissions re-listed (those answered meanwhile leave, those asked meanwhile come in).
   */
  async function resync(generation: number): Promise<void> {
    const sync = async (): Promise<void> => {
      fx.flush(); // buffered events are live already: they count as "before the request"
      const sent = textLengths(t.reply);
      const asked = t.reply.parts;
      let items: readonly WireMessage[];
      try {
        items = await fetchTurnMessages(client, sessionId, t.reply);
      } catch (error) {
        return fx.report(error);
      }
      if (!stillRunning(generation)) return;
      fx.flush();
      const merged = mergeMidTurn(t.reply, items, sent, asked);
      if (merged === t.reply) return;
      t.reply = merged;
      fx.publish();
    };
    const seed = async (): Promise<void> => {
      const before = new Set([...Object.keys(t.reply.questions), ...Object.keys(t.reply.permissions)]);
      const resolved = (t.resolvedWhileSeeding ??= new Set());
      t.seeding += 1;
      const found = await listPending(client, fx.report).finally(() => {
        if (--t.seeding === 0) t.resolvedWhileSeeding = null;
      });
      if (!stillRunning(generation)) return;
      for (const event of pendingEvents(t.reply, found, before, resolved)) fx.inject(event);
    };
    if (stillRunning(generation)) await Promise.all([sync(), seed()]);
  }

  async function reconnected(): Promise<void> {
    if (t.stage === "connecting" && t.posting) await t.postSettled;
    if (t.disposed || !TURN_TABLE[t.stage].reconnected) return;
    move("reconnected");
    const generation = t.generation;
    if ((await checkEnded()) !== "ended") await resync(generation);
  }

  /**
   * Busy or retrying at creation: the turn is watched as one seen on the feed (no first-event
   * window), its stored state so far merged and its pending prompts learned. Idle: nothing.
   */
  async function resume(): Promise<void> {
    const generation = t.generation;
    const ended = t.reply.turnsEnded;
    let status: SessionStatus | undefined;
    try {
      status = (await client.sessions.status())[sessionId];
    } catch (error) {
      return fx.report(error);
    }
    if (t.disposed || status === undefined || status.type === "idle") return;
    // Our own send() started meanwhile, or a turn seen on the feed ended already: not ours to take over.
    if (generation !== t.generation || t.reply.turnsEnded !== ended || !TURN_TABLE[t.stage].resumed) return;
    fx.flush();
    // No event of the turn seen yet: started as the feed would have ("turn seen"), with the
    // server's own status so a retry shows as one.
    if (t.reply.turn === "idle") fx.inject({ type: "session.status", properties: { sessionID: sessionId, status } });
    await resync(generation);
  }

  function feedStatus(open: boolean): void {
    if (t.disposed) return;
    t.feedOpen = open;
    // RC-06: a prompt pending while the feed is down must not hold the turn deadline forever.
    const clock = setSuspended(t.clock, open && isAwaitingInput(t.reply), Date.now());
    if (clock === t.clock) return;
    t.clock = clock;
    rearm();
    fx.publish();
  }

  function dispose(): void {
    t.disposed = true;
    t.prompt?.abort(new DOMException("opencode-react: the reply store was disposed", "AbortError"));
  }

  return { turn: t, send, abort, arrived, apply, timerFired, feedStatus, reconnected, resume, dispose };
}
