/**
 * `queryOptions` for every OpenCode read, keyed by {@link opencodeKeys}: use them to prefetch,
 * `useSuspenseQuery`, `ensureQueryData`, or `setQueryData`/`getQueryData` with full types.
 * The live ones (all but health) have `staleTime: Infinity`: the live cache (see `useLiveCache`)
 * keeps them fresh from events and invalidates them after a reconnect, so there is no polling.
 * They set no `retry`: the QueryClient's defaults apply (the hooks add `retryUnlessClientError`
 * only where those set nothing). React-free: importable from a server component
 * (`opencode-react/query`) to prefetch.
 */
import type { PermissionRequest, QuestionRequest, Session, SessionStatus, Todo } from "@opencode-ai/sdk/v2";
import type { HealthInfo, SessionListFilters } from "../core/api";
import type { OpencodeClient } from "../core/client";
import { isOpencodeError } from "../core/errors";
import { queryOptions } from "./identity";
import { opencodeKeys } from "./keys";

/**
 * Staleness of the event-fed queries: only events and reconnects refresh them.
 * @example useSessions({}, { staleTime: LIVE_STALE_TIME }) // the default already
 */
export const LIVE_STALE_TIME = Number.POSITIVE_INFINITY;

/**
 * The retry policy of every query here: up to 3 retries, none for errors a retry cannot fix (any
 * 4xx such as NotFoundError or UnauthorizedError, and an unsupported server).
 * @example new QueryClient({ defaultOptions: { queries: { retry: retryUnlessClientError } } })
 */
export function retryUnlessClientError(failureCount: number, error: Error): boolean {
  if (isOpencodeError(error)) {
    if (error.code === "unsupported_server") return false;
    if (error.status !== undefined && error.status >= 400 && error.status < 500) return false;
  }
  return failureCount < 3;
}

const LIVE = { staleTime: LIVE_STALE_TIME } as const;

/**
 * `GET /global/health`. Not event-fed: TanStack's default staleness applies.
 * @example const { version } = await queryClient.fetchQuery(healthQueryOptions(client))
 */
export function healthQueryOptions(client: OpencodeClient) {
  return queryOptions({
    queryKey: opencodeKeys.health(client),
    queryFn: ({ signal }): Promise<HealthInfo> => client.health({ signal }),
  });
}

/**
 * `GET /session` with filters (newest first). Created, updated and deleted sessions are patched
 * in from events, respecting the filters.
 * @example await queryClient.prefetchQuery(sessionsQueryOptions(client, { roots: true }))
 */
export function sessionsQueryOptions(client: OpencodeClient, filters: SessionListFilters = {}) {
  return queryOptions({
    ...LIVE,
    queryKey: opencodeKeys.sessionList(client, filters),
    queryFn: ({ signal }): Promise<Session[]> => client.sessions.list(filters, { signal }),
  });
}

/**
 * `GET /session/:id`; a missing session is a NotFoundError.
 * @example const session = useSuspenseQuery(sessionQueryOptions(client, "ses_1")).data
 */
export function sessionQueryOptions(client: OpencodeClient, sessionId: string) {
  return queryOptions({
    ...LIVE,
    queryKey: opencodeKeys.session(client, sessionId),
    queryFn: ({ signal }): Promise<Session> => client.sessions.get(sessionId, { signal }),
  });
}

/**
 * `GET /session/:id/children` (subagent and forked sessions).
 * @example queryClient.getQueryData(sessionChildrenQueryOptions(client, "ses_1").queryKey)
 */
export function sessionChildrenQueryOptions(client: OpencodeClient, sessionId: string) {
  return queryOptions({
    ...LIVE,
    queryKey: opencodeKeys.children(client, sessionId),
    queryFn: ({ signal }): Promise<Session[]> => client.sessions.children(sessionId, { signal }),
  });
}

/**
 * `GET /session/status`: busy/retry sessions only; a session that is absent is idle.
 * @example queryClient.setQueryData(sessionStatusQueryOptions(client).queryKey, {})
 */
export function sessionStatusQueryOptions(client: OpencodeClient) {
  return queryOptions({
    ...LIVE,
    queryKey: opencodeKeys.status(client),
    queryFn: ({ signal }): Promise<Record<string, SessionStatus>> => client.sessions.status({ signal }),
  });
}

/**
 * `GET /session/:id/todo`; replaced by every `todo.updated` event.
 * @example await queryClient.ensureQueryData(todosQueryOptions(client, "ses_1"))
 */
export function todosQueryOptions(client: OpencodeClient, sessionId: string) {
  return queryOptions({
    ...LIVE,
    queryKey: opencodeKeys.todos(client, sessionId),
    queryFn: ({ signal }): Promise<Todo[]> => client.sessions.todo(sessionId, { signal }),
  });
}

/**
 * `GET /question`: pending questions of the instance, all sessions (filter by `sessionID` with
 * `select`); `question.asked` adds, `question.replied`/`question.rejected` remove.
 * @example useQuery({ ...questionsQueryOptions(client), select: (list) => list.filter((q) => q.sessionID === id) })
 */
export function questionsQueryOptions(client: OpencodeClient) {
  return queryOptions({
    ...LIVE,
    queryKey: opencodeKeys.questions(client),
    queryFn: ({ signal }): Promise<QuestionRequest[]> => client.questions.list({ signal }),
  });
}

/**
 * `GET /permission`: pending permission requests of the instance, all sessions;
 * `permission.asked` adds, `permission.replied` removes.
 * @example queryClient.setQueryData(permissionsQueryOptions(client).queryKey, (list) => list?.filter((p) => p.id !== "per_1"))
 */
export function permissionsQueryOptions(client: OpencodeClient) {
  return queryOptions({
    ...LIVE,
    queryKey: opencodeKeys.permissions(client),
    queryFn: ({ signal }): Promise<PermissionRequest[]> => client.permissions.list({ signal }),
  });
}
