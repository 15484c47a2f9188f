import { useCreateSession } from "opencode-react";
import { ErrorNotice } from "./ErrorNotice";

/** Shown when no session is selected. */
export function EmptyState({ onCreated }: { onCreated: (sessionId: string) => void }) {
  const create = useCreateSession({ onSuccess: (session) => onCreated(session.id) });
  return (
    <div className="empty">
      <div className="empty-card">
        <div className="empty-logo" aria-hidden>
          ◆
        </div>
        <h1>OpenCode chat</h1>
        <p>Pick a session on the left, or start a new one. Replies stream live from the OpenCode server.</p>
        <button className="btn btn-primary" onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Start a new chat"}
        </button>
        {create.error && <ErrorNotice error={create.error} />}
      </div>
    </div>
  );
}
