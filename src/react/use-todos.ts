import { skipToken, useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { Todo } from "@opencode-ai/sdk/v2";
import { useOpencodeContext } from "./context";
import { withOurDefaults } from "./query-defaults";
import type { OpencodeQueryOptions } from "./hook-options";
import type { opencodeKeys } from "../query/keys";
import { todosQueryOptions } from "../query/query-options";
import { useLiveCache } from "./use-live-cache";

type TodosKey = ReturnType<typeof opencodeKeys.todos>;

/**
 * The todo list of a session (`GET /session/:id/todo`), replaced by every `todo.updated` event.
 * Disabled while `sessionId` is undefined.
 * @example
 * const { data: todos = [] } = useTodos(sessionId);
 * return <ul>{todos.map((t) => <li key={t.content}>{t.status}: {t.content}</li>)}</ul>;
 */
export function useTodos<TData = Todo[]>(
  sessionId: string | undefined,
  options: OpencodeQueryOptions<Todo[], TData, TodosKey> = {},
): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = todosQueryOptions(client, sessionId ?? "");
  return useQuery<Todo[], Error, TData, TodosKey>(
    withOurDefaults<UseQueryOptions<Todo[], Error, TData, TodosKey>>(queryClient, { ...options, queryKey: base.queryKey, queryFn: sessionId === undefined ? skipToken : base.queryFn }, true),
    queryClient,
  );
}
