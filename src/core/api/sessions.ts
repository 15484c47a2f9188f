import type { PermissionRuleset, Session, SessionStatus, Todo } from "@opencode-ai/sdk/v2";
import { compact } from "../http/compact";
import type { Requester } from "../http/request";
import { pathSegment } from "../http/url";
import { toSessionModel, type SessionModel } from "./model";
import type { CallOptions } from "./types";
import { isRecord } from "../is-record";

/**
 * Filters of `sessions.list` (`GET /session`).
 * @example
 * const filters: SessionListFilters = { roots: true, search: "refactor", limit: 20 };
 * const sessions = await client.sessions.list(filters);
 */
export interface SessionListFilters {
  /** Only root sessions (no parentID). */
  roots?: boolean;
  /** Title contains this text (case-insensitive). */
  search?: string;
  /** At most this many sessions (newest `time.updated` first). */
  limit?: number;
  /** Only sessions updated at or after this time (ms epoch). */
  start?: number;
  /** "project": every session of the project, whatever the directory. */
  scope?: "project";
  /** Only sessions whose `path` (project subdirectory) matches. */
  path?: string;
  /**
   * true: only archived sessions; false: only unarchived ones; omitted: all. Applied on the
   * client, after `limit`: `GET /session` of 1.x ignores an `archived` query.
   */
  archived?: boolean;
}

/**
 * Input of `sessions.create` (`POST /session`).
 * @example
 * const input: SessionCreateInput = { title: "Sub-task", parentID: "ses_1", model: "anthropic/claude-sonnet-4" };
 * const child = await client.sessions.create(input);
 */
export interface SessionCreateInput {
  title?: string;
  /** Parent session: makes this a child session. */
  parentID?: string;
  agent?: string;
  /** "provider/model" (split at the first "/") or `{ providerID, id, variant? }`. */
  model?: string | SessionModel;
  metadata?: Record<string, unknown>;
  /** Permission rules of the session; `[]` is sent as is. */
  permission?: PermissionRuleset;
  workspaceID?: string;
}

/**
 * Patch of `sessions.update` (`PATCH /session/:id`).
 * @example
 * const patch: SessionUpdatePatch = { title: "Renamed", archived: false };
 * await client.sessions.update("ses_1", patch);
 */
export interface SessionUpdatePatch {
  title?: string;
  metadata?: Record<string, unknown>;
  /** Rules APPENDED to the session's ruleset by the server (last match wins). */
  permission?: PermissionRuleset;
  /** true: archive now; a number: archive at that ms epoch; false: unarchive (sends 0). */
  archived?: boolean | number;
}

/** The session endpoints. */
export interface SessionsApi {
  /** `GET /session`. @example await client.sessions.list({ roots: true, limit: 20 }) */
  list(filters?: SessionListFilters, options?: CallOptions): Promise<Session[]>;
  /** `GET /session/:id`; NotFoundError when missing. @example await client.sessions.get("ses_1") */
  get(id: string, options?: CallOptions): Promise<Session>;
  /** `POST /session`. @example await client.sessions.create({ title: "Chat", model: "anthropic/claude-sonnet-4" }) */
  create(input?: SessionCreateInput, options?: CallOptions): Promise<Session>;
  /** `PATCH /session/:id`. @example await client.sessions.update("ses_1", { archived: true }) */
  update(id: string, patch: SessionUpdatePatch, options?: CallOptions): Promise<Session>;
  /** `DELETE /session/:id` (children too). @example await client.sessions.delete("ses_1") */
  delete(id: string, options?: CallOptions): Promise<boolean>;
  /** `POST /session/:id/abort` (true even when idle). @example await client.sessions.abort("ses_1") */
  abort(id: string, options?: CallOptions): Promise<boolean>;
  /** `GET /session/:id/children`. @example await client.sessions.children("ses_1") */
  children(id: string, options?: CallOptions): Promise<Session[]>;
  /** `GET /session/status`: busy/retry sessions only; absent means idle. @example (await client.sessions.status())["ses_1"]?.type ?? "idle" */
  status(options?: CallOptions): Promise<Record<string, SessionStatus>>;
  /** `GET /session/:id/todo`. @example await client.sessions.todo("ses_1") */
  todo(id: string, options?: CallOptions): Promise<Todo[]>;
}

function archivedTime(archived: boolean | number | undefined): number | undefined {
  if (archived === undefined) return undefined;
  // The server's schema only takes a number; 0 is how 1.x clears it (checked on 1.18.33).
  if (typeof archived === "number") return archived;
  return archived ? Date.now() : 0;
}

/** A 2xx without a body still means the server did it (old servers answered `true`, some nothing). */
function accepted(value: unknown): boolean {
  return value !== false;
}

/**
 * Creates the session endpoints on top of a requester.
 * @example const sessions = createSessionsApi(requester); await sessions.list()
 */
export function createSessionsApi(requester: Requester): SessionsApi {
  const one = (id: string): string => `/session/${pathSegment(id)}`;
  return {
    async list(filters = {}, options = {}) {
      const { archived, roots, search, limit, start, scope, path } = filters;
      const sessions = await requester.request<Session[]>("GET", "/session", {
        ...options,
        query: { roots, search, limit, start, scope, path },
      });
      if (archived === undefined || !Array.isArray(sessions)) return sessions;
      return sessions.filter((session) => Boolean(session.time?.archived) === archived);
    },
    get: async (id, options = {}) => requester.request<Session>("GET", one(id), options),
    async create(input = {}, options = {}) {
      // Key order as EP-04; undefined keys dropped, [] and false kept.
      const body = compact({
        title: input.title,
        permission: input.permission,
        parentID: input.parentID,
        agent: input.agent,
        model: toSessionModel(input.model),
        metadata: input.metadata,
        workspaceID: input.workspaceID,
      });
      return requester.request<Session>("POST", "/session", { ...options, body });
    },
    async update(id, patch, options = {}) {
      const archived = archivedTime(patch.archived);
      const body = compact({
        title: patch.title,
        metadata: patch.metadata,
        permission: patch.permission,
        time: archived === undefined ? undefined : { archived },
      });
      return requester.request<Session>("PATCH", one(id), { ...options, body });
    },
    delete: async (id, options = {}) =>
      accepted(await requester.request<unknown>("DELETE", one(id), { ...options, expect: "optional" })),
    abort: async (id, options = {}) =>
      accepted(await requester.request<unknown>("POST", `${one(id)}/abort`, { ...options, body: {}, expect: "optional" })),
    children: async (id, options = {}) => requester.request<Session[]>("GET", `${one(id)}/children`, options),
    async status(options = {}) {
      const body = await requester.request<unknown>("GET", "/session/status", { ...options, expect: "optional" });
      return isRecord(body) ? (body as Record<string, SessionStatus>) : {};
    },
    todo: async (id, options = {}) => requester.request<Todo[]>("GET", `${one(id)}/todo`, options),
  };
}
