/**
 * opencode-react: React hooks for the OpenCode agent server. The deliberate public surface, listed
 * one line per export in docs/api.md (a test keeps the two equal): the framework-free core
 * (`opencode-react/core`), the query keys and options (`opencode-react/query`), and the React
 * bindings below. Everything else is internal.
 * @packageDocumentation
 */
export * from "./core";
export * from "./query";

// Provider and context.
export { OpencodeProvider, useOpencodeClient, useOpencodeContext } from "./react";
export type { OpencodeProviderProps, OpencodeContextValue } from "./react";

// Hooks.
export {
  useHealth,
  useFeedStatus,
  useSessions,
  useSession,
  useSessionChildren,
  useSessionStatus,
  useSessionStatusOf,
  useMessages,
  useTodos,
  useCreateSession,
  useUpdateSession,
  useDeleteSession,
  useAbortSession,
  useSendMessage,
  useLiveCache,
  useStream,
  useReply,
  useQuestions,
  usePermissions,
  useChat,
  useChatMessage,
  useChatMessageIds,
  useProviders,
  useProviderList,
  useAgents,
  useCommands,
  useSkills,
  useConfig,
  useUpdateConfig,
  usePath,
  useProject,
  useVcs,
  useFindFiles,
  useFileContent,
  useFileStatus,
  useSessionDiff,
  useForkSession,
  useShareSession,
  useRevertMessage,
  useUnrevertSession,
  useSummarizeSession,
  useInitSession,
  useRunCommand,
  useRunShell,
  useDeleteMessage,
  useDeletePart,
} from "./react";

// Helpers for views built on the hooks.
export { isTurnActive, defaultAgent, defaultModel, listModels, mentionableAgents, primaryAgents, hideRevertedMessages } from "./react";
export type {
  OpencodeQueryOptions,
  OpencodeMutationOptions,
  UseMessagesOptions,
  UpdateSessionVariables,
  OptimisticContext,
  SendMessageVariables,
  SendMessageResult,
  StreamSendInput,
  StreamSendOptions,
  StreamWatchdog,
  UsePermissionsResult,
  UseQuestionsResult,
  UseStreamOptions,
  UseStreamResult,
  ChatHistory,
  ChatMessage,
  ChatMessageStatus,
  ChatWatchdog,
  UseChatOptions,
  UseChatResult,
  FeedState,
  UseFindFilesOptions,
  ForkVariables,
  ShareVariables,
  RevertVariables,
  ModelActionVariables,
  RunCommandVariables,
  RunShellVariables,
  DeleteMessageVariables,
  DeletePartVariables,
  ModelOption,
  RevertMarker,
} from "./react";
