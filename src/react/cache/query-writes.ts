/**
 * Cache writes shared by the live cache and the mutations. Only caches that already hold data
 * are touched (a patch never invents a list nobody fetched), and a write happens only when the
 * pure patch returned a new value, so unrelated observers are not notified.
 */
import type { QueryClient, QueryFilters, QueryKey } from "@tanstack/react-query";
import type { Session } from "@opencode-ai/sdk/v2";
import type { SessionListFilters } from "../../core/api";
import { opencodeKeys, type ScopeSource } from "../../query/keys";
import { isDict } from "./read";
import { removeSession, upsertSession } from "./sessions";

/**
 * Applies `patch` to the data of every query matching `filters` that has data.
 * @example patchQueries(queryClient, { queryKey: opencodeKeys.messages(client, id) }, (d) => removeMessage(d, "msg_1"))
 */
export function patchQueries<T>(queryClient: QueryClient, filters: QueryFilters, patch: (data: T, key: QueryKey) => T): void {
  for (const [key, data] of queryClient.getQueriesData<T>(filters)) {
    if (data === undefined) continue;
    const next = patch(data, key);
    if (next !== data) queryClient.setQueryData(key, next);
  }
}

/**
 * Applies `patch` to the data of exactly this query, if it has data.
 * @example patchQuery(queryClient, opencodeKeys.todos(client, id), () => todos)
 */
export function patchQuery<T>(queryClient: QueryClient, queryKey: QueryKey, patch: (data: T) => T): void {
  patchQueries<T>(queryClient, { queryKey, exact: true }, patch);
}

/** The filters a list key was made with (its last element). */
function listFilters(key: QueryKey): SessionListFilters {
  const filters = key[key.length - 1];
  return isDict(filters) ? (filters as SessionListFilters) : {};
}

/**
 * Puts a session everywhere it belongs: its detail (if cached, or always with `seedDetail`), every
 * session list whose filters it matches, and its parent's children list.
 * @example writeSession(queryClient, client, session, { seedDetail: true })
 */
export function writeSession(queryClient: QueryClient, scope: ScopeSource, session: Session, options: { seedDetail?: boolean } = {}): void {
  const detail = opencodeKeys.session(scope, session.id);
  if (options.seedDetail === true) queryClient.setQueryData(detail, session);
  else patchQuery<Session>(queryClient, detail, () => session);
  patchQueries<Session[]>(queryClient, { queryKey: opencodeKeys.sessionLists(scope) }, (list, key) =>
    upsertSession(list, session, listFilters(key)),
  );
  if (typeof session.parentID === "string" && session.parentID !== "") {
    patchQuery<Session[]>(queryClient, opencodeKeys.children(scope, session.parentID), (list) => upsertSession(list, session));
  }
}

/**
 * Removes a session from every list and from its parent's children list (the detail is left to
 * the caller: a deleted session's detail should refetch into a NotFoundError, not vanish).
 * @example dropSession(queryClient, client, "ses_1", "ses_parent")
 */
export function dropSession(queryClient: QueryClient, scope: ScopeSource, sessionId: string, parentId?: string): void {
  patchQueries<Session[]>(queryClient, { queryKey: opencodeKeys.sessionLists(scope) }, (list) => removeSession(list, sessionId));
  if (parentId !== undefined && parentId !== "") {
    patchQuery<Session[]>(queryClient, opencodeKeys.children(scope, parentId), (list) => removeSession(list, sessionId));
  }
}

/**
 * The cached copy of a session: its detail, else the first list holding it.
 * @example findCachedSession(queryClient, client, "ses_1")?.title
 */
export function findCachedSession(queryClient: QueryClient, scope: ScopeSource, sessionId: string): Session | undefined {
  const detail = queryClient.getQueryData<Session>(opencodeKeys.session(scope, sessionId));
  if (detail !== undefined) return detail;
  for (const [, list] of queryClient.getQueriesData<Session[]>({ queryKey: opencodeKeys.sessionLists(scope) })) {
    const found = list?.find((session) => session.id === sessionId);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Remembers the data of every query matching the filters; the returned function puts it back
 * (only where it changed since), which is how an optimistic update is rolled back.
 * @example const restore = snapshotQueries(queryClient, [{ queryKey: opencodeKeys.sessionLists(client) }]); restore()
 */
export function snapshotQueries(queryClient: QueryClient, filters: QueryFilters[]): () => void {
  const saved = filters.flatMap((filter) => queryClient.getQueriesData(filter));
  return () => {
    for (const [key, data] of saved) {
      if (queryClient.getQueryData(key) !== data) queryClient.setQueryData(key, data);
    }
  };
}
