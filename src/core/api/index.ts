import type { Requester } from "../http/request";
import { createHealthApi, type HealthApi } from "./health";
import { createMessagesApi, type MessagesApi } from "./messages";
import { createPermissionsApi, type PermissionsApi } from "./permissions";
import { createQuestionsApi, type QuestionsApi } from "./questions";
import { createSessionsApi, type SessionsApi } from "./sessions";
import { createCatalogApi, type CatalogApi } from "./catalog";
import { createFilesApi, type FilesApi } from "./files";
import { createMessageActionsApi, type MessageActionsApi } from "./message-actions";
import { createConfigApi, createProjectApi, type ConfigApi, type ProjectApi } from "./project";
import { createRawRequestApi, type RawRequestApi } from "./raw-request";
import { createSessionActionsApi, type SessionActionsApi } from "./session-actions";
import { createFileResolver } from "./file-resolution";

export type { HealthApi, HealthInfo } from "./health";
export type { MessageListOptions, MessagePage, MessagesApi } from "./messages";
export type { PromptModel, SessionModel } from "./model";
export { toPromptModel, toSessionModel } from "./model";
export type { PermissionReply, PermissionsApi } from "./permissions";
export type { PromptBody, PromptInput } from "./prompt-body";
export { toPromptBody } from "./prompt-body";
export type { QuestionsApi } from "./questions";
export type { SessionCreateInput, SessionListFilters, SessionsApi, SessionUpdatePatch } from "./sessions";
export type { CallOptions, MessageWithParts, PartInput, PromptResult } from "./types";
export { createHealthApi, createMessagesApi, createPermissionsApi, createQuestionsApi, createSessionsApi };
export type { CatalogApi, ConfiguredProviders, ProviderCatalog, Skill } from "./catalog";
export type { FilesApi, FindFilesOptions, TextMatch } from "./files";
export type { MessageActionsApi } from "./message-actions";
export type { ConfigApi, ProjectApi } from "./project";
export type { RawRequestApi, RawRequestOptions, RawResponse, SdkPath } from "./raw-request";
export type { SdkRoutes } from "./sdk-routes";
export type { CommandInput, SessionActionsApi, ShellInput } from "./session-actions";
export { fillPath } from "./raw-request";
export { modelString } from "./session-actions";
export type { FilePartOptions } from "./mention-parts";
export { agentPart, filePart, resolveFileParts } from "./mention-parts";
export { createCatalogApi, createConfigApi, createFilesApi, createMessageActionsApi, createProjectApi, createRawRequestApi, createSessionActionsApi };

/**
 * Every endpoint the client exposes, grouped by resource.
 * @example
 * const api: OpencodeApi = createOpencodeClient({ directory: "/repo" });
 * const roots = await api.sessions.list({ roots: true });
 */
export interface OpencodeApi {
  /** `GET /global/health`; see {@link HealthApi.health}. */
  health: HealthApi["health"];
  sessions: SessionsApi & SessionActionsApi;
  messages: MessagesApi & MessageActionsApi;
  questions: QuestionsApi;
  permissions: PermissionsApi;
  /** Providers and models, agents, slash commands, skills. */
  catalog: CatalogApi;
  /** The merged configuration (`GET`/`PATCH /config`). */
  config: ConfigApi;
  /** The project of the directory: paths, VCS branch, project record. */
  project: ProjectApi;
  /** File search (@-mentions), listing, content and git status. */
  files: FilesApi;
  /** Any other route, typed by the SDK's route table; see {@link RawRequestApi.request}. */
  request: RawRequestApi["request"];
}

/**
 * One method per endpoint, on top of a requester.
 * @example
 * const api = createApi(createRequester(resolveConfig({ directory: "/repo" })));
 * const session = await api.sessions.create({ title: "Chat" });
 * await api.messages.sendAsync(session.id, { text: "hello" });
 */
export function createApi(requester: Requester): OpencodeApi {
  const messages = createMessagesApi(requester);
  const actions = createSessionActionsApi(requester);
  const withFiles = createFileResolver(requester);
  return {
    health: createHealthApi(requester).health,
    sessions: {
      ...createSessionsApi(requester),
      ...actions,
      command: async (id, input, options) => actions.command(id, await withFiles(input, options), options),
    },
    messages: {
      ...messages,
      ...createMessageActionsApi(requester),
      send: async (id, input, options) => messages.send(id, await withFiles(input, options), options),
      sendAsync: async (id, input, options) => messages.sendAsync(id, await withFiles(input, options), options),
    },
    questions: createQuestionsApi(requester),
    permissions: createPermissionsApi(requester),
    catalog: createCatalogApi(requester),
    config: createConfigApi(requester),
    project: createProjectApi(requester),
    files: createFilesApi(requester),
    request: createRawRequestApi(requester).request,
  };
}
