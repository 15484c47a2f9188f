import { STATUS_LABEL, type StreamStatus } from "../lib/stream";

/** The turn's status as a coloured pill; animated while the model works. */
export function StatusPill({ status }: { status: StreamStatus }) {
  const { label, tone } = STATUS_LABEL[status];
  return (
    <span className={`pill pill-${tone}`} data-testid="stream-status" data-status={status}>
      {tone === "accent" && <span className="pulse" aria-hidden />}
      {label}
    </span>
  );
}
