import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import type { Session } from "@opencode-ai/sdk/v2";
import type { SessionCreateInput } from "../core/api";
import { writeSession } from "./cache/query-writes";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { withCallerOptions } from "./mutation-options";

/**
 * Creates a session (`POST /session`). On success the new session is put in its detail cache,
 * in every cached session list it matches, and in its parent's children list (the server's
 * `session.created` event then finds it there: no duplicate).
 * @example
 * const create = useCreateSession({ onSuccess: (session) => navigate(`/chat/${session.id}`) });
 * <button onClick={() => create.mutate({ title: "New chat" })} disabled={create.isPending}>New</button>
 */
export function useCreateSession(
  options: OpencodeMutationOptions<Session, SessionCreateInput | void> = {},
): UseMutationResult<Session, Error, SessionCreateInput | void> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<Session, SessionCreateInput | void, unknown>(
      (input) => client.sessions.create(input ?? {}),
      { onSuccess: (session) => writeSession(queryClient, client, session, { seedDetail: true }) },
      options,
    ),
    queryClient,
  );
}
