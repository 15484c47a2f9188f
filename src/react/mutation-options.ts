import type { UseMutationOptions } from "@tanstack/react-query";
import type { OpencodeMutationOptions } from "./hook-options";

/**
 * The cache work of a mutation hook: TanStack's callbacks, minus the mutation function.
 * @example const ours: CacheCallbacks<Session, string, unknown> = { onSuccess: (session) => writeSession(queryClient, client, session) }
 */
export type CacheCallbacks<TData, TVariables, TContext> = Pick<
  UseMutationOptions<TData, Error, TVariables, TContext>,
  "onMutate" | "onSuccess" | "onError" | "onSettled"
>;

/**
 * Joins a hook's cache work with the caller's options: the hook's callback runs first (so the
 * caller sees the caches already patched or rolled back), then the caller's.
 * @example useMutation(withCallerOptions(client.sessions.delete, { onMutate, onError }, options))
 */
export function withCallerOptions<TData, TVariables, TContext>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  ours: CacheCallbacks<TData, TVariables, TContext>,
  caller: OpencodeMutationOptions<TData, TVariables, TContext>,
): UseMutationOptions<TData, Error, TVariables, TContext> {
  const { onMutate, onSuccess, onError, onSettled, ...settings } = caller;
  return {
    ...settings,
    mutationFn,
    async onMutate(variables, context) {
      const result = (await ours.onMutate?.(variables, context)) as TContext;
      await onMutate?.(variables, context);
      return result;
    },
    async onSuccess(data, variables, result, context) {
      await ours.onSuccess?.(data, variables, result, context);
      await onSuccess?.(data, variables, result, context);
    },
    async onError(error, variables, result, context) {
      await ours.onError?.(error, variables, result, context);
      await onError?.(error, variables, result, context);
    },
    async onSettled(data, error, variables, result, context) {
      await ours.onSettled?.(data, error, variables, result, context);
      await onSettled?.(data, error, variables, result, context);
    },
  };
}
