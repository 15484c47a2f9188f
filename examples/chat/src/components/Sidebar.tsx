import { useCreateSession } from "opencode-react";
import { ErrorNotice } from "./ErrorNotice";
import { Icon } from "./Icon";
import { ServerStatus } from "./ServerStatus";
import { SessionList } from "./SessionList";

interface SidebarProps {
  selectedId: string | undefined;
  onSelect: (sessionId: string | undefined) => void;
}

/** Brand, "New chat", the session list and the server's health. */
export function Sidebar({ selectedId, onSelect }: SidebarProps) {
  const create = useCreateSession({ onSuccess: (session) => onSelect(session.id) });
  return (
    <aside className="sidebar">
      <div className="sidebar-head">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            ◆
          </span>
          <span>OpenCode chat</span>
        </div>
        <button className="btn btn-primary btn-block" onClick={() => create.mutate()} disabled={create.isPending}>
          <Icon name="plus" size={15} /> New chat
        </button>
        {create.error && <ErrorNotice error={create.error} compact />}
      </div>
      <SessionList selectedId={selectedId} onSelect={onSelect} />
      <ServerStatus />
    </aside>
  );
}
