import type { UseStreamResult } from "opencode-react";

interface DeadlineNoticeProps {
  status: UseStreamResult["status"];
  watchdog: UseStreamResult["watchdog"];
  /** The stream's `firstEventTimeoutMs`: the window the countdown runs down. */
  windowMs: number;
  /** Quiet for this long before the notice shows (the demo waits 5 s; a story may want it at once). */
  afterMs: number;
}

/**
 * "Still thinking…" with the seconds left before the first-event watchdog gives up. The demo's
 * WatchdogNotice reads the demo's fixed timeouts; this one reads the clock alone, so a story can
 * use any `firstEventTimeoutMs` and show the countdown from the first second.
 */
export function DeadlineNotice({ status, watchdog, windowMs, afterMs }: DeadlineNoticeProps) {
  const { deadlineKind, remainingMs } = watchdog;
  if (status !== "submitted" || deadlineKind !== "first-event" || remainingMs === null) return null;
  // The first-event window restarts at the send: the time used is the silence so far.
  if (windowMs - remainingMs < afterMs) return null;
  return (
    <div className="notice notice-info" role="status" data-testid="still-thinking">
      <strong>Still thinking…</strong>
      <span className="notice-detail">{Math.ceil(remainingMs / 1000)} s before the turn is marked stalled.</span>
    </div>
  );
}
