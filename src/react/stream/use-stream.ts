/**
 * `useStream`: the in-flight turn of one session, for a chat UI. A thin binding over the
 * session's shared reply store (see registry.ts): it selects only what it returns, with
 * `useShallow`, so a render happens when something shown changed, at most once per frame while
 * text streams, and at once for status and errors (the store never delays those).
 */
import { useCallback, useInsertionEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { OpencodeError } from "../../core/errors";
import { useOpencodeContext } from "../context";
import { opencodeKeys } from "../../query/keys";
import { toPromptInput } from "./prompt-input";
import { ensureReplyStore, holdReplyStore, type ReplyStoreSettings } from "./registry";
import { useAnsweredIds } from "./resolve-request";
import { createStreamViewSelector } from "./stream-view";
import type { StreamSendInput, StreamSendOptions, StreamWatchdog, UseStreamOptions, UseStreamResult } from "./types";
import { usePartEvents } from "./use-part-events";
import { useHeldReplyStore } from "./use-reply-store";
import { useRemainingMs } from "./use-remaining-ms";

function settingsOf(options: UseStreamOptions): ReplyStoreSettings {
  const { firstEventTimeoutMs, idleTimeoutMs, turnTimeoutMs, throttleMs } = options;
  return { firstEventTimeoutMs, idleTimeoutMs, turnTimeoutMs, throttleMs };
}

/**
 * Streams the replies of a session. Every component calling it for the same session (and client)
 * shares ONE reply store and ONE feed subscription; the store lives while one of them is mounted
 * (StrictMode's double mount keeps it), so a component mounting mid-turn sees the turn so far.
 * It also follows turns started elsewhere (another tab): the feed is subscribed while mounted.
 * With `sessionId` undefined it is idle and `send` rejects. Switching `sessionId` shows the new
 * session from the first render after the switch; the old store is released.
 *
 * `send` waits for the feed to be ready (`server.connected`), then posts `prompt_async` exactly
 * once; `abort` is the server-side abort, the stream stays open to see the turn end. The
 * timeouts and `throttleMs` are read when the session's store is created; the callbacks at call
 * time, so passing new functions every render is fine.
 * @param sessionId The session to follow, or undefined for none.
 * @param options Watchdogs, batching and callbacks (see {@link UseStreamOptions}).
 * @returns The turn's state and actions (see {@link UseStreamResult}).
 * @example
 * function Chat({ sessionId }: { sessionId: string }) {
 *   const { status, text, error, watchdog, send, abort } = useStream(sessionId, { idleTimeoutMs: 60_000 });
 *   const busy = status !== "idle" && status !== "error";
 *   return (
 *     <>
 *       <p>{text}</p>
 *       {status === "awaiting-input" && <PendingPrompts sessionId={sessionId} />}
 *       {watchdog.remainingMs !== null && <small>{Math.ceil(watchdog.remainingMs / 1000)} s left</small>}
 *       {error && <p role="alert">{error.message}</p>}
 *       {busy ? <button onClick={() => abort()}>Stop</button> : <button onClick={() => send("Continue")}>Send</button>}
 *     </>
 *   );
 * }
 */
export function useStream(sessionId: string | undefined, options: UseStreamOptions = {}): UseStreamResult {
  const { client, queryClient } = useOpencodeContext();
  const latest = useRef(options);
  const settings = useRef<ReplyStoreSettings | undefined>(settingsOf(options));
  // Before any effect of this commit (the hold reads the settings): the newest options, without
  // making them dependencies of anything.
  useInsertionEffect(() => {
    latest.current = options;
    settings.current = settingsOf(options);
  });
  const store = useHeldReplyStore(sessionId, settings, latest);
  usePartEvents(store, latest);

  const [select] = useState(createStreamViewSelector);
  const view = useStore(store, useShallow(select));
  const remainingMs = useRemainingMs(view.watchdog.deadlineAt);
  const watchdog = useMemo<StreamWatchdog>(() => ({ ...view.watchdog, remainingMs }), [view.watchdog, remainingMs]);
  // A6: a question or permission answered through useQuestions/usePermissions/useChat leaves at once here too.
  const questionKey = useMemo(() => [...opencodeKeys.questions(client), "answer"], [client]);
  const permissionKey = useMemo(() => [...opencodeKeys.permissions(client), "answer"], [client]);
  const answeredQuestions = useAnsweredIds(queryClient, questionKey);
  const answeredPermissions = useAnsweredIds(queryClient, permissionKey);
  const questions = useMemo(() => withoutAnswered(view.questions, answeredQuestions), [view.questions, answeredQuestions]);
  const permissions = useMemo(() => withoutAnswered(view.permissions, answeredPermissions), [view.permissions, answeredPermissions]);

  const send = useCallback(
    async (input: StreamSendInput, sendOptions?: StreamSendOptions): Promise<void> => {
      if (sessionId === undefined) throw new OpencodeError("opencode-react: useStream has no session to send to (sessionId is undefined)");
      // The store normally exists (held since mount); a child's mount effect can run first.
      const store = ensureReplyStore(client, sessionId, settings.current);
      // A5: held until the POST settled, so a component unmounting meanwhile cannot drop the prompt.
      const release = holdReplyStore(client, sessionId, { settings: undefined, callbacks: { current: {} } });
      try {
        await store.getState().send(toPromptInput(input, sendOptions));
      } finally {
        release();
      }
    },
    [client, sessionId],
  );
  const abort = useCallback(async (): Promise<void> => {
    if (sessionId === undefined) return;
    await ensureReplyStore(client, sessionId, settings.current).getState().abort();
  }, [client, sessionId]);

  return useMemo(() => ({ ...view, questions, permissions, watchdog, send, abort }), [view, questions, permissions, watchdog, send, abort]);
}

/** `list` without the answered entries (the same array when none is). */
function withoutAnswered<T extends { readonly id: string }>(list: readonly T[], answered: ReadonlySet<string>): readonly T[] {
  return list.some((entry) => answered.has(entry.id)) ? list.filter((entry) => !answered.has(entry.id)) : list;
}
