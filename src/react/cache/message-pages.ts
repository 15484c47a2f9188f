/**
 * Pure, structure-sharing updates of the paged message history (the data of `useMessages`).
 *
 * Page order: `pages[0]` is the NEWEST page (fetched first, `before` = undefined); each following
 * page is older history (fetched with the previous page's `nextCursor`). Inside a page, messages
 * are chronological (oldest first), as the server returns them. New messages go to the end of
 * `pages[0]`. Only the touched page, message and parts array are copied: an update costs
 * O(page size + parts of that message), never O(history).
 */
import type { InfiniteData } from "@tanstack/react-query";
import type { MessagePage, MessageWithParts } from "../../core/api";

/**
 * The data of a messages infinite query.
 * @example const data: MessagePages | undefined = queryClient.getQueryData(messagesInfiniteQueryOptions(client, id).queryKey)
 */
export type MessagePages = InfiniteData<MessagePage, string | undefined>;

/**
 * Where a message sits in the pages.
 * @example const at: MessageLocation | undefined = findMessage(data, "msg_1")
 */
export interface MessageLocation {
  page: number;
  index: number;
}

/**
 * Finds a message, newest page first and from the end of each page (recent messages are the
 * ones that change).
 * @example findMessage(data, "msg_1") // { page: 0, index: 3 }
 */
export function findMessage(data: MessagePages, messageId: string): MessageLocation | undefined {
  for (let page = 0; page < data.pages.length; page += 1) {
    const items = data.pages[page]?.items ?? [];
    for (let index = items.length - 1; index >= 0; index -= 1) {
      if (items[index]?.info.id === messageId) return { page, index };
    }
  }
  return undefined;
}

function withPage(data: MessagePages, pageIndex: number, items: MessageWithParts[]): MessagePages {
  const pages = data.pages.slice();
  const page = pages[pageIndex];
  if (page === undefined) return data;
  pages[pageIndex] = { ...page, items };
  return { ...data, pages };
}

/**
 * Replaces the message at `at` with `update(message)`; the same data when `update` returns the
 * message unchanged.
 * @example updateMessageAt(data, at, (m) => ({ ...m, parts: [] }))
 */
export function updateMessageAt(
  data: MessagePages,
  at: MessageLocation,
  update: (message: MessageWithParts) => MessageWithParts,
): MessagePages {
  const items = data.pages[at.page]?.items;
  const message = items?.[at.index];
  if (items === undefined || message === undefined) return data;
  const next = update(message);
  if (next === message) return data;
  const copy = items.slice();
  copy[at.index] = next;
  return withPage(data, at.page, copy);
}

/**
 * Inserts a message into the newest page at its id position (ids are time-ordered), or replaces
 * the message with the same id wherever it is.
 * @example upsertMessage(data, { info, parts: [] })
 */
export function upsertMessage(data: MessagePages, message: MessageWithParts): MessagePages {
  const at = findMessage(data, message.info.id);
  if (at !== undefined) return updateMessageAt(data, at, () => message);
  const items = data.pages[0]?.items;
  if (items === undefined) return data; // nothing fetched yet: the fetch will bring it
  let position = items.length;
  while (position > 0 && (items[position - 1]?.info.id ?? "") > message.info.id) position -= 1;
  return withPage(data, 0, [...items.slice(0, position), message, ...items.slice(position)]);
}

/**
 * Replaces a message's info (keeping its parts), or inserts the message with no parts yet.
 * @example upsertMessageInfo(data, event.properties.info)
 */
export function upsertMessageInfo(data: MessagePages, info: MessageWithParts["info"]): MessagePages {
  const at = findMessage(data, info.id);
  if (at === undefined) return upsertMessage(data, { info, parts: [] });
  return updateMessageAt(data, at, (message) => (message.info === info ? message : { ...message, info }));
}

/**
 * Removes a message.
 * @example removeMessage(data, "msg_1")
 */
export function removeMessage(data: MessagePages, messageId: string): MessagePages {
  const at = findMessage(data, messageId);
  const items = at === undefined ? undefined : data.pages[at.page]?.items;
  if (at === undefined || items === undefined) return data;
  return withPage(data, at.page, items.filter((_, i) => i !== at.index));
}

/**
 * Every message, chronological (oldest first): the pages reversed and concatenated.
 * @example const messages = flattenMessagePages(query.data)
 */
export function flattenMessagePages(data: MessagePages | undefined): MessageWithParts[] {
  if (data === undefined) return [];
  const result: MessageWithParts[] = [];
  for (let page = data.pages.length - 1; page >= 0; page -= 1) result.push(...(data.pages[page]?.items ?? []));
  return result;
}

/**
 * The greatest message id in the newest page (where the latest message always is), if any.
 * @example newestMessageId(data) // "msg_20f63d939001fQkRxvsI2Y1FV5"
 */
export function newestMessageId(data: MessagePages | undefined): string | undefined {
  let newest: string | undefined;
  for (const message of data?.pages[0]?.items ?? []) {
    if (newest === undefined || message.info.id > newest) newest = message.info.id;
  }
  return newest;
}
