/** The optimistic copy of a session after a `sessions.update` patch. */
import type { Session } from "@opencode-ai/sdk/v2";
import type { SessionUpdatePatch } from "../../core/api";

/**
 * What the session will look like once the server applied the patch: title, metadata and the
 * archived time (`true` = now, a number = that time, `false` or 0 = unarchived). Permission
 * rules are left alone (the server merges them with its own).
 * @example applySessionPatch(session, { archived: true }).time.archived // Date.now()
 */
export function applySessionPatch(session: Session, patch: SessionUpdatePatch, now = Date.now()): Session {
  const next: Session = { ...session };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.metadata !== undefined) next.metadata = patch.metadata;
  if (patch.archived !== undefined) {
    const archived = patch.archived === true ? now : patch.archived === false ? 0 : patch.archived;
    const time = { ...session.time };
    if (archived > 0) time.archived = archived;
    else delete time.archived;
    next.time = time;
  }
  return next;
}
