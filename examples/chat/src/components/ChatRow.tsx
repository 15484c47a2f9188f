import { memo } from "react";
import { useChatMessage, type ChatMessage } from "opencode-react";
import { ErrorNotice } from "./ErrorNotice";
import { PartList } from "./PartList";
import { StoppedChip } from "./StoppedChip";
import { TurnUsage } from "./TurnUsage";

/** The text the user typed (synthetic parts, e.g. file contents the server added, left out). */
function typedText(message: ChatMessage): string {
  return message.parts.flatMap((part) => (part.type === "text" && part.raw?.synthetic !== true ? [part.text] : [])).join("\n\n");
}

/**
 * One message of the chat. Memoised on the message object, which `useChat` keeps while the
 * message does not change: past messages never re-render while the next answer streams.
 */
export const ChatRow = memo(function ChatRow({ message, endsTurn, onResend }: { message: ChatMessage; endsTurn: boolean; onResend: (id: string) => void }) {
  if (message.role === "user") {
    return (
      <div className="row row-user" data-testid="user-message" data-status={message.status}>
        <div className="bubble">{typedText(message) || <span className="muted">(no text)</span>}</div>
        {message.status === "error" && message.error && (
          <ErrorNotice error={message.error} compact>
            <button className="btn btn-ghost" onClick={() => onResend(message.id)}>Retry</button>
          </ErrorNotice>
        )}
      </div>
    );
  }
  const info = message.info.role === "assistant" ? message.info : undefined;
  return (
    <div className="row row-assistant" data-testid="assistant-message" data-status={message.status}>
      <PartList parts={message.parts} streaming={message.status === "streaming"} />
      {message.status === "aborted" && <StoppedChip />}
      {message.status === "error" && message.error && <ErrorNotice error={message.error} />}
      {endsTurn && info && info.time.completed !== undefined && (info.tokens.input > 0 || info.tokens.output > 0) && <TurnUsage cost={info.cost} tokens={info.tokens} />}
    </div>
  );
});

/**
 * The row of one message id: reads its message (and the next one's role, for the turn's end
 * mark) itself, so a streaming answer re-renders its own row and no other.
 */
export const ChatRowById = memo(function ChatRowById({ sessionId, pageSize, id, nextId, onResend }: { sessionId: string; pageSize?: number; id: string; nextId?: string; onResend: (id: string) => void }) {
  const message = useChatMessage(sessionId, id, { pageSize });
  const next = useChatMessage(sessionId, nextId ?? "", { pageSize });
  if (message === undefined) return null;
  return <ChatRow message={message} endsTurn={message.role === "assistant" && next?.role !== "assistant"} onResend={onResend} />;
});
