/** One run of one stream (`/event` or `/global/event`): attempts, backoff and the outcome of each. */
import type { ResolvedConfig } from "../config";
import type { OpencodeError } from "../errors";
import { createBackoff } from "./backoff";
import type { FeedRoute } from "./connection";
import type { FeedDriver, FeedRun } from "./feed-driver";
import { isFatalFeedError } from "./feed-failure";
import type { WireEvent } from "./types";

/** Where a runner reports; the server feed fans it out to the directories the stream serves. */
export interface RunnerSink {
  /** An attempt starts (`first`: the first of this run). */
  attempting(first: boolean): void;
  /** The attempt's first `server.connected`: the server has registered the listener. */
  connected(event: WireEvent): void;
  /** Any other event; `directory` is the frame's on `/global/event`. */
  event(event: WireEvent, directory: string | undefined): void;
  /** A dropped frame (too large, malformed); the stream goes on. */
  problem(error: OpencodeError): void;
  /** The attempt failed or ended; the next one starts after `delayMs`. */
  failed(error: unknown, delayMs: number, wasConnected: boolean): void;
  /** A failure that asking again will not fix (4xx, an HTML page): the run is over. */
  fatal(error: Error): void;
}

/** A started run; `stop()` ends it silently (no report, no retry). */
export interface FeedRunner {
  stop(): void;
  /** The current attempt has seen `server.connected`. */
  readonly isConnected: boolean;
}

/** Options of {@link startFeedRunner}. */
export interface FeedRunnerOptions {
  config: ResolvedConfig;
  route: FeedRoute;
  driver: FeedDriver;
  random?: () => number;
  sink: RunnerSink;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(`opencode-react: ${String(value)}`);
}

/**
 * Starts one run: the driver schedules the attempts; this keeps the backoff (reset by
 * `server.connected`) and tells the sink what happened. After `stop()` nothing more is reported.
 * @example const runner = startFeedRunner({ config, route: "/global/event", driver, sink }); runner.stop();
 */
export function startFeedRunner({ config, route, driver, random, sink }: FeedRunnerOptions): FeedRunner {
  const controller = new AbortController();
  const backoff = createBackoff(config.events, random);
  let attempts = 0;
  let connected = false;
  // A plain flag kept by stop() (read on every event) instead of the AbortSignal's accessor.
  let stopped = false;

  const run: FeedRun = {
    signal: controller.signal,
    route,
    attempting() {
      attempts += 1;
      connected = false;
      if (!stopped) sink.attempting(attempts === 1);
    },
    handlers: {
      onEvent(event, directory) {
        if (stopped) return;
        if (!connected && event.type === "server.connected") {
          connected = true;
          backoff.reset();
          sink.connected(event);
          return;
        }
        sink.event(event, directory);
      },
      onProblem(error) {
        if (!stopped) sink.problem(error);
      },
    },
    failed(error) {
      if (isFatalFeedError(error)) throw error;
      const wasConnected = connected;
      connected = false;
      const delay = backoff.next();
      if (!stopped) sink.failed(error, delay, wasConnected);
      return delay;
    },
  };

  driver(config, run).then(undefined, (error: unknown) => {
    if (stopped) return;
    stopped = true;
    connected = false;
    sink.fatal(toError(error));
  });

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      connected = false;
      controller.abort(); // silent: the drivers stop without reporting or retrying
    },
    get isConnected() {
      return connected;
    },
  };
}
