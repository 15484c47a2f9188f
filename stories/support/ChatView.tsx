import { useCallback } from "react";
import { useChat, useSession, type UseChatOptions } from "opencode-react";
import { ChatTimeline } from "../../examples/chat/src/components/ChatTimeline";
import { Composer } from "../../examples/chat/src/components/Composer";
import { ConversationHeader } from "../../examples/chat/src/components/ConversationHeader";
import { TodoPanel } from "../../examples/chat/src/components/TodoPanel";
import { DeadlineNotice } from "./DeadlineNotice";
import { FeedNotice } from "./FeedNotice";
import { RetryNotice } from "./RetryNotice";

interface ChatViewProps {
  sessionId: string;
  /** Watchdog settings of the session's chat (the demo's Conversation hard-codes its own). */
  streamOptions?: UseChatOptions;
  /** Silence before "Still thinking…" shows, in ms. */
  stillThinkingAfterMs?: number;
}

const noop = () => undefined;

/**
 * The ONE chat view every story renders: the demo's conversation (header, the one list of
 * useChat, pending prompts, todos, composer) built from its components, minus the page chrome,
 * plus the feed and retry notices. Its own `useChat` so a story can pick the watchdog timeouts.
 */
export function ChatView({ sessionId, streamOptions, stillThinkingAfterMs = 5_000 }: ChatViewProps) {
  const chat = useChat(sessionId, streamOptions);
  const { data: session } = useSession(sessionId);
  const { send: sendChat, abort } = chat;
  const send = useCallback((text: string) => sendChat(text), [sendChat]);
  return (
    <section className="conversation" aria-label="Conversation" style={{ height: "100vh" }}>
      <ConversationHeader session={session} status={chat.status} />
      <FeedNotice />
      <div className="timeline-scroll" tabIndex={0} aria-label="Messages">
        <div className="timeline">
          <ChatTimeline sessionId={sessionId} chat={chat} pageSize={streamOptions?.pageSize} onSuggest={send} onLoadOlder={noop} />
          <DeadlineNotice status={chat.status} watchdog={chat.watchdog} windowMs={chat.watchdog.firstEventMs} afterMs={stillThinkingAfterMs} />
          <RetryNotice sessionId={sessionId} />
        </div>
      </div>
      <div className="dock">
        <TodoPanel sessionId={sessionId} liveTodos={chat.todos} />
        <Composer status={chat.status} onSend={send} onStop={abort} />
      </div>
    </section>
  );
}
