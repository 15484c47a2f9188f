import { useCallback, useState } from "react";
import { useSession, useStream, type UseStreamOptions } from "opencode-react";
import { Composer } from "../../examples/chat/src/components/Composer";
import { ConversationHeader } from "../../examples/chat/src/components/ConversationHeader";
import { Timeline } from "../../examples/chat/src/components/Timeline";
import { TodoPanel } from "../../examples/chat/src/components/TodoPanel";
import { DeadlineNotice } from "./DeadlineNotice";
import { FeedNotice } from "./FeedNotice";
import { RetryNotice } from "./RetryNotice";

/** useStream's default first-event window (README: 120 s). */
const DEFAULT_FIRST_EVENT_MS = 120_000;

interface ChatViewProps {
  sessionId: string;
  /** Watchdog settings of the session's stream (the demo's Conversation hard-codes its own). */
  streamOptions?: UseStreamOptions;
  /** Silence before "Still thinking…" shows, in ms. */
  stillThinkingAfterMs?: number;
}

/**
 * The ONE chat view every story renders: the demo's conversation (header, timeline with history
 * and the live turn, pending prompts, todos, composer) built from its components on the public
 * hooks, minus the page chrome, plus the feed and retry notices. Its own `useStream` so a story
 * can pick the watchdog timeouts. Switching the stories to `useChat` means changing this file.
 */
export function ChatView({ sessionId, streamOptions, stillThinkingAfterMs = 5_000 }: ChatViewProps) {
  const stream = useStream(sessionId, streamOptions);
  const { data: session } = useSession(sessionId);
  const [stopped, setStopped] = useState(false);
  const send = useCallback(
    (text: string) => {
      setStopped(false);
      return stream.send(text);
    },
    [stream],
  );
  const stop = useCallback(() => {
    setStopped(true);
    return stream.abort();
  }, [stream]);
  return (
    <section className="conversation" aria-label="Conversation" style={{ height: "100vh" }}>
      <ConversationHeader session={session} status={stream.status} />
      <FeedNotice />
      <div className="timeline-scroll">
        <div className="timeline">
          <Timeline sessionId={sessionId} stream={stream} stopped={stopped} onSuggest={send} onLoadOlder={() => {}} />
          <DeadlineNotice
            status={stream.status}
            watchdog={stream.watchdog}
            windowMs={streamOptions?.firstEventTimeoutMs ?? DEFAULT_FIRST_EVENT_MS}
            afterMs={stillThinkingAfterMs}
          />
          <RetryNotice sessionId={sessionId} />
        </div>
      </div>
      <div className="dock">
        <TodoPanel sessionId={sessionId} liveTodos={stream.todos} />
        <Composer status={stream.status} onSend={send} onStop={stop} />
      </div>
    </section>
  );
}
