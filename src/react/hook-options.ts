/** Option types shared by the hooks: TanStack's own options minus what the hook decides. */
import type { MutationFunctionContext, QueryKey, UseMutationOptions, UseQueryOptions } from "@tanstack/react-query";

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
 * Options a mutation hook passes through to `useMutation`: TanStack's own (`onSuccess`,
 * `onError`, `onSettled`, `retry`, `mutationKey`, `meta`, `scope`, `throwOnError`, ...), whose
 * callbacks get TanStack's arguments `(data, variables, onMutateResult, context)`. The hook's
 * own cache work (optimistic patch, rollback) runs first, then these; `onMutateResult` is the
 * hook's own (its undo handles), and an `onMutate` of yours runs after the hook's.
 * @example useDeleteSession({ onSuccess: (_deleted, sessionId, _result, { client }) => client.invalidateQueries({ queryKey: ["mine", sessionId] }) })
 */
export type OpencodeMutationOptions<TData, TVariables, TOnMutateResult = unknown> = Omit<
  UseMutationOptions<TData, Error, TVariables, TOnMutateResult>,
  "mutationFn" | "onMutate"
> & {
  /** Called after the hook's own `onMutate`; what it returns is ignored. */
  onMutate?: (variables: TVariables, context: MutationFunctionContext) => unknown;
};
