/**
 * `queryOptions` for the catalog, project and file reads (keys from {@link opencodeKeys}). The
 * catalog is long-lived (`staleTime: Infinity`; refetched after a reconnect); VCS, file status and
 * session diffs are refreshed by their events (see cache/apply-catalog-event.ts).
 */
import type { Agent, Command, Config, File, FileContent, Path, Project, SnapshotFileDiff, VcsInfo } from "@opencode-ai/sdk/v2";
import type { ConfiguredProviders, FindFilesOptions, ProviderCatalog, Skill } from "../core/api";
import type { OpencodeClient } from "../core/client";
import { opencodeKeys } from "./keys";
import { queryOptions } from "./identity";
import { LIVE_STALE_TIME } from "./query-options";

const LIVE_QUERY_DEFAULTS = { staleTime: LIVE_STALE_TIME } as const;

/** How long a fuzzy path search stays fresh (the tree changes rarely while a user types). */
export const FIND_FILES_STALE_TIME = 30_000;

/** `GET /config/providers`. @example await queryClient.fetchQuery(providersQueryOptions(client)) */
export function providersQueryOptions(client: OpencodeClient) {
  return queryOptions({
    ...LIVE_QUERY_DEFAULTS,
    queryKey: opencodeKeys.catalog(client, "providers"),
    queryFn: ({ signal }): Promise<ConfiguredProviders> => client.catalog.providers({ signal }),
  });
}

/** `GET /provider` (connected and not). @example useQuery(providerListQueryOptions(client)) */
export function providerListQueryOptions(client: OpencodeClient) {
  return queryOptions({
    ...LIVE_QUERY_DEFAULTS,
    queryKey: opencodeKeys.catalog(client, "providerList"),
    queryFn: ({ signal }): Promise<ProviderCatalog> => client.catalog.providerList({ signal }),
  });
}

/** `GET /agent`. @example useQuery(agentsQueryOptions(client)) */
export function agentsQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.catalog(client, "agents"), queryFn: ({ signal }): Promise<Agent[]> => client.catalog.agents({ signal }) });
}

/** `GET /command`. @example useQuery(commandsQueryOptions(client)) */
export function commandsQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.catalog(client, "commands"), queryFn: ({ signal }): Promise<Command[]> => client.catalog.commands({ signal }) });
}

/** `GET /skill`. @example useQuery(skillsQueryOptions(client)) */
export function skillsQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.catalog(client, "skills"), queryFn: ({ signal }): Promise<Skill[]> => client.catalog.skills({ signal }) });
}

/** `GET /config`. @example useQuery(configQueryOptions(client)) */
export function configQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.catalog(client, "config"), queryFn: ({ signal }): Promise<Config> => client.config.get({ signal }) });
}

/** `GET /path`. @example useQuery(pathQueryOptions(client)) */
export function pathQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.project(client, "path"), queryFn: ({ signal }): Promise<Path> => client.project.path({ signal }) });
}

/** `GET /project/current`; refreshed by `project.updated`. @example useQuery(projectQueryOptions(client)) */
export function projectQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.project(client, "current"), queryFn: ({ signal }): Promise<Project> => client.project.current({ signal }) });
}

/** `GET /vcs`; patched by `vcs.branch.updated`. @example useQuery(vcsQueryOptions(client)) */
export function vcsQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.project(client, "vcs"), queryFn: ({ signal }): Promise<VcsInfo> => client.project.vcs({ signal }) });
}

/**
 * `GET /find/file?query=`; the query's signal aborts the request when a newer query replaces it.
 * @example await queryClient.fetchQuery(findFilesQueryOptions(client, "app", { limit: 10 }))
 */
export function findFilesQueryOptions(client: OpencodeClient, query: string, filters: FindFilesOptions = {}) {
  return queryOptions({
    staleTime: FIND_FILES_STALE_TIME,
    queryKey: opencodeKeys.findFiles(client, query, { ...filters }),
    queryFn: ({ signal }): Promise<string[]> => client.files.find(query, filters, { signal }),
  });
}

/** `GET /file/content?path=`; refetched when a `file.edited` / `file.watcher.updated` event comes. @example useQuery(fileContentQueryOptions(client, "README.md")) */
export function fileContentQueryOptions(client: OpencodeClient, path: string) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.fileContent(client, path), queryFn: ({ signal }): Promise<FileContent> => client.files.content(path, { signal }) });
}

/** `GET /file/status`; refetched on `file.edited` / `file.watcher.updated`. @example useQuery(fileStatusQueryOptions(client)) */
export function fileStatusQueryOptions(client: OpencodeClient) {
  return queryOptions({ ...LIVE_QUERY_DEFAULTS, queryKey: opencodeKeys.fileStatus(client), queryFn: ({ signal }): Promise<File[]> => client.files.status({ signal }) });
}

/** `GET /session/:id/diff[?messageID]`; the whole-session diff is replaced by `session.diff` events. @example useQuery(sessionDiffQueryOptions(client, "ses_1")) */
export function sessionDiffQueryOptions(client: OpencodeClient, sessionId: string, messageID?: string) {
  return queryOptions({
    ...LIVE_QUERY_DEFAULTS,
    queryKey: opencodeKeys.sessionDiff(client, sessionId, messageID),
    queryFn: ({ signal }): Promise<SnapshotFileDiff[]> => client.sessions.diff(sessionId, { messageID }, { signal }),
  });
}
