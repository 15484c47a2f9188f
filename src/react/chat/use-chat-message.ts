/** `useChatMessage`: one message of a chat, for a view that should re-render for itself alone. */
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { DEFAULT_MESSAGE_PAGE_SIZE, messagesInfiniteQueryOptions } from "../../query/messages-query-options";
import { useOpencodeContext } from "../context";
import { holdLiveCache } from "../live-cache";
import { holdReplyStore } from "../stream/registry";
import { chatModelOf } from "./chat-model";
import type { ChatMessage } from "./types";

const NO_CALLBACKS = { current: {} };
const noop = (): void => undefined;
const none = (): undefined => undefined;

/**
 * One message of a session's chat, in the shape `useChat` lists it (the same rules, the same
 * object while nothing changed), re-rendering only when THIS message changes: a row reads its
 * message from the session's shared chat in O(1), and only the rows whose message changed are
 * called, so a streaming turn re-renders one row however long the history is. For a big screen,
 * render the list from {@link useChatMessageIds} (which changes only when messages are added,
 * removed or moved) with each row subscribed to itself. Undefined until some source (history,
 * live turn, outbox) has it. Loads the history's first page if nothing else did.
 * @param sessionId The session.
 * @param messageId The message.
 * @param options `pageSize`: the history page size `useChat` uses (default 50), to share its cache.
 * @example
 * const Row = memo(function Row({ sessionId, id }: { sessionId: string; id: string }) {
 *   const message = useChatMessage(sessionId, id);
 *   return message ? <Bubble message={message} /> : null;
 * });
 */
export function useChatMessage(sessionId: string | undefined, messageId: string, options: { readonly pageSize?: number } = {}): ChatMessage | undefined {
  const { client, queryClient } = useOpencodeContext();
  const pageSize = options.pageSize ?? DEFAULT_MESSAGE_PAGE_SIZE;
  const model = sessionId === undefined ? undefined : chatModelOf(queryClient, client, sessionId, pageSize);
  const subscribe = useCallback((listener: () => void) => (model === undefined ? noop : model.subscribeMessage(messageId, listener)), [model, messageId]);
  const get = useCallback(() => model?.getMessage(messageId), [model, messageId]);
  useEffect(() => {
    if (sessionId === undefined) return undefined;
    // Alone on a screen, the row still sees the history (first page) and the live turn.
    const releaseCache = holdLiveCache(client, queryClient);
    const releaseStore = holdReplyStore(client, sessionId, { settings: undefined, callbacks: NO_CALLBACKS });
    void queryClient.prefetchInfiniteQuery(messagesInfiniteQueryOptions(client, sessionId, { pageSize })).catch(noop);
    return () => {
      releaseStore();
      releaseCache();
    };
  }, [client, queryClient, sessionId, pageSize]);
  return useSyncExternalStore(subscribe, get, none);
}
