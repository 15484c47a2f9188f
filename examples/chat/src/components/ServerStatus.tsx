import { useHealth } from "opencode-react";
import { describeError } from "../lib/errors";

/** Sidebar footer: is the server there, and which version. Polled because health is not event-fed. */
export function ServerStatus() {
  const { data, error, isPending } = useHealth({ refetchInterval: 15_000 });
  const state = error ? "down" : isPending ? "pending" : data?.healthy ? "up" : "down";
  const label = error ? describeError(error).title : isPending ? "Connecting…" : `OpenCode ${data?.version ?? "?"}`;
  return (
    <div className="server-status" title={error?.message}>
      <span className={`dot dot-${state}`} aria-hidden />
      <span>{label}</span>
    </div>
  );
}
