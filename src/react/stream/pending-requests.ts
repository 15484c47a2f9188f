/**
 * The pending lists of useQuestions / usePermissions: the server's list (`GET /question`,
 * `GET /permission`, kept fresh by the live cache) merged with the session's reply store, which
 * has a request the moment its event arrives, even while the list is still loading. Requests use
 * the reply store's shapes (`PendingQuestion`, `PendingPermission`) whichever source they came from.
 */
import type { PermissionRequest, QuestionRequest } from "@opencode-ai/sdk/v2";
import type { PendingPermission, PendingQuestion } from "../../core/reply";

// One converted object per server object: the same request keeps its identity across renders.
const converted = new WeakMap<object, PendingQuestion | PendingPermission>();

/**
 * A listed question in the reply store's shape. `askedAt` is when this client first saw it (the
 * list does not say when it was asked).
 * @example toPendingQuestion(await client.questions.list()[0])
 */
export function toPendingQuestion(request: QuestionRequest): PendingQuestion {
  let pending = converted.get(request) as PendingQuestion | undefined;
  if (pending === undefined) {
    pending = {
      id: request.id,
      kind: "question",
      questions: request.questions,
      ...(request.tool ? { tool: { messageID: request.tool.messageID, callID: request.tool.callID } } : {}),
      askedAt: Date.now(),
      raw: request,
    };
    converted.set(request, pending);
  }
  return pending;
}

/**
 * A listed permission request in the reply store's shape (`askedAt`: first seen by this client).
 * @example toPendingPermission(await client.permissions.list()[0])
 */
export function toPendingPermission(request: PermissionRequest): PendingPermission {
  let pending = converted.get(request) as PendingPermission | undefined;
  if (pending === undefined) {
    pending = {
      id: request.id,
      kind: "permission",
      permission: request.permission,
      patterns: request.patterns,
      always: request.always,
      metadata: request.metadata,
      ...(request.tool ? { tool: request.tool } : {}),
      askedAt: Date.now(),
      raw: request,
    };
    converted.set(request, pending);
  }
  return pending;
}

/**
 * Listed requests (of `sessionId` when given) then the store's own, minus the answered ones. A
 * request in both is the store's object (it knows when it was asked).
 * @example mergePending(data, live, answered, sessionId, toPendingQuestion)
 */
export function mergePending<R extends { readonly id: string; readonly sessionID: string }, P extends { readonly id: string }>(
  listed: readonly R[] | undefined,
  live: readonly P[],
  answered: ReadonlySet<string>,
  sessionId: string | undefined,
  convert: (request: R) => P,
): readonly P[] {
  const byId = new Map(live.map((pending) => [pending.id, pending] as const));
  const merged: P[] = [];
  const seen = new Set<string>();
  for (const request of listed ?? []) {
    if ((sessionId !== undefined && request.sessionID !== sessionId) || answered.has(request.id)) continue;
    merged.push(byId.get(request.id) ?? convert(request));
    seen.add(request.id);
  }
  for (const pending of live) if (!seen.has(pending.id) && !answered.has(pending.id)) merged.push(pending);
  return merged;
}
