/** `usePermissions`: tool calls waiting for the user's approval, with an optimistic reply. */
import { useCallback, useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useStore } from "zustand";
import type { PermissionReply } from "../../core/api";
import { useOpencodeContext } from "../context";
import { opencodeKeys } from "../../query/keys";
import { permissionsQueryOptions } from "../../query/query-options";
import { useLiveCache } from "../use-live-cache";
import { mergePending, toPendingPermission } from "./pending-requests";
import { useAnsweredIds, useResolveRequest, type ResolveVariables } from "./resolve-request";
import { pendingList } from "./stream-view";
import type { UsePermissionsResult } from "./types";
import { usePeekedReplyStore } from "./use-reply-store";

interface PermissionVariables extends ResolveVariables {
  readonly reply: PermissionReply;
  readonly message: string | undefined;
}

/**
 * The pending permission requests of the instance (`GET /permission`), or of one session, kept
 * live by the feed; a request of a session whose `useStream` is mounted appears the moment it is
 * asked. `reply` removes it at once; if the server refuses it comes back and the typed error is
 * in `error` (and the promise rejects); a 404 (answered already) just removes it. Meanwhile the
 * session's `useStream` shows "awaiting-input" and its turn deadline is suspended.
 * @param sessionId Only this session's requests; all of them when undefined.
 * @returns The requests (`PendingPermission`: the server's request plus `kind`, `askedAt`, `raw`) and `reply`.
 * @example
 * const { permissions, reply } = usePermissions(sessionId);
 * return permissions.map((p) => (
 *   <div key={p.id}>
 *     {p.permission}: {p.patterns.join(" ")}
 *     <button onClick={() => reply(p.id, "once")}>Allow</button>
 *     <button onClick={() => reply(p.id, "reject", "Not on production")}>Reject</button>
 *   </div>
 * ));
 */
export function usePermissions(sessionId?: string): UsePermissionsResult {
  const { client, queryClient } = useOpencodeContext();
  useLiveCache();
  const options = permissionsQueryOptions(client);
  const query = useQuery(options, queryClient);
  const live = useStore(usePeekedReplyStore(sessionId), (state) => pendingList(state.permissions));
  const mutationKey = useMemo(() => [...opencodeKeys.permissions(client), "answer"], [client]);
  const answered = useAnsweredIds(queryClient, mutationKey);
  const mutation = useResolveRequest<PermissionVariables>(queryClient, options.queryKey, mutationKey, ({ requestId, reply, message }) =>
    client.permissions.reply(requestId, reply, message),
  );
  const permissions = useMemo(
    () => mergePending(query.data, live, answered, sessionId, toPendingPermission),
    [query.data, live, answered, sessionId],
  );
  const { mutateAsync } = mutation;
  const reply = useCallback(
    (requestId: string, answer: PermissionReply, message?: string) => mutateAsync({ requestId, reply: answer, message }),
    [mutateAsync],
  );
  const error = mutation.error ?? query.error;
  return useMemo(() => ({ permissions, reply, error }), [permissions, reply, error]);
}
