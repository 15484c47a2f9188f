/**
 * Pure updates of session lists (newest `time.updated` first, as `GET /session` returns them).
 * Each returns the same array when nothing changed, so callers can skip a cache write.
 */
import type { Session } from "@opencode-ai/sdk/v2";
import type { SessionListFilters } from "../../core/api";

function updatedAt(session: Session): number {
  return typeof session.time?.updated === "number" ? session.time.updated : 0;
}

/**
 * Whether a session belongs in a list fetched with these filters, as far as the client can tell:
 * `roots`, `archived`, `search` (title, case-insensitive), `start` and `path` are checked; the
 * server-only `scope` is not (events only come from this directory anyway).
 * @example matchesSessionFilters(session, { roots: true }) // false for a child session
 */
export function matchesSessionFilters(session: Session, filters: SessionListFilters): boolean {
  if (filters.roots === true && typeof session.parentID === "string" && session.parentID !== "") return false;
  if (filters.archived !== undefined && Boolean(session.time?.archived) !== filters.archived) return false;
  if (filters.search !== undefined && filters.search !== "") {
    if (!String(session.title ?? "").toLowerCase().includes(filters.search.toLowerCase())) return false;
  }
  if (filters.start !== undefined && updatedAt(session) < filters.start) return false;
  if (filters.path !== undefined && typeof session.path === "string") {
    if (session.path !== filters.path && !session.path.startsWith(`${filters.path}/`)) return false;
  }
  return true;
}

/**
 * Inserts or replaces a session, keeping the list sorted by `time.updated` (newest first) and no
 * longer than `filters.limit`; removes it when it no longer matches the filters (e.g. archived).
 * @example upsertSession(list, renamed, { archived: false })
 */
export function upsertSession(list: Session[], session: Session, filters: SessionListFilters = {}): Session[] {
  const index = list.findIndex((item) => item.id === session.id);
  const keep = matchesSessionFilters(session, filters);
  if (!keep) return index === -1 ? list : list.filter((_, i) => i !== index);
  if (index !== -1 && list[index] === session) return list;
  const rest = index === -1 ? list : list.filter((_, i) => i !== index);
  const time = updatedAt(session);
  let at = rest.findIndex((item) => updatedAt(item) < time);
  if (at === -1) at = rest.length;
  const next = [...rest.slice(0, at), session, ...rest.slice(at)];
  const limit = filters.limit;
  // A new session pushes the oldest out, as a refetch with the same limit would.
  if (limit !== undefined && limit > 0 && next.length > limit) next.length = limit;
  return next;
}

/**
 * Removes a session by id.
 * @example removeSession(list, "ses_1")
 */
export function removeSession(list: Session[], sessionId: string): Session[] {
  const index = list.findIndex((item) => item.id === sessionId);
  return index === -1 ? list : list.filter((_, i) => i !== index);
}
