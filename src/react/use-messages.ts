import { skipToken, useInfiniteQuery, useQuery, type UseInfiniteQueryOptions, type UseInfiniteQueryResult } from "@tanstack/react-query";
import type { MessagePage } from "../core/api";
import type { MessagePages } from "./cache/message-pages";
import { useOpencodeContext } from "./context";
import { withOurDefaults } from "./query-defaults";
import type { opencodeKeys } from "../query/keys";
import { messagesInfiniteQueryOptions, type MessagesPaging } from "../query/messages-query-options";
import { sessionQueryOptions } from "../query/query-options";
import { hideRevertedPages } from "./revert-pages";
import { useLiveCache } from "./use-live-cache";

type MessagesKey = ReturnType<typeof opencodeKeys.messagePages>;

/**
 * Options of {@link useMessages}: the page size plus what passes through to `useInfiniteQuery`.
 * @example const options: UseMessagesOptions = { pageSize: 30, enabled: isOpen }
 */
export type UseMessagesOptions<TData = MessagePages> = MessagesPaging & {
  /** Keep the messages a revert undid (default false: hidden, as OpenCode's app does, until unrevert). */
  showReverted?: boolean;
} &
  Omit<
    UseInfiniteQueryOptions<MessagePage, Error, TData, MessagesKey, string | undefined>,
    "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam" | "getPreviousPageParam"
  >;

/**
 * The paged message history of a session, live: message and part events (including text
 * deltas) patch the pages as they arrive, and `useSendMessage` adds the user's message at once.
 * `data.pages[0]` is the newest page; `fetchNextPage()` loads older history. Use
 * `flattenMessagePages(data)` (or `select: flattenMessagePages`) for one chronological list.
 * Disabled while `sessionId` is undefined.
 * @example
 * const { data, fetchNextPage, hasNextPage } = useMessages(sessionId, { pageSize: 30 });
 * const messages = flattenMessagePages(data);
 */
export function useMessages<TData = MessagePages>(
  sessionId: string | undefined,
  options: UseMessagesOptions<TData> = {},
): UseInfiniteQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const { pageSize, showReverted = false, select, ...rest } = options;
  const base = messagesInfiniteQueryOptions(client, sessionId ?? "", { pageSize });
  // The session's `revert` marker (session.updated keeps it current) decides what is hidden.
  const sessionBase = sessionQueryOptions(client, sessionId ?? "");
  const revert = useQuery(
    { ...sessionBase, queryFn: sessionId === undefined || showReverted ? skipToken : sessionBase.queryFn, select: (session) => session.revert },
    queryClient,
  ).data;
  return useInfiniteQuery<MessagePage, Error, TData, MessagesKey, string | undefined>(
    withOurDefaults(
      queryClient,
      {
        ...rest,
        select: (data: MessagePages) => {
          const shown = showReverted ? data : hideRevertedPages(data, revert);
          return select ? select(shown) : (shown as TData);
        },
        queryKey: base.queryKey,
        queryFn: sessionId === undefined ? skipToken : base.queryFn,
        initialPageParam: base.initialPageParam,
        getNextPageParam: base.getNextPageParam,
      },
      true,
    ),
    queryClient,
  );
}
