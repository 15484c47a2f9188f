/**
 * opencode-react/core: the framework-free client (no React import anywhere under src/core).
 * @packageDocumentation
 */
export { createOpencodeClient } from "./client";
export type { OpencodeClient, OpencodeClientInfo } from "./client";
export { resolveConfig, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from "./config";
export type { OpencodeClientConfig, EventFeedOptions, RequestInstrumentation, ResolvedConfig } from "./config";
export * from "./errors";
export { toPromptBody, toPromptModel, toSessionModel } from "./api";
export { agentPart, filePart, fillPath, modelString, resolveFileParts } from "./api";
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
  PromptBody,
  PromptInput,
  PromptModel,
  PromptResult,
  SessionCreateInput,
  SessionListFilters,
  SessionModel,
  SessionUpdatePatch,
} from "./api";
export { createEventHub } from "./events/hub";
export { createServerFeed } from "./events/server-feed";
export type { ServerFeed, ServerFeedOptions } from "./events/server-feed";
export { FeedNotReadyError } from "./events/feed-errors";
export { promptWhenReady } from "./events/prompt-when-ready";
export type { PromptHandle, PromptWhenReadyOptions } from "./events/prompt-when-ready";
export { createSseParser } from "./events/sse-parser";
export type { SseParser, SseParserHandlers } from "./events/sse-parser";
export { decodeEvent } from "./events/decode-event";
export { sessionIdOf, isServerEvent, isMeaningfulEvent } from "./events/route";
export type {
  EventHub,
  EventListener,
  FeedStatus,
  FeedTransport,
  LiveEventHub,
  OpencodeEvent,
  ReconnectInfo,
  ServerHeartbeatEvent,
  SubscribeOptions,
  WireEvent,
} from "./events/types";
export * from "./reply";
