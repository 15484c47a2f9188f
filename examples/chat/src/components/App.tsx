import { useHashSession } from "../lib/use-hash-session";
import { Conversation } from "./Conversation";
import { EmptyState } from "./EmptyState";
import { ErrorBoundary } from "./ErrorBoundary";
import { Sidebar } from "./Sidebar";

/** Two columns: the sessions on the left, the selected conversation on the right. */
export function App() {
  const [sessionId, select] = useHashSession();
  return (
    <div className="app">
      <Sidebar selectedId={sessionId} onSelect={select} />
      <main className="main">
        {/* Keyed: a new session gets a fresh stream, scroll position, composer and boundary. */}
        <ErrorBoundary key={sessionId}>
          {sessionId === undefined ? <EmptyState onCreated={select} /> : <Conversation sessionId={sessionId} onGone={() => select(undefined)} onOpen={select} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
