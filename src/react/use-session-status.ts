import { useCallback } from "react";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { SessionStatus } from "@opencode-ai/sdk/v2";
import { IDLE_STATUS, sessionStatusOf } from "./cache/status";
import { useOpencodeContext } from "./context";
import { withOurDefaults } from "./query-defaults";
import type { OpencodeQueryOptions } from "./hook-options";
import type { opencodeKeys } from "../query/keys";
import { sessionStatusQueryOptions } from "../query/query-options";
import { useLiveCache } from "./use-live-cache";

type StatusMap = Record<string, SessionStatus>;
type StatusKey = ReturnType<typeof opencodeKeys.status>;

/**
 * The status of every busy or retrying session (`GET /session/status`), kept current by
 * `session.status` events; a session that is absent is idle.
 * @example
 * const { data: busy = {} } = useSessionStatus();
 * const working = Object.keys(busy).length;
 */
export function useSessionStatus<TData = StatusMap>(
  options: OpencodeQueryOptions<StatusMap, TData, StatusKey> = {},
): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = sessionStatusQueryOptions(client);
  return useQuery<StatusMap, Error, TData, StatusKey>(
    withOurDefaults(queryClient, { ...options, queryKey: base.queryKey, queryFn: base.queryFn }, true),
    queryClient,
  );
}

/**
 * The status of one session: `{ type: "idle" }` when it is absent from the map, while the map
 * loads, on error, or when `sessionId` is undefined. Re-renders only when that session's status
 * changes.
 * @example
 * const status = useSessionStatusOf(sessionId);
 * return status.type === "retry" ? <Retrying attempt={status.attempt} /> : null;
 */
export function useSessionStatusOf(sessionId: string | undefined): SessionStatus {
  const select = useCallback((map: StatusMap) => (sessionId === undefined ? IDLE_STATUS : sessionStatusOf(map, sessionId)), [sessionId]);
  return useSessionStatus({ select }).data ?? IDLE_STATUS;
}
