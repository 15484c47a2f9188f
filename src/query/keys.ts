import type { SessionListFilters } from "../core/api";
import type { OpencodeClientInfo } from "../core/client";

/**
 * What a cache belongs to: one server (base URL) and one instance (directory + workspace). Every
 * field is always present (`null` when unset) so TanStack's partial key matching never lets a
 * scope without a directory match the caches of every directory.
 * @example const scope: OpencodeScope = { baseUrl: "http://127.0.0.1:4096", directory: "/repo", workspace: null }
 */
export interface OpencodeScope {
  baseUrl: string;
  directory: string | null;
  workspace: string | null;
}

/**
 * Anything a scope can be read from: a client (`client.info`) or the info itself.
 * @example opencodeKeys.session(client.info, "ses_1") // same key as opencodeKeys.session(client, "ses_1")
 */
export type ScopeSource = { readonly info: OpencodeClientInfo } | OpencodeClientInfo;

/**
 * The scope of a client: its base URL, directory and workspace.
 * @example scopeOf(client) // { baseUrl: "http://127.0.0.1:4096", directory: "/repo", workspace: null }
 */
export function scopeOf(source: ScopeSource): OpencodeScope {
  const info = "info" in source ? source.info : source;
  return { baseUrl: info.baseUrl, directory: info.directory ?? null, workspace: info.workspace ?? null };
}

const root = (source: ScopeSource) => ["opencode", scopeOf(source)] as const;
const session = (source: ScopeSource, sessionId: string) => [...root(source), "session", sessionId] as const;

/**
 * The query key factory. Keys are hierarchical, so a prefix invalidates everything below it:
 * `opencodeKeys.scope(client)` is one server + directory, `opencodeKeys.session(client, id)` is
 * one session with its children, messages and todos. Two servers or two directories never share
 * a key. The `*QueryOptions` helpers carry these keys with their data types (DataTag).
 * @example
 * queryClient.invalidateQueries({ queryKey: opencodeKeys.session(client, "ses_1") }) // detail, children, messages, todos
 * queryClient.invalidateQueries({ queryKey: opencodeKeys.sessionLists(client) })   // every filtered list
 */
export const opencodeKeys = {
  /** Every cache of this package, all servers. @example queryClient.removeQueries({ queryKey: opencodeKeys.all() }) */
  all: () => ["opencode"] as const,
  /** Every cache of one server + directory (+ workspace). @example opencodeKeys.scope(client) */
  scope: root,
  /** `GET /global/health`. @example opencodeKeys.health(client) */
  health: (source: ScopeSource) => [...root(source), "health"] as const,
  /** Every session list, whatever its filters. @example opencodeKeys.sessionLists(client) */
  sessionLists: (source: ScopeSource) => [...root(source), "sessions", "list"] as const,
  /** One session list (`GET /session` with these filters). @example opencodeKeys.sessionList(client, { roots: true }) */
  sessionList: (source: ScopeSource, filters: SessionListFilters = {}) =>
    [...root(source), "sessions", "list", filters] as const,
  /** One session; as a prefix, also its children, messages and todos. @example opencodeKeys.session(client, "ses_1") */
  session,
  /** Child sessions of a session. @example opencodeKeys.children(client, "ses_1") */
  children: (source: ScopeSource, sessionId: string) => [...session(source, sessionId), "children"] as const,
  /** Every message query of a session, whatever its page size. @example opencodeKeys.messages(client, "ses_1") */
  messages: (source: ScopeSource, sessionId: string) => [...session(source, sessionId), "messages"] as const,
  /** The paged messages of a session for one page size. @example opencodeKeys.messagePages(client, "ses_1", 50) */
  messagePages: (source: ScopeSource, sessionId: string, pageSize: number) =>
    [...session(source, sessionId), "messages", { pageSize }] as const,
  /** Todos of a session. @example opencodeKeys.todos(client, "ses_1") */
  todos: (source: ScopeSource, sessionId: string) => [...session(source, sessionId), "todos"] as const,
  /** The busy/retry map of `GET /session/status`. @example opencodeKeys.status(client) */
  status: (source: ScopeSource) => [...root(source), "status"] as const,
  /** Pending questions of the instance. @example opencodeKeys.questions(client) */
  questions: (source: ScopeSource) => [...root(source), "questions"] as const,
  /** Pending permission requests of the instance. @example opencodeKeys.permissions(client) */
  permissions: (source: ScopeSource) => [...root(source), "permissions"] as const,
  /** Providers, agents, commands, skills and config; as a prefix, all of them. @example opencodeKeys.catalog(client, "agents") */
  catalog: (source: ScopeSource, part?: "providers" | "providerList" | "agents" | "commands" | "skills" | "config") =>
    part === undefined ? ([...root(source), "catalog"] as const) : ([...root(source), "catalog", part] as const),
  /** Paths, project record and VCS branch of the instance. @example opencodeKeys.project(client, "vcs") */
  project: (source: ScopeSource, part: "path" | "current" | "vcs") => [...root(source), "project", part] as const,
  /** Every file query (find, content, status). @example opencodeKeys.files(client) */
  files: (source: ScopeSource) => [...root(source), "files"] as const,
  /** One fuzzy path search. @example opencodeKeys.findFiles(client, "app", {}) */
  findFiles: (source: ScopeSource, query: string, filters: Record<string, unknown> = {}) =>
    [...root(source), "files", "find", { query, ...filters }] as const,
  /** The content of one file. @example opencodeKeys.fileContent(client, "src/app.ts") */
  fileContent: (source: ScopeSource, path: string) => [...root(source), "files", "content", path] as const,
  /** Git status of the working tree. @example opencodeKeys.fileStatus(client) */
  fileStatus: (source: ScopeSource) => [...root(source), "files", "status"] as const,
  /** What a session changed (or one message's turn). @example opencodeKeys.sessionDiff(client, "ses_1") */
  sessionDiff: (source: ScopeSource, sessionId: string, messageID?: string) =>
    [...session(source, sessionId), "diff", { messageID: messageID ?? null }] as const,
};
