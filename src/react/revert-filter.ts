/**
 * Hiding what a revert undid, as OpenCode's own app does: after `POST /session/:id/revert` the
 * session's `revert` marks the first undone message (and optionally part); the server keeps those
 * messages until `unrevert` (they come back) or the next prompt (they are purged).
 */

/**
 * The `revert` marker of a session (`Session.revert`).
 * @example const marker: RevertMarker | undefined = session.revert;
 */
export interface RevertMarker {
  messageID: string;
  partID?: string;
}

/** The least a message needs for the filter: its id (ids sort by time) and its parts' ids. */
interface MessageLike {
  info: { id: string };
  parts: ReadonlyArray<{ id: string }>;
}

/**
 * The messages a conversation shows: every message before `revert.messageID`; with a `partID`,
 * also the parts of that message before the part (if any remain); nothing after. Without a
 * marker the list is returned as is (same reference).
 * @example const shown = hideRevertedMessages(messages, session?.revert);
 */
export function hideRevertedMessages<T extends MessageLike>(messages: readonly T[], revert: RevertMarker | undefined | null): readonly T[] {
  if (!revert?.messageID) return messages;
  const shown: T[] = [];
  for (const message of messages) {
    const id = message.info.id;
    if (id < revert.messageID) shown.push(message);
    else if (id === revert.messageID && revert.partID !== undefined) {
      const partID = revert.partID;
      const parts = message.parts.filter((part) => part.id < partID);
      if (parts.length > 0) shown.push({ ...message, parts });
    }
  }
  return shown;
}

/**
 * True when `messageId` is hidden by the marker (at or after the reverted message).
 * @example isReverted("msg_5", session.revert) // true when the revert started at msg_3
 */
export function isReverted(messageId: string, revert: RevertMarker | undefined | null): boolean {
  return Boolean(revert?.messageID) && messageId >= (revert?.messageID ?? "");
}
