/**
 * The chat's message list, kept up to date incrementally: an update re-derives only the messages
 * whose sources changed (the page items that are new objects, the live turn's messages whose parts
 * or info changed, the outbox entries that changed), so a text delta costs O(live turn + one page),
 * not O(history). The whole list is rebuilt (one pass, see build-messages.ts) only when its shape
 * changes: a message added, removed or moved, a page loaded, a turn starting or ending.
 */
import type { MessageWithParts } from "../../core/api";
import type { MessagePages } from "../cache/message-pages";
import { buildChatMessage, buildChatMessages } from "./build-messages";
import { isTurnActive, type LiveTurn } from "./live-turn";
import type { OutboxEntry } from "./outbox";
import type { ChatMessage } from "./types";

type Entries = Readonly<Record<string, OutboxEntry>>;
type PageItems = readonly MessageWithParts[];

const NO_PAGES: readonly PageItems[] = [];

/** The pages' items, newest page first (as the cache holds them). */
function itemsOf(pages: MessagePages | undefined): readonly PageItems[] {
  return pages === undefined ? NO_PAGES : pages.pages.map((page) => page.items);
}

function before(a: ChatMessage, b: ChatMessage): boolean {
  const at = a.info.time.created;
  const bt = b.info.time.created;
  return at !== bt ? at < bt : a.id < b.id;
}

/**
 * What changed in the last {@link ChatList.update}: "all" (the list's shape changed: every
 * listener re-reads) or the ids of the messages whose object changed.
 * @example const changed = list.update(pages, live, entries); if (changed !== "all" && changed.size === 0) return;
 */
export type ChatListChange = "all" | ReadonlySet<string>;

const NOTHING: ReadonlySet<string> = new Set();

/**
 * The list and its indexes, updated in place by {@link ChatList.update}; `messages`, `ids` and
 * each message keep their identity while unchanged.
 * @example
 * const list = new ChatList();
 * list.update(query.data, selectLiveTurn(store.getState()), outbox.getState().entries);
 * list.messages; list.get("msg_1");
 */
export class ChatList {
  /** Oldest first. */
  messages: readonly ChatMessage[] = [];
  /** The messages' ids, oldest first: a new array only when a message is added, removed or moved. */
  ids: readonly string[] = [];
  private byId = new Map<string, ChatMessage>();
  private index = new Map<string, number>();
  private stored = new Map<string, MessageWithParts>();
  private pages: readonly PageItems[] = NO_PAGES;
  private live: LiveTurn | undefined;
  private outbox: Entries = {};

  /** True when the stored history holds this message with its parts (a sent message has landed). */
  storedWithParts(id: string): boolean {
    return (this.stored.get(id)?.parts.length ?? 0) > 0;
  }

  /** The message with this id, if listed. */
  get(id: string): ChatMessage | undefined {
    return this.byId.get(id);
  }

  /**
   * Brings the list up to date with its sources (the history pages, revert already applied; the
   * live turn; the outbox) and says what changed.
   */
  update(pages: MessagePages | undefined, live: LiveTurn, outbox: Entries): ChatListChange {
    const items = itemsOf(pages);
    const changed = this.live === undefined ? undefined : this.changedIds(items, live, outbox);
    this.pages = items;
    const last = this.live;
    this.live = live;
    this.outbox = outbox;
    if (changed === undefined || last === undefined) return this.rebuild();
    if (changed.size === 0) return NOTHING;
    return this.patch(changed) ?? this.rebuild();
  }

  /**
   * The ids whose sources changed (new ones included), or undefined when the shape may have
   * changed in a way only a rebuild handles (a page loaded, a message removed or inserted
   * before the newest one, the turn's messages dropped).
   */
  private changedIds(items: readonly PageItems[], live: LiveTurn, outbox: Entries): Set<string> | undefined {
    const changed = new Set<string>();
    const last = this.live as LiveTurn;
    if (items.length !== this.pages.length) return undefined;
    for (let page = 0; page < items.length; page += 1) {
      const next = items[page] as PageItems;
      const prev = this.pages[page] as PageItems;
      if (next === prev) continue;
      // Only the newest page (0) grows, at its end; anything else is a new shape.
      if (next.length < prev.length || (page > 0 && next.length !== prev.length)) return undefined;
      for (let i = 0; i < next.length; i += 1) {
        const message = next[i] as MessageWithParts;
        const old = prev[i];
        if (message === old) continue;
        if (old !== undefined && message.info.id !== old.info.id) return undefined;
        this.stored.set(message.info.id, message);
        changed.add(message.info.id);
      }
    }
    if (live.assistants !== last.assistants) {
      for (const id of Object.keys(last.assistants)) if (live.assistants[id] === undefined) return undefined;
      for (const id of Object.keys(live.assistants)) if (live.assistants[id] !== last.assistants[id]) changed.add(id);
    }
    if (live.partsByMessage !== last.partsByMessage) {
      for (const id of last.partsByMessage.keys()) if (!live.partsByMessage.has(id)) return undefined;
      for (const [id, parts] of live.partsByMessage) if (parts !== last.partsByMessage.get(id)) changed.add(id);
    }
    if (isTurnActive(live.status) !== isTurnActive(last.status)) {
      for (const id of live.partsByMessage.keys()) changed.add(id);
      for (const id of Object.keys(live.assistants)) changed.add(id);
    }
    if (outbox !== this.outbox) {
      for (const id of Object.keys(this.outbox)) if (outbox[id] === undefined) changed.add(id);
      for (const id of Object.keys(outbox)) if (outbox[id] !== this.outbox[id]) changed.add(id);
    }
    return changed;
  }

  /**
   * Re-derives the changed messages in place and appends new ones that come after every listed
   * message; undefined when that is not enough (rebuild).
   */
  private patch(changed: ReadonlySet<string>): ChatListChange | undefined {
    const live = this.live as LiveTurn;
    const turnActive = isTurnActive(live.status);
    let messages: ChatMessage[] | undefined;
    const added: ChatMessage[] = [];
    const replaced = new Set<string>();
    for (const id of changed) {
      const at = this.index.get(id);
      const previous = this.byId.get(id);
      const sources = { stored: this.stored.get(id), liveParts: live.partsByMessage.get(id), liveInfo: live.assistants[id], turnActive, entry: this.outbox[id] };
      const next = buildChatMessage(sources, previous);
      if (at === undefined || previous === undefined) {
        if (next !== undefined) added.push(next);
        continue;
      }
      if (next === undefined) return undefined;
      if (next === previous) continue;
      messages ??= this.messages.slice();
      messages[at] = next;
      replaced.add(id);
      const prior = messages[at - 1];
      const following = messages[at + 1];
      if ((prior !== undefined && !before(prior, next)) || (following !== undefined && !before(next, following))) return undefined;
    }
    if (added.length > 0) {
      added.sort((a, b) => (before(a, b) ? -1 : 1));
      const tail = (messages ?? this.messages).at(-1);
      if (tail !== undefined && !before(tail, added[0] as ChatMessage)) return undefined;
      messages = [...(messages ?? this.messages), ...added];
      const ids = this.ids.slice();
      for (const message of added) {
        this.index.set(message.id, ids.length);
        ids.push(message.id);
        replaced.add(message.id);
      }
      this.ids = ids;
    }
    if (messages === undefined) return NOTHING;
    // The map is private: updated in place (a copy would cost O(history) per delta).
    const byId = this.byId;
    for (const id of replaced) byId.set(id, messages[this.index.get(id) as number] as ChatMessage);
    this.messages = messages;
    return replaced;
  }

  /** One pass over everything (the list's shape changed). */
  private rebuild(): ChatListChange {
    const history: MessageWithParts[] = [];
    for (let page = this.pages.length - 1; page >= 0; page -= 1) history.push(...(this.pages[page] ?? []));
    this.stored = new Map(history.map((message) => [message.info.id, message] as const));
    const built = buildChatMessages({ history, live: this.live as LiveTurn, outbox: this.outbox }, this.byId);
    const sameIds = built.messages.length === this.ids.length && built.messages.every((message, i) => message.id === this.ids[i]);
    const same = sameIds && built.messages.every((message, i) => message === this.messages[i]);
    if (!same) this.messages = built.messages;
    if (!sameIds) this.ids = built.messages.map((message) => message.id);
    this.byId = built.byId as Map<string, ChatMessage>;
    this.index = new Map(this.ids.map((id, i) => [id, i] as const));
    return same ? NOTHING : "all";
  }
}

