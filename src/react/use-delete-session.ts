import { useMutation, type QueryFilters, type UseMutationResult } from "@tanstack/react-query";
import { forgetSession } from "./cache/apply-event";
import { pauseFetches } from "./cache/pause-fetches";
import { dropSession, findCachedSession, writeSession } from "./cache/query-writes";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { opencodeKeys } from "../query/keys";
import { withCallerOptions } from "./mutation-options";
import type { OptimisticContext } from "./use-update-session";

interface DeleteContext extends OptimisticContext {
  parentId: string | undefined;
}

/**
 * Deletes a session and its children (`DELETE /session/:id`). It leaves every cached list at
 * once; if the server refuses, the lists are restored and the error is in `error`. On success
 * its unobserved caches (messages, todos) are dropped and an observed detail refetches into a
 * NotFoundError.
 * @example
 * const remove = useDeleteSession({ onSuccess: () => navigate("/") });
 * <button onClick={() => remove.mutate(sessionId)}>Delete</button>
 */
export function useDeleteSession(
  options: OpencodeMutationOptions<boolean, string, DeleteContext> = {},
): UseMutationResult<boolean, Error, string, DeleteContext> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<boolean, string, DeleteContext>(
      (sessionId) => client.sessions.delete(sessionId),
      {
        async onMutate(sessionId) {
          const session = findCachedSession(queryClient, client, sessionId);
          const parentId = session?.parentID;
          const touched: QueryFilters[] = [{ queryKey: opencodeKeys.sessionLists(client) }];
          if (parentId) touched.push({ queryKey: opencodeKeys.children(client, parentId), exact: true });
          const resume = await pauseFetches(queryClient, touched);
          dropSession(queryClient, client, sessionId, parentId);
          // A3: put back only this session (every list it belongs to), not whole-list snapshots.
          const restore = (): void => {
            if (session !== undefined) writeSession(queryClient, client, session);
          };
          return { restore, resume, parentId };
        },
        onError: (_error, _variables, context) => context?.restore(),
        onSuccess: (_deleted, sessionId, context) => forgetSession(queryClient, client, sessionId, context.parentId),
        onSettled: (_data, _error, _variables, context) => context?.resume(),
      },
      options,
    ),
    queryClient,
  );
}
