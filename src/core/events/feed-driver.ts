import type { ResolvedConfig } from "../config";
import type { ConnectionHandlers, FeedRoute } from "./connection";

/** What a driver needs from the hub for one run (from the first subscriber to the last leaving). */
export interface FeedRun {
  /** Aborted when the last subscriber leaves: the driver stops silently (no error, no reconnect). */
  readonly signal: AbortSignal;
  /** The stream to read (default "/event"). */
  readonly route?: FeedRoute;
  /** Called just before every attempt, the first one included. */
  attempting(): void;
  /** Receive the events and frame problems of every attempt. */
  readonly handlers: ConnectionHandlers;
  /**
   * The attempt failed or its stream ended (StreamEndedError). Returns the delay before the next
   * attempt in ms, or throws the error when it is fatal; the driver then rejects with it.
   */
  failed(error: unknown): number;
}

/**
 * Runs a feed until `run.signal` aborts (resolves) or a fatal error (rejects). Implementations
 * differ only in who schedules the retries; attempts and policy are shared.
 */
export type FeedDriver = (config: ResolvedConfig, run: FeedRun) => Promise<void>;
