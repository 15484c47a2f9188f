import { useCallback, useState } from "react";
import { NotFoundError, useSession, useStream } from "opencode-react";
import { STREAM_TIMEOUTS } from "../lib/stream";
import { useStickToBottom } from "../lib/use-stick-to-bottom";
import { DiffView } from "./DiffView";
import { PromptComposer } from "./PromptComposer";
import { SessionActions } from "./SessionActions";
import { ConversationHeader } from "./ConversationHeader";
import { ErrorNotice } from "./ErrorNotice";
import { Timeline } from "./Timeline";
import { TodoPanel } from "./TodoPanel";

interface ConversationProps {
  sessionId: string;
  onGone: () => void;
  /** Opens another session (a fork). */
  onOpen?: (id: string) => void;
}

/**
 * One session: header, the scrolling timeline (history + the live turn + pending prompts), the
 * todo panel and the composer. The ONE `useStream` of the session lives here and is passed down,
 * so the composer and the live turn see the same turn.
 */
export function Conversation({ sessionId, onGone, onOpen = () => undefined }: ConversationProps) {
  const stream = useStream(sessionId, STREAM_TIMEOUTS);
  const { data: session, error } = useSession(sessionId);
  const { scrollRef, contentRef, scrollToBottom, holdPosition } = useStickToBottom<HTMLDivElement, HTMLDivElement>();
  const [stopped, setStopped] = useState(false);
  const send = useCallback(
    (text: string) => {
      setStopped(false);
      scrollToBottom();
      return stream.send(text);
    },
    [stream, scrollToBottom],
  );
  const stop = useCallback(() => {
    setStopped(true);
    return stream.abort();
  }, [stream]);

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
      <ConversationHeader session={session} status={stream.status} />
      <SessionActions sessionId={sessionId} onOpen={onOpen} />
      <div className="timeline-scroll" ref={scrollRef}>
        <div className="timeline" ref={contentRef}>
          {error && <ErrorNotice error={error} />}
          <Timeline sessionId={sessionId} stream={stream} stopped={stopped} onSuggest={send} onLoadOlder={holdPosition} />
        </div>
      </div>
      <div className="dock">
        <TodoPanel sessionId={sessionId} liveTodos={stream.todos} />
        <DiffView sessionId={sessionId} />
        <PromptComposer sessionId={sessionId} status={stream.status} onSend={(parts, choice) => (setStopped(false), scrollToBottom(), stream.send(parts, choice))} onStop={stop} />
      </div>
    </section>
  );
}
