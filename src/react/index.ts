/**
 * opencode-react/react: the React bindings. Provider and context, the query key factory and
 * `queryOptions` helpers, query and mutation hooks, and the live cache that patches TanStack
 * Query caches from the event feed (with its framework-free patchers).
 * @packageDocumentation
 */
export { OpencodeProvider } from "./provider";
export type { OpencodeProviderProps } from "./provider";
export { OpencodeContext, useOpencodeClient, useOpencodeContext } from "./context";
export type { OpencodeContextValue } from "./context";

export { opencodeKeys, scopeOf } from "../query/keys";
export type { OpencodeScope, ScopeSource } from "../query/keys";
export {
  healthQueryOptions,
  sessionsQueryOptions,
  sessionQueryOptions,
  sessionChildrenQueryOptions,
  sessionStatusQueryOptions,
  todosQueryOptions,
  questionsQueryOptions,
  permissionsQueryOptions,
  retryUnlessClientError,
  LIVE_STALE_TIME,
} from "../query/query-options";
export { messagesInfiniteQueryOptions, DEFAULT_MESSAGE_PAGE_SIZE } from "../query/messages-query-options";
export type { MessagesPaging } from "../query/messages-query-options";
export type { OpencodeQueryOptions, OpencodeMutationOptions } from "./hook-options";

export { useHealth } from "./use-health";
export { useFeedStatus } from "./use-feed-status";
export type { FeedState } from "./use-feed-status";
export { useSessions, useSession, useSessionChildren } from "./use-sessions";
export { useSessionStatus, useSessionStatusOf } from "./use-session-status";
export { useMessages } from "./use-messages";
export type { UseMessagesOptions } from "./use-messages";
export { useTodos } from "./use-todos";

export { useCreateSession } from "./use-create-session";
export { useUpdateSession } from "./use-update-session";
export type { UpdateSessionVariables, OptimisticContext } from "./use-update-session";
export { useDeleteSession } from "./use-delete-session";
export { useAbortSession } from "./use-abort-session";
export { useSendMessage } from "./use-send-message";
export type { SendMessageVariables, SendMessageResult } from "./use-send-message";

export { useLiveCache } from "./use-live-cache";
export { attachLiveCache, holdLiveCache, invalidateLiveQueries, liveCacheHolders } from "./live-cache";
export { applyEventToCache } from "./cache/apply-event";

export {
  flattenMessagePages,
  findMessage,
  newestMessageId,
  removeMessage,
  updateMessageAt,
  upsertMessage,
  upsertMessageInfo,
} from "./cache/message-pages";
export type { MessageLocation, MessagePages } from "./cache/message-pages";
export { appendPartDelta, patchMessagePages, removeMessagePart, upsertMessagePart } from "./cache/message-parts";
export { matchesSessionFilters, removeSession, upsertSession } from "./cache/sessions";
export { applySessionPatch } from "./cache/session-patch";
export { IDLE_STATUS, sessionStatusOf, setSessionStatus } from "./cache/status";
export { removePendingRequest, upsertPendingRequest } from "./cache/requests";
export { ascendingId } from "./cache/ascending-id";
export { buildOptimisticMessage, identifyPrompt, isOptimisticMessage } from "./cache/optimistic-message";
export type { IdentifiedPrompt } from "./cache/optimistic-message";
export * from "./stream";

export { useProviders, useProviderList, useAgents, useCommands, useSkills, useConfig, usePath, useProject, useVcs } from "./use-catalog";
export { useUpdateConfig } from "./use-update-config";
export { useFindFiles, useFileContent, useFileStatus, useSessionDiff } from "./use-files";
export type { UseFindFilesOptions } from "./use-files";
export {
  actionModel,
  useForkSession,
  useShareSession,
  useRevertMessage,
  useUnrevertSession,
  useSummarizeSession,
  useInitSession,
  useRunCommand,
  useRunShell,
} from "./use-session-actions";
export type { ForkVariables, ShareVariables, RevertVariables, ModelActionVariables, RunCommandVariables, RunShellVariables } from "./use-session-actions";
export { useDeleteMessage, useDeletePart } from "./use-message-deletions";
export type { DeleteMessageVariables, DeletePartVariables } from "./use-message-deletions";
export { defaultAgent, defaultModel, listModels, mentionableAgents, primaryAgents } from "./catalog-select";
export type { ModelOption } from "./catalog-select";
export { hideRevertedMessages, isReverted } from "./revert-filter";
export type { RevertMarker } from "./revert-filter";
export { hideRevertedPages } from "./revert-pages";
export { applyCatalogEvent } from "./cache/apply-catalog-event";
export * from "./chat";
