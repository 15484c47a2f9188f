/**
 * The small chat component docs/testing.md tests in its recipes (Vitest, fake timers, MSW, Jest):
 * a status, the reply's text, a pending permission's buttons and a send box.
 */
import { useStream } from "../../src/react/stream";

/** Status, reply text, permission buttons, send button: what the recipes click and read. */
export function Chat({ sessionId }: { sessionId: string }) {
  const { status, text, permissions, send } = useStream(sessionId, { throttleMs: 0 });
  return (
    <div>
      <p data-testid="status">{status}</p>
      <p data-testid="reply">{text}</p>
      {permissions.map((p) => (
        <p key={p.id}>Allow {p.patterns.join(" ")}?</p>
      ))}
      <button onClick={() => void send("hello")}>Send</button>
    </div>
  );
}
