/**
 * Routes one feed event to the caches it changes. Framework-free: a QueryClient and an event in,
 * `setQueryData` calls out (only for caches that already hold data).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { PermissionRequest, QuestionRequest, SessionStatus, Todo } from "@opencode-ai/sdk/v2";
import { sessionIdOf } from "../../core/events/route";
import type { WireEvent } from "../../core/events/types";
import { opencodeKeys, type ScopeSource } from "../../query/keys";
import { patchMessagePages } from "./message-parts";
import type { MessagePages } from "./message-pages";
import { applyCatalogEvent } from "./apply-catalog-event";
import { dropSession, patchQueries, patchQuery, writeSession } from "./query-writes";
import { readRequest, readRequestId, readSession, readStatus, readTodos } from "./read";
import { removePendingRequest, upsertPendingRequest } from "./requests";
import { setSessionStatus } from "./status";

/**
 * What a deleted session leaves behind: gone from every list, its detail refetched (an observer
 * then sees the NotFoundError), the unobserved caches of its messages and todos dropped.
 * @example forgetSession(queryClient, client, "ses_1", undefined)
 */
export function forgetSession(queryClient: QueryClient, scope: ScopeSource, sessionId: string, parentId: string | undefined): void {
  dropSession(queryClient, scope, sessionId, parentId);
  patchQuery<Record<string, SessionStatus>>(queryClient, opencodeKeys.status(scope), (map) =>
    setSessionStatus(map, sessionId, { type: "idle" }),
  );
  queryClient.removeQueries({ queryKey: opencodeKeys.session(scope, sessionId), type: "inactive" });
  void queryClient.invalidateQueries({ queryKey: opencodeKeys.session(scope, sessionId), exact: true });
}

function applyRequestEvent(queryClient: QueryClient, scope: ScopeSource, event: WireEvent): void {
  const isQuestion = event.type.startsWith("question.");
  const key = isQuestion ? opencodeKeys.questions(scope) : opencodeKeys.permissions(scope);
  if (event.type === "question.asked" || event.type === "permission.asked") {
    const request = readRequest<QuestionRequest | PermissionRequest>(event);
    if (request !== undefined) patchQuery<Array<{ id: string }>>(queryClient, key, (list) => upsertPendingRequest(list, request));
    return;
  }
  const requestId = readRequestId(event);
  if (requestId !== undefined) patchQuery<Array<{ id: string }>>(queryClient, key, (list) => removePendingRequest(list, requestId));
}

/**
 * Applies one event: sessions (lists, detail, children), the status map, the message pages of the
 * event's session, its todos, and the pending questions/permissions. Unknown events are ignored.
 * @example client.events.subscribe((event) => applyEventToCache(queryClient, client, event))
 */
export function applyEventToCache(queryClient: QueryClient, scope: ScopeSource, event: WireEvent): void {
  switch (event.type) {
    case "session.created":
    case "session.updated": {
      const session = readSession(event);
      if (session !== undefined) writeSession(queryClient, scope, session);
      return;
    }
    case "session.deleted": {
      const session = readSession(event);
      if (session !== undefined) forgetSession(queryClient, scope, session.id, session.parentID);
      return;
    }
    case "session.status":
    case "session.idle": {
      const sessionId = sessionIdOf(event);
      const status = readStatus(event);
      if (sessionId === undefined || status === undefined) return;
      patchQuery<Record<string, SessionStatus>>(queryClient, opencodeKeys.status(scope), (map) => setSessionStatus(map, sessionId, status));
      return;
    }
    case "message.updated":
    case "message.removed":
    case "message.part.updated":
    case "message.part.delta":
    case "message.part.removed": {
      const sessionId = sessionIdOf(event);
      if (sessionId === undefined) return;
      patchQueries<MessagePages>(queryClient, { queryKey: opencodeKeys.messages(scope, sessionId) }, (data) => patchMessagePages(data, event));
      return;
    }
    case "todo.updated": {
      const sessionId = sessionIdOf(event);
      const todos = readTodos(event);
      if (sessionId !== undefined && todos !== undefined) patchQuery<Todo[]>(queryClient, opencodeKeys.todos(scope, sessionId), () => todos);
      return;
    }
    case "question.asked":
    case "question.replied":
    case "question.rejected":
    case "permission.asked":
    case "permission.replied":
      applyRequestEvent(queryClient, scope, event);
      return;
    default:
      applyCatalogEvent(queryClient, scope, event);
      return;
  }
}
