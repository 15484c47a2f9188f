import { useCallback } from "react";
import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import type { PromptInput, PromptResult } from "../core/api";
import { promptWhenReady } from "../core/events/prompt-when-ready";
import { newestMessageId, removeMessage, upsertMessage, type MessagePages } from "./cache/message-pages";
import { buildOptimisticMessage, identifyPrompt, type IdentifiedPrompt } from "./cache/optimistic-message";
import { pauseFetches } from "./cache/pause-fetches";
import { patchQueries } from "./cache/query-writes";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { opencodeKeys } from "../query/keys";
import { withCallerOptions } from "./mutation-options";

/**
 * What `useSendMessage().mutate` takes: the session, the prompt, and how to send it.
 * @example const variables: SendMessageVariables = { sessionId, text: "hi", agent: "plan", mode: "async" }
 */
export interface SendMessageVariables extends PromptInput {
  sessionId: string;
  /**
   * "async" (default): `POST /session/:id/prompt_async`, settles as soon as the server accepted
   * the prompt; follow the reply on the feed (the messages cache does). "sync":
   * `POST /session/:id/message`, settles when the whole turn ended, with the last reply.
   */
  mode?: "async" | "sync";
}

/**
 * What a send resolves to.
 * @example const { messageID, reply }: SendMessageResult = await send.mutateAsync({ sessionId, text: "hi", mode: "sync" })
 */
export interface SendMessageResult {
  /** Id of the user message (client-made, echoed by the server). */
  messageID: string;
  mode: "async" | "sync";
  /** "sync" only: the last assistant message of the turn, with its parts. */
  reply: PromptResult | undefined;
}

interface SendContext {
  resume: () => void;
}

/**
 * Sends a prompt. The user's message appears at once in the session's messages cache, under a
 * client-made id that sorts after every known message (`msg_` + time-ordered hex + random),
 * sent as `messageID` (and each part with its own id) so the server's events update that same
 * message instead of adding a second one. If the request fails the optimistic message is
 * removed again and the error is in `error`. `variables.messageID` holds the id while pending.
 * It does not open a stream: the live cache shows the reply as it streams.
 * @example
 * const send = useSendMessage();
 * send.mutate({ sessionId, text: "Fix the failing test", model: "anthropic/claude-sonnet-4", agent: "build" });
 * const { reply } = await send.mutateAsync({ sessionId, text: "Summarise", mode: "sync" });
 */
export function useSendMessage(
  options: OpencodeMutationOptions<SendMessageResult, SendMessageVariables, SendContext> = {},
): UseMutationResult<SendMessageResult, Error, SendMessageVariables, SendContext> {
  const { client, queryClient } = useOpencodeContext();
  const mutation = useMutation(
    withCallerOptions<SendMessageResult, SendMessageVariables, SendContext>(
      async ({ sessionId, mode = "async", ...input }) => {
        const messageID = input.messageID ?? "";
        let reply: PromptResult | undefined;
        // A4: subscribe first, wait for the feed, then post (once): the reply's first events are
        // never lost to a feed that was not listening yet.
        await promptWhenReady(client.events, sessionId, async () => {
          if (mode === "sync") reply = await client.messages.send(sessionId, input);
          else await client.messages.sendAsync(sessionId, input);
        });
        return { messageID, mode, reply };
      },
      {
        async onMutate(variables) {
          const filters = { queryKey: opencodeKeys.messages(client, variables.sessionId) };
          const resume = await pauseFetches(queryClient, [filters]);
          if (variables.messageID !== undefined && variables.parts !== undefined) {
            const message = buildOptimisticMessage(variables.sessionId, variables as IdentifiedPrompt);
            patchQueries<MessagePages>(queryClient, filters, (data) => upsertMessage(data, message));
          }
          return { resume };
        },
        onSuccess({ reply }, { sessionId }) {
          if (reply === undefined) return;
          patchQueries<MessagePages>(queryClient, { queryKey: opencodeKeys.messages(client, sessionId) }, (data) => upsertMessage(data, reply));
        },
        onError(_error, { sessionId, messageID, mode }) {
          const filters = { queryKey: opencodeKeys.messages(client, sessionId) };
          if (messageID !== undefined) patchQueries<MessagePages>(queryClient, filters, (data) => removeMessage(data, messageID));
          // The sync route fails after storing the user message when the turn fails: ask the server.
          if (mode === "sync") void queryClient.invalidateQueries(filters);
        },
        onSettled: (_data, _error, _variables, context) => context?.resume(),
      },
      options,
    ),
    queryClient,
  );

  const { mutate: rawMutate, mutateAsync: rawMutateAsync } = mutation;
  const identify = useCallback(
    (variables: SendMessageVariables): SendMessageVariables => {
      let newest: string | undefined;
      for (const [, data] of queryClient.getQueriesData<MessagePages>({ queryKey: opencodeKeys.messages(client, variables.sessionId) })) {
        const id = newestMessageId(data);
        if (id !== undefined && (newest === undefined || id > newest)) newest = id;
      }
      return identifyPrompt(variables, newest);
    },
    [client, queryClient],
  );
  const mutate = useCallback<typeof rawMutate>((variables, callbacks) => rawMutate(identify(variables), callbacks), [rawMutate, identify]);
  const mutateAsync = useCallback<typeof rawMutateAsync>(
    (variables, callbacks) => rawMutateAsync(identify(variables), callbacks),
    [rawMutateAsync, identify],
  );
  return { ...mutation, mutate, mutateAsync };
}
