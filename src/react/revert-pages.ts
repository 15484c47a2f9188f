import type { MessagePages } from "./cache/message-pages";
import { hideRevertedMessages, type RevertMarker } from "./revert-filter";

/**
 * The message pages without what a revert undid (same reference when nothing is hidden).
 * @example useMessages(id, { select: (pages) => hideRevertedPages(pages, session.revert) })
 */
export function hideRevertedPages(data: MessagePages, revert: RevertMarker | undefined | null): MessagePages {
  if (!revert?.messageID) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = hideRevertedMessages(page.items, revert);
    if (items.length === page.items.length && items.every((message, i) => message === page.items[i])) return page;
    changed = true;
    return { ...page, items: [...items] };
  });
  return changed ? { ...data, pages } : data;
}
