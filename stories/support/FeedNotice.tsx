import { useSyncExternalStore } from "react";
import { useOpencodeClient } from "opencode-react";

/** "Offline": shown while the client's event feed is reconnecting (the server went away). */
export function FeedNotice() {
  const { events } = useOpencodeClient();
  const status = useSyncExternalStore(
    (onChange) => events.onStatus(onChange),
    () => events.status,
  );
  if (status !== "reconnecting") return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="feed-offline">
      <strong>Offline</strong>
      <span className="notice-detail">The connection to the server was lost; reconnecting…</span>
    </div>
  );
}
