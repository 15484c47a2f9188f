/**
 * The chat of one session, shared by every chat hook of it (per QueryClient, client, session and
 * page size): ONE {@link ChatList} fed by the history cache (revert applied), the session's reply
 * store and the outbox, with three kinds of listeners: the whole list (`useChat`), the list's ids
 * (`useChatMessageIds`: added, removed, moved) and one message (`useChatMessage`: only the rows
 * whose message changed are called). Attached to its sources while someone listens; dropped from
 * the registry on a 0 ms timer after the last listener leaves.
 */
import { hashKey, type QueryClient, type QueryCacheNotifyEvent } from "@tanstack/react-query";
import type { Session } from "@opencode-ai/sdk/v2";
import type { MessagePage } from "../../core/api";
import type { OpencodeClient } from "../../core/client";
import type { ReplyStoreState } from "../../core/reply";
import type { StoreApi } from "zustand/vanilla";
import { messagesInfiniteQueryOptions } from "../../query/messages-query-options";
import { sessionQueryOptions } from "../../query/query-options";
import type { MessagePages } from "../cache/message-pages";
import { hideRevertedPages } from "../revert-pages";
import { EMPTY_REPLY_STORE } from "../stream/empty-store";
import { peekReplyStore, subscribeReplyStores } from "../stream/registry";
import { ChatList } from "./chat-list";
import { selectLiveTurn } from "./live-turn";
import { dropEntries, outboxOf } from "./outbox";
import type { ChatMessage } from "./types";

/**
 * A session's chat as the hooks read it.
 * @example const model = chatModelOf(queryClient, client, "ses_1", 50); model.getMessages()
 */
export interface ChatModel {
  getMessages(): readonly ChatMessage[];
  getIds(): readonly string[];
  getMessage(id: string): ChatMessage | undefined;
  /** Called when `getMessages()` changed. */
  subscribe(listener: () => void): () => void;
  /** Called when `getIds()` changed. */
  subscribeIds(listener: () => void): () => void;
  /** Called when this message's object changed (or the list's shape did). */
  subscribeMessage(id: string, listener: () => void): () => void;
}

type Listeners = Set<() => void>;

/** How long a model nobody subscribed to stays in the registry. */
const UNUSED_MS = 1_000;

function call(listeners: Iterable<() => void> | undefined): void {
  if (listeners !== undefined) for (const listener of [...listeners]) listener();
}

function createChatModel(queryClient: QueryClient, client: OpencodeClient, sessionId: string, pageSize: number, forget: () => void): ChatModel {
  const messagesKey = messagesInfiniteQueryOptions(client, sessionId, { pageSize }).queryKey;
  const sessionKey = sessionQueryOptions(client, sessionId).queryKey;
  // As the cache hashes them (a QueryClient may set its own queryKeyHashFn).
  const messagesHash = queryClient.defaultQueryOptions({ queryKey: messagesKey }).queryHash ?? hashKey(messagesKey);
  const sessionHash = queryClient.defaultQueryOptions({ queryKey: sessionKey }).queryHash ?? hashKey(sessionKey);
  const outbox = outboxOf(client, sessionId);
  const list = new ChatList();
  const all: Listeners = new Set();
  const idListeners: Listeners = new Set();
  const byMessage = new Map<string, Listeners>();
  let count = 0;
  let detach: (() => void) | undefined;
  let forgetTimer: ReturnType<typeof setTimeout> | undefined;

  const storeOf = (): StoreApi<ReplyStoreState> => peekReplyStore(client, sessionId) ?? EMPTY_REPLY_STORE;
  let pagesIn: MessagePages | undefined;
  let revertIn: Session["revert"];
  let shown: MessagePages | undefined;

  const refresh = (): void => {
    // By hash (hashed once above): hashing the keys on every refresh was a measurable share of a delta.
    const cache = queryClient.getQueryCache();
    const pages = cache.get<MessagePage, Error, MessagePages>(messagesHash)?.state.data;
    const revert = cache.get<Session>(sessionHash)?.state.data?.revert;
    if (pages !== pagesIn || revert !== revertIn) {
      pagesIn = pages;
      revertIn = revert;
      shown = pages === undefined ? undefined : hideRevertedPages(pages, revert);
    }
    const entries = outbox.getState().entries;
    const idsBefore = list.ids;
    const messagesBefore = list.messages;
    const changed = list.update(shown, selectLiveTurn(storeOf().getState()), entries);
    if (detach === undefined) return;
    if (list.messages !== messagesBefore) call(all);
    if (list.ids !== idsBefore) call(idListeners);
    if (changed === "all") for (const listeners of byMessage.values()) call(listeners);
    else for (const id of changed) call(byMessage.get(id));
    // A sent message the history now holds (with its parts) leaves the outbox.
    const done = Object.values(entries).filter((entry) => entry.state === "sent" && list.storedWithParts(entry.id));
    if (done.length > 0) queueMicrotask(() => dropEntries(outbox, done.map((entry) => entry.id)));
  };

  const attach = (): (() => void) => {
    let store: StoreApi<ReplyStoreState> | undefined;
    let offStore: (() => void) | undefined;
    const bind = (): void => {
      const next = storeOf();
      if (next === store) return;
      offStore?.();
      store = next;
      offStore = next.subscribe(refresh);
      refresh();
    };
    const offStores = subscribeReplyStores(client, bind);
    const offCache = queryClient.getQueryCache().subscribe((event: QueryCacheNotifyEvent) => {
      const hash = event.query.queryHash;
      if ((hash === messagesHash || hash === sessionHash) && event.type !== "observerResultsUpdated") refresh();
    });
    const offOutbox = outbox.subscribe(refresh);
    bind();
    return () => {
      offStores();
      offCache();
      offOutbox();
      offStore?.();
    };
  };

  const retain = (listeners: Listeners, listener: () => void): (() => void) => {
    listeners.add(listener);
    count += 1;
    if (forgetTimer !== undefined) {
      clearTimeout(forgetTimer);
      forgetTimer = undefined;
    }
    detach ??= attach();
    return () => {
      if (!listeners.delete(listener)) return;
      count -= 1;
      if (count > 0) return;
      detach?.();
      detach = undefined;
      forgetTimer = setTimeout(() => {
        forgetTimer = undefined;
        if (count === 0) forget();
      }, 0);
    };
  };

  // Unattached (a render before the effects subscribe), every read brings the list up to date.
  const read = (): void => {
    if (detach === undefined) refresh();
  };

  // A model read by a render that never committed (or on a server) is never subscribed: it
  // leaves the registry after a while instead of holding its list forever.
  forgetTimer = setTimeout(() => {
    forgetTimer = undefined;
    if (count === 0) forget();
  }, UNUSED_MS);
  (forgetTimer as { unref?: () => void }).unref?.();

  return {
    getMessages: () => (read(), list.messages),
    getIds: () => (read(), list.ids),
    getMessage: (id) => (read(), list.get(id)),
    subscribe: (listener) => retain(all, listener),
    subscribeIds: (listener) => retain(idListeners, listener),
    subscribeMessage: (id, listener) => {
      let listeners = byMessage.get(id);
      if (listeners === undefined) byMessage.set(id, (listeners = new Set()));
      const release = retain(listeners, listener);
      return () => {
        release();
        if (listeners.size === 0 && byMessage.get(id) === listeners) byMessage.delete(id);
      };
    },
  };
}

const models = new WeakMap<QueryClient, WeakMap<OpencodeClient, Map<string, ChatModel>>>();

/**
 * The shared chat of a session for one history page size (created on first use).
 * @example const model = chatModelOf(queryClient, client, "ses_1", 50)
 */
export function chatModelOf(queryClient: QueryClient, client: OpencodeClient, sessionId: string, pageSize: number): ChatModel {
  let byClient = models.get(queryClient);
  if (byClient === undefined) models.set(queryClient, (byClient = new WeakMap()));
  let byKey = byClient.get(client);
  if (byKey === undefined) byClient.set(client, (byKey = new Map()));
  const key = `${pageSize} ${sessionId}`;
  let model = byKey.get(key);
  if (model === undefined) {
    const map = byKey;
    const created = createChatModel(queryClient, client, sessionId, pageSize, () => {
      if (map.get(key) === created) map.delete(key);
    });
    model = created;
    byKey.set(key, model);
  }
  return model;
}
