import type { ResolvedConfig } from "../config";
import { OpencodeError } from "../errors";
import { createBackoff } from "./backoff";
import { StreamEndedError } from "./connection";
import { createEmitter } from "./emitter";
import type { FeedDriver, FeedRun } from "./feed-driver";
import { isFatalFeedError } from "./feed-failure";
import { createListenerRegistry } from "./listener-registry";
import { createReadiness } from "./readiness";
import { selectFeedDriver } from "./select-driver";
import type { EventHub, FeedStatus, ReconnectInfo, WireEvent } from "./types";

/** Test seams of {@link createEventHub}; applications never need them. */
export interface EventHubOptions {
  /** Random source of the backoff jitter, in [0, 1) (default Math.random). */
  random?: () => number;
  /** Who schedules the attempts (default: fetch-event-source with a DOM, a setTimeout loop without). */
  driver?: FeedDriver;
}

/** One open..close span of the feed (first subscriber to last one leaving, or a fatal error). */
interface Run {
  controller: AbortController;
  fatal: Error | undefined;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new OpencodeError(`opencode-react: ${String(value)}`);
}

/** Named like a DOMException abort so `error.name === "AbortError"` checks treat it as a cancellation. */
function abortError(message: string): Error {
  const error = new Error(message);
  error.name = "AbortError";
  return error;
}

/**
 * Creates the shared event feed of one client: ONE `/event` connection, opened by the first
 * subscriber and closed when the last one leaves (on a 0 ms timer, so React StrictMode's
 * mount/unmount/mount keeps a single connection). Reconnects after a close, a network drop or
 * `livenessTimeoutMs` of silence, with capped exponential backoff reset by `server.connected`;
 * a 4xx on open (401 -> UnauthorizedError) is fatal. Events that arrive on a connection before its
 * `server.connected` are delivered too: readiness is a separate signal (`ready()`), and whoever
 * must not act on them (the prompt handshake) waits for it. Listener errors go to `onError`.
 * @example
 * const hub = createEventHub(resolveConfig({ baseUrl, password }))
 * const off = hub.subscribe((event) => console.log(event.type), { sessionId: "ses_1" })
 * await hub.ready()
 */
export function createEventHub(config: ResolvedConfig, options: EventHubOptions = {}): EventHub {
  const driver = options.driver ?? selectFeedDriver();
  const registry = createListenerRegistry();
  const errors = createEmitter<Error>();
  const reconnects = createEmitter<ReconnectInfo>();
  const statuses = createEmitter<FeedStatus>();
  const readiness = createReadiness();
  let status: FeedStatus = "idle";
  let run: Run | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  // An onError callback that throws has nowhere left to report to, so errors.emit drops it.
  const report = (error: unknown): void => errors.emit(toError(error));
  const setStatus = (next: FeedStatus): void => {
    if (next === status) return;
    status = next;
    statuses.emit(next, report);
  };

  function open(): void {
    const current: Run = { controller: new AbortController(), fatal: undefined };
    run = current;
    const backoff = createBackoff(config.events, options.random);
    let attempts = 0;
    let connections = 0; // connections of this run that reached server.connected
    let connected = false; // the current attempt has seen server.connected
    // Read on every event: a plain flag kept by an abort listener (abort() runs its listeners
    // synchronously, so it is never stale) instead of the AbortSignal's accessor each time.
    let aborted = false;
    current.controller.signal.addEventListener("abort", () => (aborted = true), { once: true });
    const isCurrent = (): boolean => run === current && !aborted;

    const onEvent = (event: WireEvent): void => {
      if (!isCurrent()) return;
      if (event.type === "server.connected" && !connected) {
        connected = true;
        connections += 1;
        backoff.reset();
        setStatus("open");
        readiness.open();
        if (connections > 1) reconnects.emit({ connection: connections }, report);
      }
      registry.dispatch(event, report);
    };
    const feedRun: FeedRun = {
      signal: current.controller.signal,
      attempting() {
        attempts += 1;
        connected = false;
        if (isCurrent()) setStatus(attempts === 1 ? "connecting" : "reconnecting");
      },
      handlers: { onEvent, onProblem: (error) => isCurrent() && report(error) },
      failed(error) {
        if (isFatalFeedError(error)) throw error;
        connected = false;
        if (isCurrent()) {
          readiness.reset();
          setStatus("reconnecting");
          // A clean close is routine (instance reload, proxy timeout): visible through status only.
          if (!(error instanceof StreamEndedError)) report(error);
        }
        return backoff.next();
      },
    };

    readiness.reset();
    driver(config, feedRun).then(undefined, (error: unknown) => {
      if (!isCurrent()) return;
      current.fatal = toError(error);
      report(current.fatal);
      readiness.fail(current.fatal);
      setStatus("closed");
    });
  }

  function close(): void {
    closeTimer = undefined;
    if (registry.size > 0 || run === undefined) return;
    const current = run;
    run = undefined;
    current.controller.abort(); // silent: the drivers stop without reporting or retrying
    readiness.fail(abortError("opencode-react: the event feed closed (its last subscriber left) before it was ready"));
    setStatus("closed");
  }

  return {
    subscribe(listener, subscribeOptions) {
      const remove = registry.add(listener, subscribeOptions?.sessionId);
      if (closeTimer !== undefined) clearTimeout(closeTimer);
      closeTimer = undefined;
      if (run === undefined) open();
      return () => {
        remove();
        if (registry.size === 0 && run !== undefined && closeTimer === undefined) closeTimer = setTimeout(close, 0);
      };
    },
    ready(readyOptions) {
      const signal = readyOptions?.signal;
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (run === undefined) return Promise.reject(abortError("opencode-react: the event feed is not open; subscribe before awaiting ready()"));
      if (run.fatal !== undefined) return Promise.reject(run.fatal);
      return readiness.wait(signal);
    },
    onReconnect: (listener) => reconnects.on(listener),
    onError: (listener) => errors.on(listener),
    onStatus: (listener) => statuses.on(listener),
    get status() {
      return status;
    },
    get subscriberCount() {
      return registry.size;
    },
  };
}
