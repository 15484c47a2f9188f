import { useMutation, type QueryFilters, type UseMutationResult } from "@tanstack/react-query";
import type { Session } from "@opencode-ai/sdk/v2";
import type { SessionUpdatePatch } from "../core/api";
import { pauseFetches } from "./cache/pause-fetches";
import { findCachedSession, writeSession } from "./cache/query-writes";
import { applySessionPatch } from "./cache/session-patch";
import { useOpencodeContext } from "./context";
import type { OpencodeMutationOptions } from "./hook-options";
import { opencodeKeys } from "../query/keys";
import { withCallerOptions } from "./mutation-options";

/**
 * Undo handles of an optimistic update: put the old data back, refetch what was cancelled.
 * @example onError: (_error, _variables, context?: OptimisticContext) => context?.restore()
 */
export interface OptimisticContext {
  restore: () => void;
  resume: () => void;
}

/**
 * What `useUpdateSession().mutate` takes: the session and the patch.
 * @example const variables: UpdateSessionVariables = { sessionId, title: "Renamed", archived: false }
 */
export interface UpdateSessionVariables extends SessionUpdatePatch {
  sessionId: string;
}

/**
 * Renames, archives/unarchives or re-labels a session (`PATCH /session/:id`). The detail, every
 * cached list and the parent's children list show the change at once (an archived session
 * leaves `archived: false` lists); if the server refuses, they are restored and the error is in
 * `error`. On success the server's copy replaces the optimistic one.
 * @example
 * const update = useUpdateSession();
 * update.mutate({ sessionId, title: "Renamed" });
 * update.mutate({ sessionId, archived: true });
 */
export function useUpdateSession(
  options: OpencodeMutationOptions<Session, UpdateSessionVariables, OptimisticContext> = {},
): UseMutationResult<Session, Error, UpdateSessionVariables, OptimisticContext> {
  const { client, queryClient } = useOpencodeContext();
  return useMutation(
    withCallerOptions<Session, UpdateSessionVariables, OptimisticContext>(
      ({ sessionId, ...patch }) => client.sessions.update(sessionId, patch),
      {
        async onMutate({ sessionId, ...patch }) {
          const touched: QueryFilters[] = [
            { queryKey: opencodeKeys.session(client, sessionId), exact: true },
            { queryKey: opencodeKeys.sessionLists(client) },
          ];
          const current = findCachedSession(queryClient, client, sessionId);
          if (current?.parentID) touched.push({ queryKey: opencodeKeys.children(client, current.parentID), exact: true });
          // A fetch landing after the patch would overwrite it with the old title.
          const resume = await pauseFetches(queryClient, touched);
          if (current !== undefined) writeSession(queryClient, client, applySessionPatch(current, patch));
          // A3: undo only this change (the patched fields), never whole-list snapshots: they would
          // wipe sessions created, and changes made, meanwhile.
          const restore = (): void => {
            if (current === undefined) return;
            const now = findCachedSession(queryClient, client, sessionId) ?? current;
            writeSession(queryClient, client, revertSessionPatch(now, current, patch));
          };
          return { restore, resume };
        },
        onError: (_error, _variables, context) => context?.restore(),
        onSuccess: (session) => writeSession(queryClient, client, session),
        onSettled: (_data, _error, _variables, context) => context?.resume(),
      },
      options,
    ),
    queryClient,
  );
}

/** `now` with the fields `patch` touched set back to their values in `before`. */
function revertSessionPatch(now: Session, before: Session, patch: SessionUpdatePatch): Session {
  const next: Session = { ...now };
  if (patch.title !== undefined) next.title = before.title;
  if (patch.metadata !== undefined) {
    if (before.metadata === undefined) delete next.metadata;
    else next.metadata = before.metadata;
  }
  if (patch.archived !== undefined) {
    const time = { ...now.time };
    if (before.time.archived === undefined) delete time.archived;
    else time.archived = before.time.archived;
    next.time = time;
  }
  return next;
}
