import { useState } from "react";
import { useDeleteSession, useSessionStatusOf } from "opencode-react";
import { formatRelative } from "../lib/format";
import { displayTitle, type Session } from "../lib/session";
import { Icon } from "./Icon";
import { RenameForm } from "./RenameForm";

interface SessionItemProps {
  session: Session;
  selected: boolean;
  onSelect: () => void;
  onDeleted: () => void;
}

/** One row: title and age, a busy dot, and rename / delete (with an inline confirmation). */
export function SessionItem({ session, selected, onSelect, onDeleted }: SessionItemProps) {
  const [mode, setMode] = useState<"view" | "rename" | "confirm-delete">("view");
  const status = useSessionStatusOf(session.id);
  const remove = useDeleteSession();
  const title = displayTitle(session);

  if (mode === "rename") {
    return (
      <li className="session-item editing">
        <RenameForm session={session} onDone={() => setMode("view")} />
      </li>
    );
  }
  return (
    <li className={`session-item${selected ? " selected" : ""}`}>
      <button className="session-main" onClick={onSelect} aria-current={selected ? "page" : undefined}>
        <span className="session-title" title={title}>
          {status.type !== "idle" && <span className="dot dot-busy" title={status.type} aria-label="busy" />}
          {title}
        </span>
        <span className="session-age">{formatRelative(session.time.updated)}</span>
      </button>
      {mode === "confirm-delete" ? (
        <span className="session-actions confirm">
          <button
            className="btn btn-danger btn-xs"
            onClick={() => {
              // The hook removes the row at once and puts it back if the server refuses.
              remove.mutate(session.id);
              onDeleted();
            }}
          >
            Delete
          </button>
          <button className="btn btn-ghost btn-xs" onClick={() => setMode("view")}>
            Cancel
          </button>
        </span>
      ) : (
        <span className="session-actions">
          <button className="icon-btn" title="Rename" aria-label={`Rename ${title}`} onClick={() => setMode("rename")}>
            <Icon name="edit" size={14} />
          </button>
          <button className="icon-btn" title="Delete" aria-label={`Delete ${title}`} onClick={() => setMode("confirm-delete")}>
            <Icon name="trash" size={14} />
          </button>
        </span>
      )}
    </li>
  );
}
