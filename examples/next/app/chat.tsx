"use client";
/** The chat: the (hydrated) session list and history, and a reply streamed with useStream. */
import { useState } from "react";
import { flattenMessagePages, useMessages, useSessions, useStream } from "opencode-react";

export function Chat({ sessionId }: { sessionId: string }) {
  const { data: sessions = [] } = useSessions();
  const { data } = useMessages(sessionId);
  const stream = useStream(sessionId);
  const [draft, setDraft] = useState("");
  const history = flattenMessagePages(data);
  return (
    <section>
      <ul aria-label="sessions">
        {sessions.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ul>
      <p data-testid="history">{history.length} messages</p>
      <p data-testid="status">{stream.status}</p>
      <p data-testid="reply">{stream.text}</p>
      {stream.error && <p role="alert">{stream.error.message}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void stream.send(draft).catch(() => undefined);
          setDraft("");
        }}
      >
        <input aria-label="message" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}
