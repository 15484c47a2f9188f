import { STREAM_TIMEOUTS, type StreamStatus, type StreamWatchdog } from "../lib/stream";

/** Quiet for this long before the notice shows: shorter silences are normal model latency. */
const QUIET_MS = 5_000;

const WINDOW = {
  "first-event": { ms: STREAM_TIMEOUTS.firstEventTimeoutMs, then: "it is marked stalled" },
  idle: { ms: STREAM_TIMEOUTS.idleTimeoutMs, then: "it is marked wedged" },
  turn: { ms: STREAM_TIMEOUTS.turnTimeoutMs, then: "the turn times out" },
} as const;

/**
 * "Still thinking…" with the seconds left once the stream has been quiet for a while, and a plain
 * explanation once the watchdog gave up (stalled: nothing arrived; wedged: it stopped mid-way).
 * `remainingMs` ticks by itself: useStream re-renders each second while a deadline is active.
 */
export function WatchdogNotice({ status, watchdog }: { status: StreamStatus; watchdog: StreamWatchdog }) {
  if (status === "stalled" || status === "wedged") {
    const stalled = status === "stalled";
    return (
      <div className="notice notice-warning" role="status" data-testid="watchdog" data-kind={status}>
        <strong>{stalled ? "No response from the server" : "The reply stopped moving"}</strong>
        <span className="notice-detail">
          {stalled
            ? "Nothing has arrived for this turn yet. The server or the model may be stuck: press Stop and try again."
            : "The connection is alive, but nothing new has arrived for a while. Press Stop to end the turn."}
        </span>
      </div>
    );
  }
  const { deadlineKind, remainingMs } = watchdog;
  if (deadlineKind === null || remainingMs === null || status === "awaiting-input") return null;
  const window = WINDOW[deadlineKind];
  // The first-event and idle deadlines restart on every event, so the time used is the silence;
  // the turn deadline runs through the whole turn and only matters in its last minute.
  const show = deadlineKind === "turn" ? remainingMs <= 60_000 : window.ms - remainingMs >= QUIET_MS;
  if (!show) return null;
  return (
    <div className="notice notice-info" role="status" data-testid="watchdog" data-kind={deadlineKind}>
      <strong>Still thinking…</strong>
      <span className="notice-detail">
        {Math.ceil(remainingMs / 1000)} s before {window.then}.
      </span>
    </div>
  );
}
