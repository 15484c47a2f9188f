/**
 * Answering a pending question or permission, optimistically: the request leaves the cached list
 * at once and comes back (where it was) if the server refuses. A 404 is not a refusal: the
 * request was answered already (another tab, a race with the agent), so it is gone either way.
 */
import { useMutation, useMutationState, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useMemo } from "react";
import { NotFoundError } from "../../core/errors";
import { pauseFetches } from "../cache/pause-fetches";
import { patchQuery } from "../cache/query-writes";
import { removePendingRequest } from "../cache/requests";

/**
 * What every answer carries.
 * @example interface AnswerVariables extends ResolveVariables { readonly answers: string[][] }
 */
export interface ResolveVariables {
  readonly requestId: string;
}

interface ResolveContext {
  readonly restore: () => void;
  readonly resume: () => void;
}

type Listed = { readonly id: string };

/** `list` with `item` back at `index` (or where it fits), unless an event put it back already. */
function reinsert<T extends Listed>(list: T[], item: T, index: number): T[] {
  if (list.some((entry) => entry.id === item.id)) return list;
  const next = list.slice();
  next.splice(Math.min(index, next.length), 0, item);
  return next;
}

/**
 * The mutation that answers a request: `send` posts the answer; `queryKey` is the pending list.
 * @example const resolve = useResolveRequest(queryClient, listKey, mutationKey, (v) => client.questions.reject(v.requestId));
 */
export function useResolveRequest<V extends ResolveVariables>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  mutationKey: QueryKey,
  send: (variables: V) => Promise<unknown>,
) {
  return useMutation<void, Error, V, ResolveContext>(
    {
      mutationKey,
      async mutationFn(variables) {
        try {
          await send(variables);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
        }
      },
      async onMutate({ requestId }) {
        // A list fetch that left the server before the answer must not bring the request back.
        const resume = await pauseFetches(queryClient, [{ queryKey, exact: true }]);
        let removed: { item: Listed; index: number } | undefined;
        patchQuery<Listed[]>(queryClient, queryKey, (list) => {
          const index = list.findIndex((entry) => entry.id === requestId);
          const item = list[index];
          if (item !== undefined) removed = { item, index };
          return removePendingRequest(list, requestId);
        });
        const restore = (): void => {
          const found = removed;
          if (found !== undefined) patchQuery<Listed[]>(queryClient, queryKey, (list) => reinsert(list, found.item, found.index));
        };
        return { restore, resume };
      },
      onError: (_error, _variables, context) => context?.restore(),
      onSettled: (_data, _error, _variables, context) => context?.resume(),
    },
    queryClient,
  );
}

function requestIdOf(variables: unknown): string | undefined {
  if (typeof variables !== "object" || variables === null || !("requestId" in variables)) return undefined;
  return typeof variables.requestId === "string" ? variables.requestId : undefined;
}

/**
 * Ids of the requests being answered or answered (any component of this QueryClient): hidden from
 * the lists even where another source (the reply store) still has them until its event arrives.
 * @example const answered = useAnsweredIds(queryClient, [...opencodeKeys.questions(client), "answer"])
 */
export function useAnsweredIds(queryClient: QueryClient, mutationKey: QueryKey): ReadonlySet<string> {
  const ids = useMutationState(
    {
      filters: { mutationKey, predicate: (mutation) => mutation.state.status === "pending" || mutation.state.status === "success" },
      select: (mutation) => requestIdOf(mutation.state.variables),
    },
    queryClient,
  );
  // useMutationState shares structure: the same array while the ids are the same.
  return useMemo(() => new Set(ids.filter((id): id is string => id !== undefined)), [ids]);
}
