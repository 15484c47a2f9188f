/**
 * The pending lists of useQuestions / usePermissions: the server's list (`GET /question`,
 * `GET /permission`, kept fresh by the live cache) merged with the session's reply store, which
 * has a request the moment its event arrives, even while the list is still loading. Requests use
 * the reply store's shapes (`PendingQuestion`, `PendingPermission`) whichever source they came from.
 */
import type { PermissionRequest, QuestionRequest } from "@opencode-ai/sdk/v2";
import { pendingPermissionOf, pendingQuestionOf, type PendingPermission, type PendingQuestion } from "../../core/reply";

// One converted object per server object: the same request keeps its identity across renders.
const converted = new WeakMap<object, PendingQuestion | PendingPermission>();

/** `request` converted once by `convert` (the reducer's own builder, so both sources agree). */
function convertOnce<P extends PendingQuestion | PendingPermission>(request: { readonly id: string }, convert: (props: Record<string, unknown>, askedAt: number) => P | undefined): P {
  let pending = converted.get(request) as P | undefined;
  if (pending === undefined) {
    // A listed request always has a string id, so the builder always answers.
    pending = convert(request as unknown as Record<string, unknown>, Date.now()) as P;
    converted.set(request, pending);
  }
  return pending;
}

/**
 * A listed question in the reply store's shape. `askedAt` is when this client first saw it (the
 * list does not say when it was asked).
 * @example toPendingQuestion(await client.questions.list()[0])
 */
export function toPendingQuestion(request: QuestionRequest): PendingQuestion {
  return convertOnce(request, pendingQuestionOf);
}

/**
 * A listed permission request in the reply store's shape (`askedAt`: first seen by this client).
 * @example toPendingPermission(await client.permissions.list()[0])
 */
export function toPendingPermission(request: PermissionRequest): PendingPermission {
  return convertOnce(request, pendingPermissionOf);
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
