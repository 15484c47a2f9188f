import { useFeedStatus, useHealth } from "opencode-react";
import { describeError } from "../lib/errors";

const FEED_DOWN: Record<string, string> = {
  reconnecting: "Reconnecting…",
  offline: "Offline, waiting for the network…",
  unauthorized: "The server refused the password",
  unsupported: "The server sent no event stream",
};

/**
 * Sidebar footer: is the server there, which version, and is the live feed up (a dropped feed
 * shows at once, with a retry where only a retry helps). Health is polled: it is not event-fed.
 */
export function ServerStatus() {
  const { data, error, isPending } = useHealth({ refetchInterval: 15_000 });
  const feed = useFeedStatus();
  const feedDown = FEED_DOWN[feed.status];
  const state = error || feedDown ? "down" : isPending ? "pending" : data?.healthy ? "up" : "down";
  const label = error ? describeError(error).title : (feedDown ?? (isPending ? "Connecting…" : `OpenCode ${data?.version ?? "?"}`));
  const fatal = feed.status === "unauthorized" || feed.status === "unsupported";
  return (
    <div className="server-status" data-feed={feed.status} title={(error ?? feed.lastError)?.message}>
      <span className={`dot dot-${state}`} aria-hidden />
      <span>{label}</span>
      {fatal && (
        <button className="btn btn-ghost" onClick={feed.restart}>
          Retry
        </button>
      )}
    </div>
  );
}
