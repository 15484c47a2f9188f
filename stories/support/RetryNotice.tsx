import { useEffect, useState } from "react";
import { useSessionStatusOf } from "opencode-react";

/**
 * "Retrying in N s (attempt K)": the server's "retry" session status, counting down to its next
 * attempt. (A chat component on `useChat` may show this itself; the stories' view adds it here.)
 */
export function RetryNotice({ sessionId }: { sessionId: string }) {
  const status = useSessionStatusOf(sessionId);
  const [, tick] = useState(0);
  const retrying = status.type === "retry";
  useEffect(() => {
    if (!retrying) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [retrying]);
  if (status.type !== "retry") return null;
  const seconds = Math.max(0, Math.ceil((status.next - Date.now()) / 1000));
  return (
    <div className="notice notice-warning" role="status" data-testid="retry-notice">
      <strong>
        Retrying in {seconds} s (attempt {status.attempt})
      </strong>
      <span className="notice-detail">{status.message}</span>
    </div>
  );
}
