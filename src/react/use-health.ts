import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { HealthInfo } from "../core/api";
import { useOpencodeContext } from "./context";
import { withOurDefaults } from "./query-defaults";
import type { OpencodeQueryOptions } from "./hook-options";
import type { opencodeKeys } from "../query/keys";
import { healthQueryOptions } from "../query/query-options";

type HealthKey = ReturnType<typeof opencodeKeys.health>;

/**
 * `GET /global/health` of the provider's server: `{ healthy, version }`. An OpenCode 2.x server
 * fails with UnsupportedServerError, a server that wants a password with UnauthorizedError. Not
 * event-fed (and it does not open the event feed): refetch it yourself (`refetch`, `staleTime`).
 * @example
 * const { data, error } = useHealth();
 * return error ? <Offline error={error} /> : <span>OpenCode {data?.version}</span>;
 */
export function useHealth<TData = HealthInfo>(
  options: OpencodeQueryOptions<HealthInfo, TData, HealthKey> = {},
): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  const base = healthQueryOptions(client);
  return useQuery<HealthInfo, Error, TData, HealthKey>(withOurDefaults(queryClient, { ...options, queryKey: base.queryKey, queryFn: base.queryFn }, false), queryClient);
}
