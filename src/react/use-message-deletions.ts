import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import { removeMessagePart } from "./cache/message-parts";
import { findMessage, removeMessage, updateMessageAt, type MessagePages } from "./cache/message-pages";
import { patchQueries } from "./cache/query-writes";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { opencodeKeys } from "../query/keys";
import { withCallerOptions } from "./mutation-options";

/** Variables of `useDeleteMessage`. @example del.mutate({ sessionId, messageID } satisfies DeleteMessageVariables) */
export interface DeleteMessageVariables {
  sessionId: string;
  messageID: string;
}

/** Variables of `useDeletePart`. @example del.mutate({ sessionId, messageID, partID } satisfies DeletePartVariables) */
export interface DeletePartVariables extends DeleteMessageVariables {
  partID: string;
}

/**
 * Deletes a stored message (`DELETE /session/:id/message/:mid`) and drops it from the cached
 * pages. A busy session fails with ConflictError.
 * @example const del = useDeleteMessage(); del.mutate({ sessionId, messageID: message.info.id });
 */
export function useDeleteMessage(options: OpencodeMutationOptions<boolean, DeleteMessageVariables> = {}): UseMutationResult<boolean, Error, DeleteMessageVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<boolean, DeleteMessageVariables, unknown>(
      ({ sessionId, messageID }) => client.messages.delete(sessionId, messageID),
      {
        onSuccess: (_ok, { sessionId, messageID }) =>
          patchQueries<MessagePages>(queryClient, { queryKey: opencodeKeys.messages(client, sessionId) }, (pages) => removeMessage(pages, messageID)),
      },
      options,
    ),
    queryClient,
  );
}

/**
 * Deletes one part of a stored message (`DELETE .../message/:mid/part/:pid`) and drops it from the cached pages.
 * @example const del = useDeletePart(); del.mutate({ sessionId, messageID, partID: part.id });
 */
export function useDeletePart(options: OpencodeMutationOptions<boolean, DeletePartVariables> = {}): UseMutationResult<boolean, Error, DeletePartVariables> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<boolean, DeletePartVariables, unknown>(
      ({ sessionId, messageID, partID }) => client.messages.deletePart(sessionId, messageID, partID),
      {
        onSuccess: (_ok, { sessionId, messageID, partID }) =>
          patchQueries<MessagePages>(queryClient, { queryKey: opencodeKeys.messages(client, sessionId) }, (pages) => {
            const at = findMessage(pages, messageID);
            return at === undefined ? pages : updateMessageAt(pages, at, (message) => removeMessagePart(message, partID));
          }),
      },
      options,
    ),
    queryClient,
  );
}
