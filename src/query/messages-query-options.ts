import type { MessagePage } from "../core/api";
import type { OpencodeClient } from "../core/client";
import { infiniteQueryOptions } from "./identity";
import { opencodeKeys } from "./keys";
import { LIVE_STALE_TIME } from "./query-options";

/**
 * Messages per page when none is given.
 * @example opencodeKeys.messagePages(client, id, DEFAULT_MESSAGE_PAGE_SIZE) // the key useMessages(id) uses
 */
export const DEFAULT_MESSAGE_PAGE_SIZE = 50;

/**
 * Paging of {@link messagesInfiniteQueryOptions}.
 * @example messagesInfiniteQueryOptions(client, id, { pageSize: 30 })
 */
export interface MessagesPaging {
  /** Messages per page (default 50). Part of the query key: two sizes are two caches. */
  pageSize?: number;
}

/**
 * The paged history of a session, for `useInfiniteQuery` / `useSuspenseInfiniteQuery`.
 *
 * Page order: `data.pages[0]` is the NEWEST page (`messages.list({ limit })`); `fetchNextPage()`
 * loads OLDER history (`before` = the previous page's `nextCursor`; `hasNextPage` is false at the
 * start of the session). Inside a page messages are chronological. `flattenMessagePages(data)`
 * gives the whole history oldest first. Message events patch the pages live.
 * @example
 * const query = useInfiniteQuery(messagesInfiniteQueryOptions(client, "ses_1", { pageSize: 30 }));
 * const messages = flattenMessagePages(query.data);
 */
export function messagesInfiniteQueryOptions(client: OpencodeClient, sessionId: string, paging: MessagesPaging = {}) {
  const pageSize = paging.pageSize ?? DEFAULT_MESSAGE_PAGE_SIZE;
  return infiniteQueryOptions({
    staleTime: LIVE_STALE_TIME,
    queryKey: opencodeKeys.messagePages(client, sessionId, pageSize),
    queryFn: ({ pageParam, signal }): Promise<MessagePage> =>
      client.messages.list(sessionId, { limit: pageSize, before: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage: MessagePage) => lastPage.nextCursor,
  });
}
