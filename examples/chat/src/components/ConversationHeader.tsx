import { displayTitle, type Session } from "../lib/session";
import type { StreamStatus } from "../lib/stream";
import { StatusPill } from "./StatusPill";

/** Title of the session (kept live by useSession) and the turn's status. */
export function ConversationHeader({ session, status }: { session: Session | undefined; status: StreamStatus }) {
  return (
    <header className="conversation-head">
      <div className="conversation-title">
        <h2>{session ? displayTitle(session) : "…"}</h2>
        {session && <span className="muted mono small">{session.id}</span>}
      </div>
      <StatusPill status={status} />
    </header>
  );
}
