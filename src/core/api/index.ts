import type { Requester } from "../http/request";
import { createHealthApi, type HealthApi } from "./health";
import { createMessagesApi, type MessagesApi } from "./messages";
import { createPermissionsApi, type PermissionsApi } from "./permissions";
import { createQuestionsApi, type QuestionsApi } from "./questions";
import { createSessionsApi, type SessionsApi } from "./sessions";

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

/**
 * Every endpoint the client exposes, grouped by resource.
 * @example
 * const api: OpencodeApi = createOpencodeClient({ directory: "/repo" });
 * const roots = await api.sessions.list({ roots: true });
 */
export interface OpencodeApi {
  /** `GET /global/health`; see {@link HealthApi.health}. */
  health: HealthApi["health"];
  sessions: SessionsApi;
  messages: MessagesApi;
  questions: QuestionsApi;
  permissions: PermissionsApi;
}

/**
 * One method per endpoint, on top of a requester.
 * @example
 * const api = createApi(createRequester(resolveConfig({ directory: "/repo" })));
 * const session = await api.sessions.create({ title: "Chat" });
 * await api.messages.sendAsync(session.id, { text: "hello" });
 */
export function createApi(requester: Requester): OpencodeApi {
  return {
    health: createHealthApi(requester).health,
    sessions: createSessionsApi(requester),
    messages: createMessagesApi(requester),
    questions: createQuestionsApi(requester),
    permissions: createPermissionsApi(requester),
  };
}
