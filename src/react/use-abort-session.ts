import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { withCallerOptions } from "./mutation-options";

/**
 * Stops the server's work on a session (`POST /session/:id/abort`; true even when it was idle).
 * This is a server abort: it is not the same as closing a stream or unmounting a component,
 * which never stop the agent. The status map turns idle through the `session.status` event.
 * @example
 * const abort = useAbortSession();
 * <button onClick={() => abort.mutate(sessionId)}>Stop</button>
 */
export function useAbortSession(options: OpencodeMutationOptions<boolean, string> = {}): UseMutationResult<boolean, Error, string> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<boolean, string, unknown>((sessionId) => client.sessions.abort(sessionId), {}, options),
    queryClient,
  );
}
