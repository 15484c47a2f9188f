/**
 * Loads the stored messages of the current turn (final and mid-turn merges): the newest page with
 * a `limit` sized to the turn, paged further back (each page twice as long) only until the turn's
 * first user message is in, never the whole history of a long session.
 */
import type { ReplyStoreClient } from "./reply-store-types";
import type { WireMessage } from "../reducer/reconcile";
import type { ReplyState } from "../reducer/state";

/** The smallest first page: a turn rarely has more messages than this. */
const MIN_PAGE = 20;
/** Pages at most (each twice as long as the last: ~20 million messages). */
const MAX_PAGES = 20;

/**
 * The stored messages from the turn's first user message (or the newest user message, when the
 * reply knows none) to the newest, oldest first.
 * @example const items = await fetchTurnMessages(client, "ses_1", reply);
 */
export async function fetchTurnMessages(client: ReplyStoreClient, sessionId: string, reply: ReplyState): Promise<readonly WireMessage[]> {
  const first = reply.turnUserIds[0] ?? reply.userMessageId;
  let known = reply.turnUserIds.length;
  for (const _ in reply.messages) known += 1;
  let limit = Math.max(MIN_PAGE, 2 * known + 10);
  let items: readonly WireMessage[] = [];
  let before: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.messages.list(sessionId, before === undefined ? { limit } : { limit, before });
    items = page === 0 ? answer.items : [...answer.items, ...items];
    const covered =
      first === null ? answer.items.some((m) => m.info.role === "user") : answer.items.some((m) => m.info.id === first);
    if (covered || answer.nextCursor === undefined) break;
    before = answer.nextCursor;
    limit *= 2;
  }
  return items;
}
