import { memo, useCallback, useEffect, useRef } from "react";
import { isTurnActive, useChatMessage, useChatMessageIds, type ChatHistory, type UseChatResult } from "opencode-react";
import { useIdBlocks } from "../lib/id-blocks";
import { ChatRowById } from "./ChatRow";
import { ErrorNotice } from "./ErrorNotice";
import { Suggestions } from "./Suggestions";

interface MessageListProps {
  sessionId: string;
  pageSize?: number;
  status: UseChatResult["status"];
  error: Error | null;
  history: ChatHistory;
  resend: UseChatResult["resend"];
  onSuggest: (text: string) => Promise<void>;
  onLoadOlder: () => void;
}

/** A block of rows; re-renders only when its ids (or the id after it) change. */
const RowBlock = memo(function RowBlock({ sessionId, pageSize, ids, after, onResend }: { sessionId: string; pageSize?: number; ids: readonly string[]; after?: string; onResend: (id: string) => void }) {
  return ids.map((id, i) => <ChatRowById key={id} sessionId={sessionId} pageSize={pageSize} id={id} nextId={ids[i + 1] ?? after} onResend={onResend} />);
});

/** After the last message: "Thinking…" until the answer starts, the turn's error unless the message shows it. */
function TurnTail({ sessionId, pageSize, lastId, status, error }: { sessionId: string; pageSize?: number; lastId?: string; status: UseChatResult["status"]; error: Error | null }) {
  const last = useChatMessage(sessionId, lastId ?? "", { pageSize });
  const waiting = isTurnActive(status) && last?.role !== "assistant" && status !== "awaiting-input";
  return (
    <>
      {waiting && (
        <div className="row row-assistant live" data-testid="live-turn" data-status={status}>
          <div className="thinking" aria-live="polite">{status === "connecting" ? "Connecting…" : "Thinking…"}</div>
        </div>
      )}
      {error && last?.status !== "error" && <ErrorNotice error={error} />}
    </>
  );
}

/**
 * The messages, as ids (`useChatMessageIds`: a new list only when a message is added, removed or
 * moved) in memoised blocks of rows that read their own message (`useChatMessage`).
 */
export const MessageList = memo(function MessageList({ sessionId, pageSize, status, error, history, resend: resendMessage, onSuggest, onLoadOlder }: MessageListProps) {
  const ids = useChatMessageIds(sessionId, { pageSize });
  const blocks = useIdBlocks(ids);
  const resend = useCallback((id: string) => void resendMessage(id), [resendMessage]);
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = top.current;
    if (sentinel === null || !history.hasOlder || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && !history.isLoadingOlder) {
        onLoadOlder();
        void history.loadOlder();
      }
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [history, onLoadOlder]);
  return (
    <>
      <div ref={top}>
        {history.hasOlder && (
          <button className="btn btn-ghost load-older" onClick={() => (onLoadOlder(), void history.loadOlder())} disabled={history.isLoadingOlder}>
            {history.isLoadingOlder ? "Loading…" : "Load older messages"}
          </button>
        )}
      </div>
      {history.error && <ErrorNotice error={history.error} />}
      {history.isLoading && <p className="muted center">Loading messages…</p>}
      {!history.isLoading && ids.length === 0 && <Suggestions onPick={onSuggest} />}
      {blocks.map((block, n) => (
        <RowBlock key={block[0]} sessionId={sessionId} pageSize={pageSize} ids={block} after={blocks[n + 1]?.[0]} onResend={resend} />
      ))}
      <TurnTail sessionId={sessionId} pageSize={pageSize} lastId={ids.at(-1)} status={status} error={error} />
    </>
  );
});
