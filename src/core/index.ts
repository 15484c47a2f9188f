/**
 * opencode-react/core: the framework-free client (HTTP + the shared event feed), the reply store
 * and the typed errors. No React import anywhere under src/core. docs/api.md lists every export.
 * @packageDocumentation
 */
// Client and its configuration.
export { createOpencodeClient } from "./client";
export type { OpencodeClient, OpencodeClientInfo } from "./client";
export type { OpencodeClientConfig, EventFeedOptions, RequestInstrumentation } from "./config";
export { agentPart, filePart } from "./api";
export type {
  CatalogApi,
  CommandInput,
  ConfigApi,
  ConfiguredProviders,
  FilePartOptions,
  FilesApi,
  FindFilesOptions,
  MessageActionsApi,
  ProjectApi,
  ProviderCatalog,
  RawRequestApi,
  RawRequestOptions,
  RawResponse,
  SdkPath,
  SdkRoutes,
  SessionActionsApi,
  ShellInput,
  Skill,
  TextMatch,
} from "./api";
export type {
  OpencodeApi,
  CallOptions,
  HealthInfo,
  MessageListOptions,
  MessagePage,
  MessageWithParts,
  PartInput,
  PermissionReply,
  PromptInput,
  PromptModel,
  PromptResult,
  SessionCreateInput,
  SessionListFilters,
  SessionModel,
  SessionUpdatePatch,
} from "./api";

// The event feed (client.events, client.prompt).
export type { PromptHandle, PromptWhenReadyOptions } from "./events/prompt-when-ready";
export type { EventHub, EventListener, FeedStatus, FeedTransport, LiveEventHub, OpencodeEvent, ReconnectInfo, SubscribeOptions, WireEvent } from "./events/types";

// Errors.
export {
  OpencodeError,
  BadRequestError,
  UnauthorizedError,
  NotFoundError,
  SessionNotFoundError,
  ConflictError,
  ServerError,
  InvalidResponseError,
  UnsupportedServerError,
  ConnectionError,
  TimeoutError,
  StaleSessionError,
  IdleStreamError,
  FrameTooLargeError,
  MalformedEventError,
  SessionError,
  isOpencodeError,
} from "./errors";
export { FeedNotReadyError } from "./events/feed-errors";
export type { OpencodeErrorCode, OpencodeErrorOptions } from "./errors";

// The reply store: one session's in-flight turn as a zustand vanilla store.
export { createReplyStore, distill } from "./reply";
export type {
  DistillSource,
  DistilledReply,
  PartLookup,
  PendingPermission,
  PendingQuestion,
  QuestionLink,
  ReplyFinishInfo,
  ReplyMessageInfo,
  ReplyOtherPart,
  ReplyOtherPartType,
  ReplyPart,
  ReplyPartBase,
  ReplyReasoningPart,
  ReplySessionStatus,
  ReplyState,
  ReplyStatus,
  ReplyStoreOptions,
  ReplyStoreState,
  ReplyTextPart,
  ReplyToolPart,
  ReplyToolStatus,
  ReplyWatchdog,
  ResolvedPrompt,
  ThrottleOption,
  Todo,
  TokenTotals,
  Totals,
  TurnEndedBy,
  TurnPhase,
} from "./reply";
