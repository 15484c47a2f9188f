/**
 * `createReplyStore`: a zustand vanilla store with the in-flight turn of one session, fed by the
 * client's shared event feed from the moment it is created (so it also sees turns started
 * elsewhere, and, with `resume`, one already running when it is created). Events are buffered
 * and applied at most once per frame; the watchdogs run on one lazy timer; every timer and
 * subscription goes away on dispose.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { isServerEvent } from "../../events/route";
import type { WireEvent } from "../../events/types";
import { createEventBatcher, isUrgentFor } from "./batcher";
import { refetchAfterReconnect } from "./final-merge";
import { resumeTurn } from "./resume-turn";
import { resolvedRequestId } from "./seed-prompts";
import { createFrameScheduler, FALLBACK_FRAME_MS } from "./frame-scheduler";
import { createPartsView } from "./parts-view";
import { projectState } from "./project-state";
import { deriveReplyStatus } from "./reply-status";
import { toError, type ReplyRuntime, type TurnRuntime } from "./reply-runtime";
import type { ReplyStoreOptions, ReplyStoreState, ReplyWatchdog } from "./reply-store-types";
import { initialReplyState, isAwaitingInput } from "../reducer/state";
import { applyBatch, onWatchdogTimer } from "./turn-transitions";
import { abortTurn, sendPrompt } from "./turn-lifecycle";
import { eventMessageId } from "../reducer/turn-reset";
import { IDLE_CLOCK, nextDeadline, setSuspended, type WatchdogConfig } from "./watchdog";
import { createWatchdogTimer } from "./watchdog-timer";
import { validateStoreOptions } from "./store-options";

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
function isPromptEvent(event: WireEvent): boolean {
  const type = event.type;
  return type.startsWith("question.") || type.startsWith("permission.");
}

function freshTurn(sessionId: string, feedOpen: boolean): TurnRuntime {
  return {
    reply: initialReplyState(sessionId),
    clock: IDLE_CLOCK,
    stage: "idle",
    error: null,
    watchdogError: null,
    result: null,
    generation: 0,
    abandoned: -1,
    posting: false,
    postSettled: null,
    endedWhileConnecting: false,
    staleMessageIds: new Set(),
    unnoted: 0,
    unnotedOfTurn: false,
    feedOpen,
    seeding: 0,
    resolvedWhileSeeding: null,
    prompt: null,
    disposed: false,
    abortedGeneration: -1,
    touched: undefined,
  };
}

/**
 * Creates the reply store of one session. See {@link ReplyStoreState} for what it holds and
 * {@link ReplyStoreOptions} for the watchdogs and batching.
 * @example
 * const store = createReplyStore({ client, sessionId: "ses_1" });
 * store.subscribe((s) => render(s.status, distill(s.reply).text));
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
  const t = freshTurn(sessionId, client.events.status === "open");
  const partsView = createPartsView();
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

  let watchdog: ReplyWatchdog = {
    lastEventAt: null,
    deadlineAt: null,
    deadlineKind: null,
    firstEventMs: config.firstEventMs,
    idleMs: config.idleMs ?? null,
    turnMs: config.turnMs,
  };
  const project = (): ReplyStoreState => {
    const next = nextDeadline(t.clock, config);
    const deadlineAt = next?.at ?? null;
    if (watchdog.lastEventAt !== t.clock.lastEventAt || watchdog.deadlineAt !== deadlineAt) {
      watchdog = { ...watchdog, lastEventAt: t.clock.lastEventAt, deadlineAt, deadlineKind: next?.kind ?? null };
    }
    const reply = t.reply;
    const status = deriveReplyStatus({
      stage: t.stage,
      failed: t.error !== null,
      stalled: t.clock.stalled,
      wedged: t.clock.wedged,
      firstEventSeen: t.clock.firstEventSeen,
      awaitingInput: isAwaitingInput(reply),
    });
    const error = t.error ?? (t.clock.stalled || t.clock.wedged ? t.watchdogError : null);
    const aborted = reply.aborted || t.abortedGeneration === t.generation;
    const parts = partsView(reply, t.touched);
    t.touched = undefined;
    return projectState(reply, parts, { status, error, watchdog, result: t.result, aborted, send: actions.send, abort: actions.abort, dispose: actions.dispose });
  };

  const throttle = options.throttleMs ?? "frame";
  const batcher = createEventBatcher({
    scheduler: options.scheduler ?? createFrameScheduler(throttle),
    // A host's own scheduler decides alone; the default ones get a bound on a buffered event's age.
    maxAgeMs: options.scheduler === undefined ? (throttle === "frame" ? FALLBACK_FRAME_MS : throttle) : undefined,
    apply: (events) => {
      applyBatch(rt, events);
      if (t.reply.children !== children) followChildren();
      rt.publish();
    },
  });
  const timer = createWatchdogTimer(() => onWatchdogTimer(rt));

  const rt: ReplyRuntime = {
    client,
    sessionId,
    config,
    options,
    turn: t,
    flush: () => batcher.flush(),
    publish: () => {
      if (!t.disposed) store.setState(project(), true);
    },
    rearm: () => timer.schedule(t.disposed ? null : (nextDeadline(t.clock, config)?.at ?? null)),
    inject: (event) => batcher.push(event, true),
    report,
    finished: (result, info) => guard(() => onFinish?.(result, info)),
  };

  const onArrival = (event: WireEvent): void => {
    if (onEvent) guard(() => onEvent(event));
    // Heartbeats and other server.* frames keep the feed alive; they never count for a turn (WD-08).
    if (isServerEvent(event) || t.disposed) return;
    if (t.resolvedWhileSeeding !== null) {
      const resolved = resolvedRequestId(event);
      if (resolved !== undefined) t.resolvedWhileSeeding.add(resolved);
    }
    if (t.staleMessageIds.size > 0) {
      const messageId = eventMessageId(event);
      if (messageId !== undefined && t.staleMessageIds.has(messageId)) return;
    }
    // Before our POST started, events are not ours (they do not satisfy the first-event watchdog).
    const ofTurn = t.stage !== "connecting" || t.posting;
    // The clock notes buffered events when they are applied, stamped with the flush time: at most a
    // frame late, so a deadline can only move later, never fire early (WD-13), at one clock read
    // per frame instead of one per event.
    t.unnoted += 1;
    if (ofTurn) t.unnotedOfTurn = true;
    const clock = t.clock;
    // The turn's first event, or one after a stall, changes the status: applied at once.
    const statusMoves = clock.running && ofTurn && (!clock.firstEventSeen || clock.stalled || clock.wedged);
    batcher.push(event, statusMoves || isUrgentFor(t.reply, event, batcher.size));
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
      offs.push(client.events.subscribe((event) => {
        if (isPromptEvent(event)) onArrival(event);
      }, { sessionId: child }));
    }
  };
  const actions = {
    send: (input: Parameters<ReplyStoreState["send"]>[0]) => sendPrompt(rt, input),
    abort: () => abortTurn(rt),
    dispose: () => {
      if (t.disposed) return;
      t.disposed = true;
      for (const off of offs) off();
      batcher.dispose();
      timer.clear();
      t.prompt?.abort(new DOMException("opencode-react: the reply store was disposed", "AbortError"));
    },
  };

  const store = createStore<ReplyStoreState>()(() => project());
  // Subscribed once the store exists: a feed may deliver as soon as it has a listener.
  offs = [
    client.events.subscribe(onArrival, { sessionId }),

    client.events.onReconnect(() => void refetchAfterReconnect(rt)),
    client.events.onStatus((status) => {
      if (t.disposed) return;
      t.feedOpen = status === "open";
      // RC-06: a prompt pending while the feed is down must not hold the turn deadline forever.
      const clock = setSuspended(t.clock, t.feedOpen && isAwaitingInput(t.reply), Date.now());
      if (clock === t.clock) return;
      t.clock = clock;
      rt.rearm();
      rt.publish();
    }),
  ];
  // After subscribing: every event from the status request on is live, so the merge can stitch them.
  if (options.resume !== false) void resumeTurn(rt);

  return store;
}
