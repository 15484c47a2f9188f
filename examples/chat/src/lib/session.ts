import type { OpencodeClient } from "opencode-react";

/** A session as the server returns it (derived from the client, so the demo needs no SDK import). */
export type Session = Awaited<ReturnType<OpencodeClient["sessions"]["get"]>>;

/** The title to show: the server's placeholder ("New session - <ISO date>") reads as "New chat" until the real one is generated. */
export function displayTitle(session: Pick<Session, "title">): string {
  return !session.title || /^New session - \d{4}-/.test(session.title) ? "New chat" : session.title;
}
