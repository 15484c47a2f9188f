import type { useStream } from "opencode-react";

/** What `useStream` returns; named here so components can take it as a prop. */
export type Stream = ReturnType<typeof useStream>;
export type StreamStatus = Stream["status"];
export type StreamWatchdog = Stream["watchdog"];

/**
 * The demo's watchdog windows. Shorter than the library defaults (120 s to the first event, no
 * idle limit) so that a stuck turn is visible within a minute; the notice needs them to tell how
 * long the stream has been quiet.
 */
export const STREAM_TIMEOUTS = {
  firstEventTimeoutMs: 60_000,
  idleTimeoutMs: 45_000,
  turnTimeoutMs: 600_000,
} as const;

/** Statuses during which a turn is in flight (Stop is offered, Send is not). */
const ACTIVE: ReadonlySet<StreamStatus> = new Set<StreamStatus>(["connecting", "submitted", "streaming", "awaiting-input", "stalled", "wedged"]);

export function isTurnActive(status: StreamStatus): boolean {
  return ACTIVE.has(status);
}

/** Human label and colour of each status, for the pill in the header. */
export const STATUS_LABEL: Record<StreamStatus, { label: string; tone: "muted" | "accent" | "warning" | "danger" }> = {
  idle: { label: "Idle", tone: "muted" },
  connecting: { label: "Connecting…", tone: "accent" },
  submitted: { label: "Sent", tone: "accent" },
  streaming: { label: "Replying…", tone: "accent" },
  "awaiting-input": { label: "Needs your input", tone: "warning" },
  stalled: { label: "Stalled", tone: "warning" },
  wedged: { label: "Wedged", tone: "warning" },
  error: { label: "Error", tone: "danger" },
};
