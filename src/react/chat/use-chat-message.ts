/** `useChatMessage`: one message of a chat, for a view that should re-render for itself alone. */
import { useCallback, useMemo, useRef } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { ReplyStoreSettings } from "../stream/registry";
import { useHeldReplyStore } from "../stream/use-reply-store";
import { useOpencodeClient } from "../context";
import { findMessage, type MessagePages } from "../cache/message-pages";
import { useMessages } from "../use-messages";
import { buildChatMessage } from "./build-messages";
import { selectLiveMessage } from "./live-turn";
import { outboxOf } from "./outbox";
import type { ChatMessage } from "./types";

const NO_SETTINGS: ReplyStoreSettings | undefined = undefined;

/**
 * One message of a session's chat, in the shape `useChat` lists it (the same rules, the same
 * object while nothing changed), re-rendering only when THIS message changes: a big screen can
 * render `useChat().messages.map((m) => <Row key={m.id} sessionId={sessionId} id={m.id} />)` with
 * each row subscribed to itself. Undefined until some source (history, live turn, outbox) has it.
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
  const client = useOpencodeClient();
  const settings = useRef(NO_SETTINGS);
  const store = useHeldReplyStore(sessionId, settings);
  const live = useStore(store, useShallow((state) => selectLiveMessage(state, messageId)));
  const select = useCallback((data: MessagePages) => {
    const at = findMessage(data, messageId);
    return at === undefined ? undefined : data.pages[at.page]?.items[at.index];
  }, [messageId]);
  const { data: stored } = useMessages(sessionId, { pageSize: options.pageSize, select });
  const entry = useStore(outboxOf(client, sessionId ?? ""), (s) => s.entries[messageId]);
  const last = useRef<ChatMessage | undefined>(undefined);
  return useMemo(() => {
    const sources = { stored, liveParts: live.parts, liveInfo: live.info, turnActive: live.turnActive, entry };
    last.current = buildChatMessage(sources, last.current?.id === messageId ? last.current : undefined);
    return last.current;
  }, [stored, live, entry, messageId]);
}
