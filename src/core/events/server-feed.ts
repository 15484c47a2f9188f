/**
 * The event feed of one server: ONE `/global/event` connection for every directory that has
 * subscribers (routing by the frame's `directory`), or one `/event` connection per directory where
 * `/global/event` is missing or refused, and always for the server's default directory.
 */
import type { ResolvedConfig } from "../config";
import { UnauthorizedError } from "../errors";
import { createChannel, type Channel, type ChannelOwner } from "./channel";
import type { FeedDriver } from "./feed-driver";
import { startFeedRunner, type FeedRunner, type RunnerSink } from "./feed-runner";
import { directoryKey } from "./global-frame";
import { selectFeedDriver } from "./select-driver";
import type { FeedTransport, LiveEventHub, WireEvent } from "./types";
import { watchWake, type WakeOptions } from "./wake-triggers";

/** Test seams of {@link createServerFeed}; applications never need them. */
export interface ServerFeedOptions {
  /** Random source of the backoff jitter, in [0, 1) (default Math.random). */
  random?: () => number;
  /** Who schedules the attempts (default: fetch-event-source with a DOM, a setTimeout loop without). */
  driver?: FeedDriver;
  /** Sleep/wake detection and retry triggers. */
  wake?: WakeOptions;
}

/**
 * The feed of one server; `hub(directory)` gives the hub of one directory, the same object for the
 * same directory. Every hub shares the connection, the restart and the dispose.
 * @example
 * const feed = createServerFeed(resolveConfig({ baseUrl }));
 * const a = feed.hub("/repo/a"), b = feed.hub("/repo/b"); // one /global/event connection for both
 */
export interface ServerFeed {
  hub(directory: string | undefined): LiveEventHub;
  /** Closes every connection and timer for good. */
  dispose(): void;
}

/** How the directories are served: trying `/global/event`, known to work, or one `/event` each. */
type Mode = "try-global" | "global" | "directory";

const DEFAULT_KEY = "\u0000default";

/**
 * Creates the feed of one server. `/global/event` is tried first (unless `events.transport` is
 * "directory"); if it is refused before it ever worked (404, an HTML page from an older server,
 * a 403 from a proxy), every directory falls back to its own `/event`, and `hub.transport` says
 * "directory". A 401 is fatal either way. Fatal failures are recoverable: `restart()`, or
 * automatically when the page becomes visible or the browser comes back online (not after a 401).
 * A timer firing far too late (the machine slept) reconnects at once; `onReconnect` follows.
 * @example const hub = createServerFeed(config).hub("/repo"); hub.subscribe(onEvent, { sessionId });
 */
export function createServerFeed(config: ResolvedConfig, options: ServerFeedOptions = {}): ServerFeed {
  const driver = options.driver ?? selectFeedDriver();
  const initialMode: Mode = config.events.transport === "directory" ? "directory" : "try-global";
  const channels = new Map<string, Channel>();
  const active = new Set<Channel>();
  const byDirectory = new Map<string, Channel>(); // active global channels by directory key
  const directoryRunners = new Map<Channel, FeedRunner>();
  let mode: Mode = initialMode;
  let globalRunner: FeedRunner | undefined;
  let globalFatal: Error | undefined;
  let stopWatching: (() => void) | undefined;
  let disposed = false;

  const usesGlobal = (channel: Channel): boolean => channel.directory !== undefined && mode !== "directory";
  const globalChannels = (): Channel[] => [...active].filter(usesGlobal);

  const globalSink: RunnerSink = {
    attempting: (first) => globalChannels().forEach((channel) => channel.attempting(first)),
    connected(event) {
      mode = "global";
      for (const channel of globalChannels()) channel.connected(event);
    },
    event(event: WireEvent, directory) {
      if (directory === undefined) {
        // The connection's own events (heartbeats): every directory on this stream sees them.
        for (const channel of globalChannels()) channel.deliver(event);
        return;
      }
      byDirectory.get(directoryKey(directory))?.deliver(event);
    },
    problem: (error) => globalChannels().forEach((channel) => channel.report(error)),
    failed: (error, delayMs, wasConnected) => globalChannels().forEach((channel) => channel.failed(error, delayMs, wasConnected)),
    fatal(error) {
      globalRunner = undefined;
      if (mode === "try-global" && !(error instanceof UnauthorizedError)) {
        // Missing or refused before it ever worked: one /event per directory from now on.
        mode = "directory";
        byDirectory.clear();
        for (const channel of active) if (!directoryRunners.has(channel)) startDirectory(channel);
        return;
      }
      globalFatal = error;
      for (const channel of globalChannels()) channel.fatal(error);
    },
  };

  function startGlobal(): void {
    globalRunner = startFeedRunner({ config, route: "/global/event", driver, random: options.random, sink: globalSink });
  }

  function startDirectory(channel: Channel): void {
    const scoped: ResolvedConfig = { ...config, directory: channel.directory };
    const sink: RunnerSink = {
      attempting: (first) => channel.attempting(first),
      connected: (event) => channel.connected(event),
      event: (event) => channel.deliver(event),
      problem: (error) => channel.report(error),
      failed: (error, delayMs, wasConnected) => channel.failed(error, delayMs, wasConnected),
      fatal(error) {
        directoryRunners.delete(channel);
        channel.fatal(error);
      },
    };
    directoryRunners.set(channel, startFeedRunner({ config: scoped, route: "/event", driver, random: options.random, sink }));
  }

  function serve(channel: Channel): void {
    if (!usesGlobal(channel)) return startDirectory(channel);
    byDirectory.set(directoryKey(channel.directory as string), channel);
    if (globalFatal !== undefined) return channel.fatal(globalFatal);
    if (globalRunner === undefined) return startGlobal();
    // Joining a live stream: the server already delivers every directory's events to it.
    if (globalRunner.isConnected) channel.connected(undefined);
    else channel.attempting(true);
  }

  function stopAll(): void {
    globalRunner?.stop();
    globalRunner = undefined;
    for (const runner of directoryRunners.values()) runner.stop();
    directoryRunners.clear();
    byDirectory.clear();
  }

  /** Replaces every stream at once; readiness goes pending and onReconnect follows the new connections. */
  function restartAll(): void {
    if (disposed) return;
    stopAll();
    mode = initialMode;
    globalFatal = undefined;
    for (const channel of active) channel.stale();
    for (const channel of active) serve(channel);
  }

  /** The page or the network came back: retry whatever is failing (never a refused password). */
  function retryFailing(): void {
    const failing = [...active].some((channel) => channel.status === "reconnecting" || channel.status === "offline" || channel.status === "unsupported");
    if (failing) restartAll();
  }

  const owner: ChannelOwner = {
    activate(channel) {
      active.add(channel);
      stopWatching ??= watchWake({ woke: restartAll, retry: retryFailing }, options.wake);
      serve(channel);
    },
    deactivate(channel) {
      active.delete(channel);
      directoryRunners.get(channel)?.stop();
      directoryRunners.delete(channel);
      if (channel.directory !== undefined && byDirectory.get(directoryKey(channel.directory)) === channel) byDirectory.delete(directoryKey(channel.directory));
      if (globalRunner !== undefined && globalChannels().length === 0) {
        globalRunner.stop();
        globalRunner = undefined;
      }
      if (active.size === 0) {
        globalFatal = undefined;
        stopWatching?.();
        stopWatching = undefined;
      }
    },
    restart: restartAll,
    markStale: restartAll,
    dispose,
    transportOf: (channel): FeedTransport => (usesGlobal(channel) ? "global" : "directory"),
    get disposed() {
      return disposed;
    },
  };

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    stopAll();
    stopWatching?.();
    stopWatching = undefined;
    for (const channel of channels.values()) channel.shutDown();
    active.clear();
  }

  return {
    hub(directory) {
      const key = directory === undefined ? DEFAULT_KEY : directoryKey(directory);
      let channel = channels.get(key);
      if (channel === undefined) {
        channel = createChannel(owner, directory);
        channels.set(key, channel);
      }
      return channel;
    },
    dispose,
  };
}
