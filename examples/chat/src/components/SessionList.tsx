import { useSessions } from "opencode-react";
import { ErrorNotice } from "./ErrorNotice";
import { SessionItem } from "./SessionItem";

interface SessionListProps {
  selectedId: string | undefined;
  onSelect: (sessionId: string | undefined) => void;
}

/** Root sessions, newest first; the hook keeps the list live (created, renamed, deleted anywhere). */
export function SessionList({ selectedId, onSelect }: SessionListProps) {
  const { data: sessions, error, isPending } = useSessions({ roots: true });
  return (
    <nav className="session-list" aria-label="Sessions">
      {isPending && <p className="muted pad">Loading sessions…</p>}
      {error && <ErrorNotice error={error} compact />}
      {sessions?.length === 0 && <p className="muted pad">No chats yet.</p>}
      <ul>
        {sessions?.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            selected={session.id === selectedId}
            onSelect={() => onSelect(session.id)}
            onDeleted={() => session.id === selectedId && onSelect(undefined)}
          />
        ))}
      </ul>
    </nav>
  );
}
