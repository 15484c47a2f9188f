/** The chat hooks: `useChat` (a whole conversation) and `useChatMessage` (one message of it). */
export { useChat } from "./use-chat";
export { useChatMessage } from "./use-chat-message";
export { isTurnActive } from "./live-turn";
export type { ChatHistory, ChatMessage, ChatMessageStatus, ChatWatchdog, UseChatOptions, UseChatResult } from "./types";
