import { useCallback } from "react";
import { NotFoundError, useChat, useSession } from "opencode-react";
import { STREAM_TIMEOUTS } from "../lib/stream";
import { useStickToBottom } from "../lib/use-stick-to-bottom";
import { ChatTimeline } from "./ChatTimeline";
import { DiffView } from "./DiffView";
import { PromptComposer } from "./PromptComposer";
import { SessionActions } from "./SessionActions";
import { ConversationHeader } from "./ConversationHeader";
import { ErrorNotice } from "./ErrorNotice";
import { TodoPanel } from "./TodoPanel";

const PAGE_SIZE = 20;

interface ConversationProps {
  sessionId: string;
  onGone: () => void;
  /** Opens another session (a fork). */
  onOpen?: (id: string) => void;
}

/**
 * One session: header, the scrolling timeline, the todo panel and the composer, all from ONE
 * `useChat` (history + the message just sent + the streaming answer in one list).
 */
export function Conversation({ sessionId, onGone, onOpen = () => undefined }: ConversationProps) {
  const chat = useChat(sessionId, { ...STREAM_TIMEOUTS, pageSize: PAGE_SIZE });
  const { data: session, error } = useSession(sessionId);
  const { scrollRef, contentRef, scrollToBottom, holdPosition } = useStickToBottom<HTMLDivElement, HTMLDivElement>();
  const { send: sendChat, abort } = chat;
  const send = useCallback(
    (text: string) => {
      scrollToBottom();
      return sendChat(text);
    },
    [sendChat, scrollToBottom],
  );

  if (error instanceof NotFoundError) {
    return (
      <div className="empty">
        <ErrorNotice error={{ title: "This chat no longer exists", detail: "It was deleted, here or in another window." }}>
          <button className="btn btn-ghost" onClick={onGone}>
            Back
          </button>
        </ErrorNotice>
      </div>
    );
  }
  return (
    <section className="conversation" aria-label="Conversation">
      <ConversationHeader session={session} status={chat.status} />
      <SessionActions sessionId={sessionId} onOpen={onOpen} />
      <div className="timeline-scroll" ref={scrollRef} tabIndex={0} aria-label="Messages">
        <div className="timeline" ref={contentRef}>
          {error && <ErrorNotice error={error} />}
          <ChatTimeline sessionId={sessionId} chat={chat} pageSize={PAGE_SIZE} onSuggest={send} onLoadOlder={holdPosition} />
        </div>
      </div>
      <div className="dock">
        <TodoPanel sessionId={sessionId} liveTodos={chat.todos} />
        <DiffView sessionId={sessionId} />
        <PromptComposer sessionId={sessionId} status={chat.status} onSend={(parts, choice) => (scrollToBottom(), sendChat(parts, choice))} onStop={abort} />
      </div>
    </section>
  );
}
