import { keepPreviousData, skipToken, useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { File, FileContent, SnapshotFileDiff } from "@opencode-ai/sdk/v2";
import type { FindFilesOptions } from "../core/api";
import { fileContentQueryOptions, fileStatusQueryOptions, findFilesQueryOptions, sessionDiffQueryOptions } from "../query/catalog-query-options";
import { useOpencodeContext } from "./context";
import type { OpencodeQueryOptions } from "./hook-options";
import { withOurDefaults } from "./query-defaults";
import { useLiveCache } from "./use-live-cache";

/**
 * Options of {@link useFindFiles}: the route's filters plus what passes through to `useQuery`.
 * @example useFindFiles(query, { type: "file", limit: 8, enabled: open } satisfies UseFindFilesOptions)
 */
export type UseFindFilesOptions<TData = string[]> = FindFilesOptions & OpencodeQueryOptions<string[], TData>;

/**
 * Fuzzy project paths for an @-mention menu (`GET /find/file`). Made for typing: the previous
 * results stay shown while the next ones load (`placeholderData: keepPreviousData`), a request
 * whose query was replaced is aborted (the query's signal), and an empty query asks nothing.
 * @example
 * const { data: paths = [], isPlaceholderData } = useFindFiles(mention, { limit: 8 });
 */
export function useFindFiles<TData = string[]>(query: string | undefined, options: UseFindFilesOptions<TData> = {}): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  const { dirs, type, limit, ...rest } = options;
  const filters: FindFilesOptions = { dirs, type, limit };
  const base = findFilesQueryOptions(client, query ?? "", filters);
  const active = query !== undefined && query !== "";
  return useQuery<string[], Error, TData>(
    withOurDefaults(queryClient, { placeholderData: keepPreviousData, ...base, ...rest, queryKey: base.queryKey, queryFn: active ? base.queryFn : skipToken }, false) as never,
    queryClient,
  );
}

/**
 * A file's content (`GET /file/content`), refetched when the server reports the file edited.
 * Disabled while `path` is undefined.
 * @example const { data } = useFileContent("README.md"); data?.type === "text" && <pre>{data.content}</pre>
 */
export function useFileContent<TData = FileContent>(path: string | undefined, options: OpencodeQueryOptions<FileContent, TData> = {}): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = fileContentQueryOptions(client, path ?? "");
  return useQuery<FileContent, Error, TData>(withOurDefaults(queryClient, { ...base, ...options, queryKey: base.queryKey, queryFn: path === undefined ? skipToken : base.queryFn }, true) as never, queryClient);
}

/**
 * The working tree's changed files (`GET /file/status`), refetched on `file.edited` and `file.watcher.updated`.
 * @example const { data: changed = [] } = useFileStatus();
 */
export function useFileStatus<TData = File[]>(options: OpencodeQueryOptions<File[], TData> = {}): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const base = fileStatusQueryOptions(client);
  return useQuery<File[], Error, TData>(withOurDefaults(queryClient, { ...base, ...options, queryKey: base.queryKey, queryFn: base.queryFn }, true) as never, queryClient);
}

/**
 * What a session changed (`GET /session/:id/diff`), or one user message's turn with `messageID`;
 * the whole-session diff follows `session.diff` events. Disabled while `sessionId` is undefined.
 * @example const { data: files = [] } = useSessionDiff(sessionId); files.map((f) => `${f.file} +${f.additions} -${f.deletions}`)
 */
export function useSessionDiff<TData = SnapshotFileDiff[]>(
  sessionId: string | undefined,
  options: OpencodeQueryOptions<SnapshotFileDiff[], TData> & { messageID?: string } = {},
): UseQueryResult<TData, Error> {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const { messageID, ...rest } = options;
  const base = sessionDiffQueryOptions(client, sessionId ?? "", messageID);
  return useQuery<SnapshotFileDiff[], Error, TData>(
    withOurDefaults(queryClient, { ...base, ...rest, queryKey: base.queryKey, queryFn: sessionId === undefined ? skipToken : base.queryFn }, true) as never,
    queryClient,
  );
}
