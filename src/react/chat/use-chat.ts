/**
 * `useChat`: a whole conversation in one hook. The stored history (paged, live), the user's
 * message the moment it is sent, and the turn streaming from the session's reply store, merged
 * into one list whose unchanged messages keep their identity (see build-messages.ts).
 */
import { useCallback, useInsertionEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { PermissionReply } from "../../core/api";
import { OpencodeError } from "../../core/errors";
import { canonicalTodos, type Todo } from "../../core/reply";
import { newestMessageId, type MessagePages } from "../cache/message-pages";
import { DEFAULT_MESSAGE_PAGE_SIZE, messagesInfiniteQueryOptions } from "../../query/messages-query-options";
import { identifyPrompt, type IdentifiedPrompt } from "../cache/optimistic-message";
import { useOpencodeContext } from "../context";
import { toPromptInput } from "../stream/prompt-input";
import { ensureReplyStore, type HolderCallbacks, type ReplyStoreSettings } from "../stream/registry";
import type { StreamSendInput, StreamSendOptions } from "../stream/types";
import { usePermissions } from "../stream/use-permissions";
import { useQuestions } from "../stream/use-questions";
import { useHeldReplyStore } from "../stream/use-reply-store";
import { useRemainingMs } from "../stream/use-remaining-ms";
import { useMessages } from "../use-messages";
import { useTodos } from "../use-todos";
import { chatModelOf } from "./chat-model";
import { isConfirmedFailure, isDefiniteRefusal, resendChatMessage, sendChatMessage, type ChatSendContext } from "./chat-send";
import { abortLiveTurn, selectLiveTurn } from "./live-turn";
import { isAwaitingServer, outboxOf } from "./outbox";
import type { ChatHistory, ChatMessage, ChatWatchdog, UseChatOptions, UseChatResult } from "./types";

const NO_SESSION = "";

function settingsOf(options: UseChatOptions): ReplyStoreSettings {
  const { firstEventTimeoutMs, idleTimeoutMs, turnTimeoutMs, throttleMs } = options;
  return { firstEventTimeoutMs, idleTimeoutMs, turnTimeoutMs, throttleMs };
}

const NO_MESSAGES: readonly ChatMessage[] = [];
const noop = (): void => undefined;
const selectNothing = (): true => true;

/**
 * A whole chat of one session in one hook: `messages` (stored history + the user's message at
 * once when sent + the live turn, oldest first, no duplicates, no jump when the turn is
 * reconciled), the turn's `status`, `error`, `sessionStatus`, `watchdog`, `todos` and `totals`,
 * `send` / `resend` / `abort`, the pending `questions` and `permissions` with their optimistic
 * answers (shared with `useQuestions` / `usePermissions`), and the paged `history`. A message
 * or part that did not change keeps its identity, so `React.memo` views of past messages never
 * re-render while another part streams; the list itself changes at most once per frame.
 * Works for a session opened mid-turn and after a reload (it hydrates and keeps streaming).
 * @param sessionId The session, or undefined (nothing loads; `send` rejects).
 * @param options History page size, watchdog windows, batching, onError.
 * @example
 * function Chat({ sessionId }: { sessionId: string }) {
 *   const { messages, status, send, abort } = useChat(sessionId);
 *   return (
 *     <>
 *       {messages.map((m) => <Message key={m.id} message={m} />)}
 *       <Composer busy={status !== "idle" && status !== "error"} onSend={(text) => send(text)} onStop={abort} />
 *     </>
 *   );
 * }
 */
export function useChat(sessionId: string | undefined, options: UseChatOptions = {}): UseChatResult {
  const { client, queryClient } = useOpencodeContext();
  const latest = useRef(options);
  const settings = useRef<ReplyStoreSettings | undefined>(settingsOf(options));
  const callbacks = useRef<HolderCallbacks>({ onError: (error) => latest.current.onError?.(error) });
  useInsertionEffect(() => {
    latest.current = options;
    settings.current = settingsOf(options);
  });
  const store = useHeldReplyStore(sessionId, settings, callbacks);
  const live = useStore(store, useShallow(selectLiveTurn));

  const pageSize = options.pageSize ?? DEFAULT_MESSAGE_PAGE_SIZE;
  // Loads and pages the history (the list itself comes from the shared chat model, below); the
  // constant `select` keeps this observer from re-rendering the chat on every cache write.
  const query = useMessages(sessionId, { pageSize, select: selectNothing });
  const outbox = outboxOf(client, sessionId ?? NO_SESSION);
  const model = sessionId === undefined ? undefined : chatModelOf(queryClient, client, sessionId, pageSize);
  const subscribe = useCallback((listener: () => void) => (model === undefined ? noop : model.subscribe(listener)), [model]);
  const getMessages = useCallback(() => (model === undefined ? NO_MESSAGES : model.getMessages()), [model]);
  const messages = useSyncExternalStore(subscribe, getMessages, getMessages);

  const todosQuery = useTodos(sessionId);
  const storedTodos = useMemo(() => canonicalTodos(todosQuery.data ?? []) as Todo[], [todosQuery.data]);
  const todos = live.todos.length > 0 ? live.todos : storedTodos;

  const questions = useQuestions(sessionId);
  const permissions = usePermissions(sessionId);

  const remainingMs = useRemainingMs(live.watchdog.deadlineAt);
  const watchdog = useMemo<ChatWatchdog>(() => ({ ...live.watchdog, remainingMs }), [live.watchdog, remainingMs]);

  const context = useMemo<ChatSendContext | undefined>(
    () =>
      sessionId === undefined
        ? undefined
        : {
            client,
            sessionId,
            outbox,
            store: () => ensureReplyStore(client, sessionId, settings.current),
            onError: (error) => latest.current.onError?.(error),
          },
    [client, sessionId, outbox],
  );
  const send = useCallback(
    async (input: StreamSendInput, sendOptions?: StreamSendOptions): Promise<void> => {
      if (context === undefined) throw new OpencodeError("opencode-react: useChat has no session to send to (sessionId is undefined)");
      const pages = queryClient.getQueryData<MessagePages>(messagesInfiniteQueryOptions(client, context.sessionId, { pageSize }).queryKey);
      const prompt = identifyPrompt(toPromptInput(input, sendOptions), newestMessageId(pages));
      if (prompt.messageID === undefined || prompt.parts === undefined) throw new TypeError("opencode-react: a prompt needs `text` or `parts`");
      await sendChatMessage(context, prompt as IdentifiedPrompt);
    },
    [context, queryClient, client, pageSize],
  );
  const resend = useCallback(async (messageId: string) => (context === undefined ? undefined : resendChatMessage(context, messageId)), [context]);
  const abort = useCallback(async () => (sessionId === undefined ? undefined : abortLiveTurn(ensureReplyStore(client, sessionId, settings.current))), [client, sessionId]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPending, error: historyError } = query;
  const loadOlder = useCallback(async () => {
    if (hasNextPage && !isFetchingNextPage) await fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const history = useMemo<ChatHistory>(
    () => ({ hasOlder: hasNextPage, loadOlder, isLoadingOlder: isFetchingNextPage, isLoading: sessionId !== undefined && isPending, error: historyError }),
    [hasNextPage, loadOlder, isFetchingNextPage, isPending, historyError, sessionId],
  );

  // An ambiguous POST failure is not shown while the message is being confirmed (nor after, when
  // the server had it); a definite refusal is shown at once.
  const awaiting = useStore(outbox, isAwaitingServer);
  const unconfirmed = awaiting && live.error !== null && !isDefiniteRefusal(live.error);
  const hidden = unconfirmed || isConfirmedFailure(live.error);
  const status = hidden ? (live.sessionStatus.type !== "idle" ? "streaming" : unconfirmed ? "connecting" : "idle") : live.status;
  const error = hidden ? null : live.error;
  const { reply: replyQuestion, reject: rejectQuestion } = questions;
  const replyPermission = permissions.reply as (requestId: string, reply: PermissionReply, message?: string) => Promise<void>;
  return useMemo(
    () => ({
      messages,
      status,
      error,
      sessionStatus: live.sessionStatus,
      watchdog,
      todos,
      totals: live.totals,
      send,
      resend,
      abort,
      questions: questions.questions,
      permissions: permissions.permissions,
      replyQuestion,
      rejectQuestion,
      replyPermission,
      history,
    }),
    [messages, status, error, live.sessionStatus, watchdog, todos, live.totals, send, resend, abort, questions.questions, permissions.permissions, replyQuestion, rejectQuestion, replyPermission, history],
  );
}
