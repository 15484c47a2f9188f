import { useCallback, useEffect, useRef } from "react";
import { isTurnActive, type UseChatResult } from "opencode-react";
import { ChatPrompts } from "./ChatPrompts";
import { ChatRow } from "./ChatRow";
import { ErrorNotice } from "./ErrorNotice";
import { Suggestions } from "./Suggestions";
import { WatchdogNotice } from "./WatchdogNotice";

/**
 * The whole conversation from `useChat`: one list (history, the message just sent, the streaming
 * answer), older pages loaded when the top comes into view, the turn's notices and prompts.
 */
export function ChatTimeline({ chat, onSuggest, onLoadOlder }: { chat: UseChatResult; onSuggest: (text: string) => Promise<void>; onLoadOlder: () => void }) {
  const { messages, history, status, resend: resendMessage } = chat;
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
  const waiting = isTurnActive(status) && messages.at(-1)?.role !== "assistant" && status !== "awaiting-input";
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
      {!history.isLoading && messages.length === 0 && <Suggestions onPick={onSuggest} />}
      {messages.map((message, i) => (
        <ChatRow key={message.id} message={message} endsTurn={message.role === "assistant" && messages[i + 1]?.role !== "assistant"} onResend={resend} />
      ))}
      {waiting && (
        <div className="row row-assistant live" data-testid="live-turn" data-status={status}>
          <div className="thinking" aria-live="polite">{status === "connecting" ? "Connecting…" : "Thinking…"}</div>
        </div>
      )}
      <WatchdogNotice status={status} watchdog={chat.watchdog} />
      {chat.error && messages.at(-1)?.status !== "error" && <ErrorNotice error={chat.error} />}
      <ChatPrompts chat={chat} />
    </>
  );
}
