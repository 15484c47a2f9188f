/** Option types shared by the hooks: TanStack's own options minus what the hook decides. */
import type { QueryKey, UseQueryOptions } from "@tanstack/react-query";

/**
 * Options a query hook passes through to `useQuery` (`enabled`, `select`, `staleTime`,
 * `refetchOnWindowFocus`, `placeholderData`, `throwOnError`, ...). The key and the fetch
 * function are the hook's.
 * @example useSession(id, { select: (session) => session.title })
 */
export type OpencodeQueryOptions<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, Error, TData, TQueryKey>,
  "queryKey" | "queryFn"
>;

/**
 * Callbacks and settings a mutation hook passes through to `useMutation`. The hook's own cache
 * work (optimistic patch, rollback) runs first, then these.
 * @example useDeleteSession({ onSuccess: () => navigate("/") })
 */
export interface OpencodeMutationOptions<TData, TVariables> {
  /** Called after the hook updated the caches with the server's answer. */
  onSuccess?: (data: TData, variables: TVariables) => unknown;
  /** Called after the hook rolled its optimistic change back. */
  onError?: (error: Error, variables: TVariables) => unknown;
  /** Called last, on success and on error. */
  onSettled?: (data: TData | undefined, error: Error | null, variables: TVariables) => unknown;
  /** Key for `useMutationState` / `useIsMutating`. */
  mutationKey?: readonly unknown[];
  /** Retries of the request (default 0: none). */
  retry?: boolean | number;
  /** Throw errors to the nearest error boundary. */
  throwOnError?: boolean;
  /** Free-form data stored with the mutation. */
  meta?: Record<string, unknown>;
}
