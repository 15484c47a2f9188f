import type { UseChatResult } from "opencode-react";
import { ChatPrompts } from "./ChatPrompts";
import { MessageList } from "./MessageList";
import { WatchdogNotice } from "./WatchdogNotice";

/**
 * The whole conversation from `useChat`: the message list (history, the message just sent, the
 * streaming answer; older pages loaded when the top comes into view), the turn's notices and
 * prompts. `chat` changes on every streamed frame; the list below does not re-render for it: it
 * lists ids and each row subscribes to its own message, so a delta re-renders one row however
 * long the chat is.
 */
export function ChatTimeline({ sessionId, chat, pageSize, onSuggest, onLoadOlder }: { sessionId: string; chat: UseChatResult; pageSize?: number; onSuggest: (text: string) => Promise<void>; onLoadOlder: () => void }) {
  return (
    <>
      <MessageList sessionId={sessionId} pageSize={pageSize} status={chat.status} error={chat.error} history={chat.history} resend={chat.resend} onSuggest={onSuggest} onLoadOlder={onLoadOlder} />
      <WatchdogNotice status={chat.status} watchdog={chat.watchdog} />
      <ChatPrompts chat={chat} />
    </>
  );
}
