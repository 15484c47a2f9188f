/** `useQuestions`: the agent's pending questions, with optimistic reply/reject. */
import { useCallback, useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useStore } from "zustand";
import { pendingList } from "./stream-view";
import { useOpencodeContext } from "../context";
import { opencodeKeys } from "../../query/keys";
import { questionsQueryOptions } from "../../query/query-options";
import { useLiveCache } from "../use-live-cache";
import { mergePending, toPendingQuestion } from "./pending-requests";
import { useAnsweredIds, useResolveRequest, type ResolveVariables } from "./resolve-request";
import type { UseQuestionsResult } from "./types";
import { usePeekedReplyStore } from "./use-reply-store";

interface QuestionVariables extends ResolveVariables {
  /** Undefined: reject. */
  readonly answers: string[][] | undefined;
}

/**
 * The pending questions of the instance (`GET /question`), or of one session, kept live by the
 * feed; a question of a session whose `useStream` is mounted appears the moment it is asked.
 * `reply` and `reject` remove it at once; if the server refuses it comes back and the typed error
 * is in `error` (and the promise rejects); a 404 (answered already) just removes it. Meanwhile
 * the session's `useStream` shows "awaiting-input" and its turn deadline is suspended.
 * @param sessionId Only this session's questions; all of them when undefined.
 * @returns The questions (`PendingQuestion`: the server's request plus `kind`, `askedAt`, `raw`) and the actions.
 * @example
 * const { questions, reply, reject } = useQuestions(sessionId);
 * return questions.map((q) => (
 *   <fieldset key={q.id}>
 *     <legend>{q.questions[0]?.question}</legend>
 *     {q.questions[0]?.options.map((o) => <button key={o.label} onClick={() => reply(q.id, [[o.label]])}>{o.label}</button>)}
 *     <button onClick={() => reject(q.id)}>Dismiss</button>
 *   </fieldset>
 * ));
 */
export function useQuestions(sessionId?: string): UseQuestionsResult {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const options = questionsQueryOptions(client);
  const query = useQuery(options, queryClient);
  const live = useStore(usePeekedReplyStore(sessionId), (state) => pendingList(state.questions));
  const mutationKey = useMemo(() => [...opencodeKeys.questions(client), "answer"], [client]);
  const answered = useAnsweredIds(queryClient, mutationKey);
  const mutation = useResolveRequest<QuestionVariables>(queryClient, options.queryKey, mutationKey, ({ requestId, answers }) =>
    answers === undefined ? client.questions.reject(requestId) : client.questions.reply(requestId, answers),
  );
  const questions = useMemo(
    () => mergePending(query.data, live, answered, sessionId, toPendingQuestion),
    [query.data, live, answered, sessionId],
  );
  const { mutateAsync } = mutation;
  const reply = useCallback((requestId: string, answers: string[][]) => mutateAsync({ requestId, answers }), [mutateAsync]);
  const reject = useCallback((requestId: string) => mutateAsync({ requestId, answers: undefined }), [mutateAsync]);
  const error = mutation.error ?? query.error;
  return useMemo(() => ({ questions, reply, reject, error }), [questions, reply, reject, error]);
}
