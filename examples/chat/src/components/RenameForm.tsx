import { useRef, useState } from "react";
import { useUpdateSession } from "opencode-react";
import type { Session } from "../lib/session";

/** Inline title editor: Enter saves (optimistically, rolled back on failure), Escape cancels. */
export function RenameForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const [draft, setDraft] = useState(session.title);
  const update = useUpdateSession();
  // Enter, Escape and the blur that follows must act once.
  const finished = useRef(false);
  const finish = (commit: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const title = draft.trim();
    if (commit && title !== "" && title !== session.title) update.mutate({ sessionId: session.id, title });
    onDone();
  };
  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        finish(true);
      }}
    >
      <input
        autoFocus
        aria-label="Session title"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && finish(false)}
        onBlur={() => finish(true)}
      />
    </form>
  );
}
