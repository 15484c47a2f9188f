/**
 * `createReplyStore`: a zustand vanilla store with the in-flight turn of one session, fed by the
 * client's shared event feed from the moment it is created (so it also sees turns started
 * elsewhere, and, with `resume`, one already running when it is created). This file wires the
 * pieces: the feed's events go through the batcher (applied at most once per frame) into the turn
 * machine (turn-machine.ts: the turn's whole life), the watchdogs run on one lazy timer, and every
 * publish projects the machine's runtime into the plain public state. Every timer and subscription
 * goes away on dispose.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { isServerEvent } from "../../events/route";
import type { WireEvent } from "../../events/types";
import { isAwaitingInput } from "../reducer/state";
import { createEventBatcher, isUrgentFor } from "./batcher";
import { createFrameScheduler, FALLBACK_FRAME_MS } from "./frame-scheduler";
import { createPartsView } from "./parts-view";
import { deriveReplyStatus } from "./reply-status";
import type { ReplyStoreOptions, ReplyStoreState, ReplyWatchdog } from "./reply-store-types";
import { validateStoreOptions } from "./store-options";
import { createTurnMachine, toError } from "./turn-machine";
import { nextDeadline, type WatchdogConfig } from "./watchdog";
import { createWatchdogTimer } from "./watchdog-timer";

/**
 * Default of `firstEventTimeoutMs`: 120 s (heartbeats never count).
 * @example createReplyStore({ client, sessionId: "ses_1", firstEventTimeoutMs: DEFAULT_FIRST_EVENT_TIMEOUT_MS / 2 });
 */
export const DEFAULT_FIRST_EVENT_TIMEOUT_MS = 120_000;
/**
 * Default of `turnTimeoutMs`: 600 s (not counting time spent waiting for the user).
 * @example createReplyStore({ client, sessionId: "ses_1", turnTimeoutMs: 2 * DEFAULT_TURN_TIMEOUT_MS });
 */
export const DEFAULT_TURN_TIMEOUT_MS = 600_000;

/** A child session's event the reply takes: its questions and permissions. */
const isPromptEvent = (event: WireEvent): boolean => event.type.startsWith("question.") || event.type.startsWith("permission.");

/**
 * Creates the reply store of one session. See {@link ReplyStoreState} for what it holds and
 * {@link ReplyStoreOptions} for the watchdogs and batching.
 * @example
 * const store = createReplyStore({ client, sessionId: "ses_1" });
 * store.subscribe((s) => render(s.status, distill(s).text));
 * await store.getState().send("Summarise the README");
 * // later: store.getState().abort(); and on unmount: store.getState().dispose();
 */
export function createReplyStore(options: ReplyStoreOptions): StoreApi<ReplyStoreState> {
  validateStoreOptions(options);
  const { client, sessionId, onEvent, onFinish, onError } = options;
  const config: WatchdogConfig = {
    firstEventMs: options.firstEventTimeoutMs ?? DEFAULT_FIRST_EVENT_TIMEOUT_MS,
    idleMs: options.idleTimeoutMs === Infinity ? undefined : options.idleTimeoutMs,
    turnMs: options.turnTimeoutMs ?? DEFAULT_TURN_TIMEOUT_MS,
  };
  // A user callback that throws must not break the store; it is reported like any other error.
  const report = (error: unknown): void => {
    try {
      onError?.(toError(error));
    } catch {
      // onError itself threw: nowhere left to report to.
    }
  };
  const guard = (call: () => void): void => {
    try {
      call();
    } catch (error) {
      report(error);
    }
  };

  const throttle = options.throttleMs ?? "frame";
  const batcher = createEventBatcher({
    scheduler: options.scheduler ?? createFrameScheduler(throttle),
    // A host's own scheduler decides alone; the default ones get a bound on a buffered event's age.
    maxAgeMs: options.scheduler === undefined ? (throttle === "frame" ? FALLBACK_FRAME_MS : throttle) : undefined,
    apply: (events) => {
      const before = t.reply.parts;
      machine.apply(events);
      parts.note(before, t.reply.parts, events);
      if (t.reply.children !== children) followChildren();
      publish();
    },
  });
  const timer = createWatchdogTimer(() => machine.timerFired());
  const publish = (): void => {
    if (!t.disposed) store.setState(project(), true);
  };
  const machine = createTurnMachine(
    {
      client,
      sessionId,
      config,
      flush: () => batcher.flush(),
      inject: (event) => batcher.push(event, true),
      publish,
      schedule: (at) => timer.schedule(at),
      report,
      finished: (result, info) => guard(() => onFinish?.(result, info)),
    },
    client.events.status === "open",
  );
  const t = machine.turn;
  const parts = createPartsView();

  let watchdog: ReplyWatchdog = {
    lastEventAt: null,
    deadlineAt: null,
    deadlineKind: null,
    firstEventMs: config.firstEventMs,
    idleMs: config.idleMs ?? null,
    turnMs: config.turnMs,
  };
  const project = (): ReplyStoreState => {
    const { reply, clock } = t;
    const next = nextDeadline(clock, config);
    const deadlineAt = next?.at ?? null;
    if (watchdog.lastEventAt !== clock.lastEventAt || watchdog.deadlineAt !== deadlineAt) {
      watchdog = { ...watchdog, lastEventAt: clock.lastEventAt, deadlineAt, deadlineKind: next?.kind ?? null };
    }
    const status = deriveReplyStatus({
      stage: t.stage,
      failed: t.error !== null,
      stalled: clock.stalled,
      wedged: clock.wedged,
      firstEventSeen: clock.firstEventSeen,
      awaitingInput: isAwaitingInput(reply),
    });
    return {
      parts: parts.view(reply),
      partsById: reply.parts,
      messages: reply.messages,
      status,
      error: t.error ?? (clock.stalled || clock.wedged ? t.watchdogError : null),
      sessionStatus: reply.status,
      questions: reply.questions,
      permissions: reply.permissions,
      todos: reply.todos,
      totals: reply.totals,
      watchdog,
      aborted: reply.aborted || t.abortedGeneration === t.generation,
      result: t.result,
      send: machine.send,
      abort: machine.abort,
      dispose,
    };
  };

  const onArrival = (event: WireEvent): void => {
    if (onEvent) guard(() => onEvent(event));
    // Heartbeats and other server.* frames keep the feed alive; they never count for a turn (WD-08).
    if (isServerEvent(event)) return;
    const movesStatus = machine.arrived(event);
    if (movesStatus !== undefined) batcher.push(event, movesStatus || isUrgentFor(t.reply, event, batcher.size));
  };

  let offs: Array<() => void> = [];
  // Child sessions (subagents) ask their questions on their own session: followed once known.
  let children = t.reply.children;
  const followed = new Set<string>();
  const followChildren = (): void => {
    children = t.reply.children;
    for (const child in children) {
      if (followed.has(child) || t.disposed) continue;
      followed.add(child);
      offs.push(client.events.subscribe((event) => isPromptEvent(event) && onArrival(event), { sessionId: child }));
    }
  };
  function dispose(): void {
    if (t.disposed) return;
    machine.dispose();
    for (const off of offs) off();
    batcher.dispose();
    timer.clear();
  }

  const store = createStore<ReplyStoreState>()(() => project());
  // Subscribed once the store exists: a feed may deliver as soon as it has a listener.
  offs = [
    client.events.subscribe(onArrival, { sessionId }),
    client.events.onReconnect(() => void machine.reconnected()),
    client.events.onStatus((status) => machine.feedStatus(status === "open")),
  ];
  // After subscribing: every event from the status request on is live, so the merge can stitch them.
  if (options.resume !== false) void machine.resume();
  return store;
}
