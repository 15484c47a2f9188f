/** `useChatMessageIds`: the ids of a chat's messages, for a big screen's list of self-subscribed rows. */
import { useCallback, useRef, useSyncExternalStore } from "react";
import { DEFAULT_MESSAGE_PAGE_SIZE } from "../../query/messages-query-options";
import { useOpencodeContext } from "../context";
import type { ReplyStoreSettings } from "../stream/registry";
import { useHeldReplyStore } from "../stream/use-reply-store";
import { useMessages } from "../use-messages";
import { chatModelOf } from "./chat-model";

const NO_IDS: readonly string[] = [];
const noop = (): void => undefined;
const selectNothing = (): true => true;
const NO_PROPS: never[] = [];

/**
 * The ids of the messages `useChat(sessionId).messages` lists, oldest first, as an array that
 * changes only when a message is added, removed or moved: never while a message streams. With
 * each row reading its message through `useChatMessage`, a streaming turn re-renders one row and
 * neither the list nor any past row, however long the history (the history loads and stays live,
 * as in `useChat`; pass the same `pageSize` to both).
 * @param sessionId The session, or undefined (an empty list).
 * @param options `pageSize`: the history page size (default 50).
 * @example
 * function Transcript({ sessionId }: { sessionId: string }) {
 *   const ids = useChatMessageIds(sessionId);
 *   return ids.map((id) => <Row key={id} sessionId={sessionId} id={id} />);
 * }
 */
export function useChatMessageIds(sessionId: string | undefined, options: { readonly pageSize?: number } = {}): readonly string[] {
  const { client, queryClient } = useOpencodeContext();
  const pageSize = options.pageSize ?? DEFAULT_MESSAGE_PAGE_SIZE;
  const settings = useRef<ReplyStoreSettings | undefined>(undefined);
  useHeldReplyStore(sessionId, settings);
  // Loads the history and keeps it live; never re-renders the list itself (no result prop is read).
  useMessages(sessionId, { pageSize, select: selectNothing, notifyOnChangeProps: NO_PROPS });
  const model = sessionId === undefined ? undefined : chatModelOf(queryClient, client, sessionId, pageSize);
  const subscribe = useCallback((listener: () => void) => (model === undefined ? noop : model.subscribeIds(listener)), [model]);
  const get = useCallback(() => (model === undefined ? NO_IDS : model.getIds()), [model]);
  return useSyncExternalStore(subscribe, get, get);
}
