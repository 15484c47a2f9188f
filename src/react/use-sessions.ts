import { skipToken, useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { Session } from "@opencode-ai/sdk/v2";
import type { SessionListFilters } from "../core/api";
import { useOpencodeContext } from "./context";
import { withOurDefaults } from "./query-defaults";
import type { OpencodeQueryOptions } from "./hook-options";
import type { opencodeKeys } from "../query/keys";
import { sessionChildrenQueryOptions, sessionQueryOptions, sessionsQueryOptions } from "../query/query-options";
import { useLiveCache } from "./use-live-cache";

type SessionListKey = ReturnType<typeof opencodeKeys.sessionList>;
type SessionKey = ReturnType<typeof opencodeKeys.session>;
type ChildrenKey = ReturnType<typeof opencodeKeys.children>;

/**
 * The sessions of the provider's directory (`GET /session`), newest first; sessions created,
 * renamed, archived or deleted anywhere show up live (filters respected).
 * @example
 * const { data: sessions = [] } = useSessions({ roots: true, archived: false });
 * return sessions.map((s) => <SessionRow key={s.id} session={s} />);
 */
export function useSessions<TData = Session[]>(
  filters: SessionListFilters = {},
  options: OpencodeQueryOptions<Session[], TData, SessionListKey> = {},
): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = sessionsQueryOptions(client, filters);
  return useQuery<Session[], Error, TData, SessionListKey>(
    withOurDefaults<UseQueryOptions<Session[], Error, TData, SessionListKey>>(queryClient, { ...options, queryKey: base.queryKey, queryFn: base.queryFn }, true),
    queryClient,
  );
}

/**
 * One session (`GET /session/:id`), kept current by `session.updated` events. Disabled while
 * `sessionId` is undefined; a missing session gives a NotFoundError in `error`.
 * @example
 * const { data: session, error } = useSession(sessionId);
 * if (error instanceof NotFoundError) return <Gone />;
 * return <h1>{session?.title}</h1>;
 */
export function useSession<TData = Session>(
  sessionId: string | undefined,
  options: OpencodeQueryOptions<Session, TData, SessionKey> = {},
): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = sessionQueryOptions(client, sessionId ?? "");
  return useQuery<Session, Error, TData, SessionKey>(
    withOurDefaults<UseQueryOptions<Session, Error, TData, SessionKey>>(queryClient, { ...options, queryKey: base.queryKey, queryFn: sessionId === undefined ? skipToken : base.queryFn }, true),
    queryClient,
  );
}

/**
 * The child sessions of a session (subagents, forks); new children appear live. Disabled while
 * `sessionId` is undefined.
 * @example const { data: children = [] } = useSessionChildren(sessionId);
 */
export function useSessionChildren<TData = Session[]>(
  sessionId: string | undefined,
  options: OpencodeQueryOptions<Session[], TData, ChildrenKey> = {},
): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = sessionChildrenQueryOptions(client, sessionId ?? "");
  return useQuery<Session[], Error, TData, ChildrenKey>(
    withOurDefaults<UseQueryOptions<Session[], Error, TData, ChildrenKey>>(queryClient, { ...options, queryKey: base.queryKey, queryFn: sessionId === undefined ? skipToken : base.queryFn }, true),
    queryClient,
  );
}
