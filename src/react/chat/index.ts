/**
 * The chat hooks: `useChat` (a whole conversation), `useChatMessage` (one message of it) and
 * `useChatMessageIds` (the list's ids, for a big screen of self-subscribed rows).
 */
export { useChat } from "./use-chat";
export { useChatMessage } from "./use-chat-message";
export { useChatMessageIds } from "./use-chat-message-ids";
export { isTurnActive } from "./live-turn";
export type { ChatHistory, ChatMessage, ChatMessageStatus, ChatWatchdog, UseChatOptions, UseChatResult } from "./types";
