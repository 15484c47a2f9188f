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
} from "./react";
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
} from "./react";
