/** The hub of one directory: its subscribers, readiness and status, fed by the server feed. */
import { OpencodeError, UnauthorizedError } from "../errors";
import { StreamEndedError } from "./connection";
import { createEmitter } from "./emitter";
import { createListenerRegistry } from "./listener-registry";
import { createReadiness } from "./readiness";
import type { FeedStatus, FeedTransport, LiveEventHub, ReconnectInfo, WireEvent } from "./types";

/** What a channel asks of the server feed that owns it. */
export interface ChannelOwner {
  /** The channel got its first subscriber: serve it. */
  activate(channel: Channel): void;
  /** Its last subscriber left: stop serving it. */
  deactivate(channel: Channel): void;
  restart(): void;
  markStale(): void;
  dispose(): void;
  transportOf(channel: Channel): FeedTransport | undefined;
  readonly disposed: boolean;
}

/** A {@link LiveEventHub} plus the calls the server feed makes on it. */
export interface Channel extends LiveEventHub {
  readonly active: boolean;
  attempting(first: boolean): void;
  /** The stream serving this channel saw `server.connected` (dispatched to the subscribers too). */
  connected(event: WireEvent | undefined): void;
  deliver(event: WireEvent): void;
  report(error: unknown): void;
  failed(error: unknown, delayMs: number, wasConnected: boolean): void;
  fatal(error: Error): void;
  /** The stream is being replaced: readiness pending again, waiters keep waiting. */
  stale(): void;
  /** The server feed was disposed. */
  shutDown(): void;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new OpencodeError(`opencode-react: ${String(value)}`);
}

/** Named like a DOMException abort so `error.name === "AbortError"` checks treat it as a cancellation. */
export function abortError(message: string): Error {
  const error = new Error(message);
  error.name = "AbortError";
  return error;
}

function isOffline(): boolean {
  return typeof navigator !== "undefined" && (navigator as { onLine?: boolean }).onLine === false;
}

/**
 * Creates the channel of one directory. The first subscriber activates it (the owner connects or
 * joins the shared stream); the last one leaving deactivates it on a 0 ms timer, so React
 * StrictMode's mount/unmount/mount keeps one connection.
 * @example const channel = createChannel(owner, "/repo"); const off = channel.subscribe(onEvent, { sessionId });
 */
export function createChannel(owner: ChannelOwner, directory: string | undefined): Channel {
  const registry = createListenerRegistry();
  const errors = createEmitter<Error>();
  const reconnects = createEmitter<ReconnectInfo>();
  const statuses = createEmitter<FeedStatus>();
  const readiness = createReadiness();
  let status: FeedStatus = "idle";
  let active = false;
  let connections = 0; // connections that reached server.connected since activation
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let nextAttemptAt: number | undefined;
  let lastError: Error | undefined;

  // An onError callback that throws has nowhere left to report to, so errors.emit drops it.
  const report = (error: unknown): void => errors.emit(toError(error));
  const setStatus = (next: FeedStatus): void => {
    if (next !== "reconnecting" && next !== "offline") nextAttemptAt = undefined;
    if (next === status) return;
    status = next;
    statuses.emit(next, report);
  };

  function close(): void {
    closeTimer = undefined;
    if (registry.size > 0 || !active) return;
    active = false;
    connections = 0;
    lastError = undefined;
    owner.deactivate(channel);
    readiness.fail(abortError("opencode-react: the event feed closed (its last subscriber left) before it was ready"));
    setStatus("closed");
  }

  const channel: Channel = {
    directory,
    subscribe(listener, options) {
      if (owner.disposed) return () => undefined;
      const remove = registry.add(listener, options?.sessionId);
      if (closeTimer !== undefined) clearTimeout(closeTimer);
      closeTimer = undefined;
      if (!active) {
        active = true;
        readiness.reset();
        owner.activate(channel);
      }
      return () => {
        remove();
        if (registry.size === 0 && active && closeTimer === undefined) closeTimer = setTimeout(close, 0);
      };
    },
    ready(options) {
      const signal = options?.signal;
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (owner.disposed) return Promise.reject(abortError("opencode-react: the client was disposed"));
      if (!active) return Promise.reject(abortError("opencode-react: the event feed is not open; subscribe before awaiting ready()"));
      return readiness.wait(signal);
    },
    onReconnect: (listener) => reconnects.on(listener),
    onError: (listener) => errors.on(listener),
    onStatus: (listener) => statuses.on(listener),
    restart: () => owner.restart(),
    markStale: () => owner.markStale(),
    dispose: () => owner.dispose(),
    get status() {
      return status;
    },
    get subscriberCount() {
      return registry.size;
    },
    get transport() {
      return active ? owner.transportOf(channel) : undefined;
    },
    get nextAttemptAt() {
      return nextAttemptAt;
    },
    get lastError() {
      return lastError;
    },
    get active() {
      return active;
    },

    attempting(first) {
      nextAttemptAt = undefined; // this is the attempt it announced
      setStatus(first && connections === 0 ? "connecting" : "reconnecting");
    },
    connected(event) {
      connections += 1;
      lastError = undefined;
      setStatus("open");
      readiness.open();
      if (connections > 1) reconnects.emit({ connection: connections }, report);
      if (event !== undefined) registry.dispatch(event, report);
    },
    deliver(event) {
      registry.dispatch(event, report);
    },
    report,
    failed(error, delayMs, wasConnected) {
      readiness.reset();
      lastError = toError(error);
      nextAttemptAt = Date.now() + delayMs;
      setStatus(isOffline() ? "offline" : "reconnecting");
      // A clean close of a working stream is routine (instance reload, proxy timeout): visible
      // through status only. A stream that ended before server.connected is worth a report.
      if (!(error instanceof StreamEndedError && wasConnected)) report(error);
    },
    fatal(error) {
      lastError = error;
      report(error);
      readiness.fail(error);
      setStatus(error instanceof UnauthorizedError ? "unauthorized" : "unsupported");
    },
    stale() {
      readiness.reset();
    },
    shutDown() {
      if (closeTimer !== undefined) clearTimeout(closeTimer);
      closeTimer = undefined;
      active = false;
      readiness.fail(abortError("opencode-react: the client was disposed"));
      setStatus("closed");
    },
  };
  return channel;
}
