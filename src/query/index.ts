/**
 * opencode-react/query: the query key factory and the `*QueryOptions` helpers, without React.
 * Import it in a server component to prefetch, then hand the cache to the client with
 * TanStack's `HydrationBoundary`:
 * @example
 * const queryClient = new QueryClient();
 * await queryClient.prefetchQuery(sessionsQueryOptions(client));
 * return <HydrationBoundary state={dehydrate(queryClient)}><Sessions /></HydrationBoundary>;
 * @packageDocumentation
 */
export { opencodeKeys } from "./keys";
export type { OpencodeScope, ScopeSource } from "./keys";
export {
  healthQueryOptions,
  sessionsQueryOptions,
  sessionQueryOptions,
  sessionChildrenQueryOptions,
  sessionStatusQueryOptions,
  todosQueryOptions,
  questionsQueryOptions,
  permissionsQueryOptions,
  retryUnlessClientError,
} from "./query-options";
export { messagesInfiniteQueryOptions } from "./messages-query-options";
export type { MessagesPaging } from "./messages-query-options";
export { flattenMessagePages } from "../react/cache/message-pages";
export type { MessagePages } from "../react/cache/message-pages";
export {
  providersQueryOptions,
  providerListQueryOptions,
  agentsQueryOptions,
  commandsQueryOptions,
  skillsQueryOptions,
  configQueryOptions,
  pathQueryOptions,
  projectQueryOptions,
  vcsQueryOptions,
  findFilesQueryOptions,
  fileContentQueryOptions,
  fileStatusQueryOptions,
  sessionDiffQueryOptions,
} from "./catalog-query-options";
