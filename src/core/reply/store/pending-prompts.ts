/**
 * Questions and permission requests the store could not see being asked or answered: before it
 * existed (a turn resumed after a reload) or while the feed was down (a reconnect mid-turn). The
 * pending lists are fetched; each request of this session (or a child's) the reply lacks becomes
 * its `*.asked` event, and each one the reply holds that the server no longer lists was answered
 * meanwhile and leaves. A request resolved on the feed while the lists were in flight never comes back.
 */
import type { WireEvent } from "../../events/types";
import { PENDING_GONE } from "../reducer/prompts";
import type { ReplyState } from "../reducer/state";
import { isRecord, str } from "../reducer/wire";
import type { ReplyStoreClient } from "./reply-store-types";

/** The two lists (questions, permissions); undefined for a route the client lacks or that failed. */
export type PendingLists = readonly [readonly unknown[] | undefined, readonly unknown[] | undefined];

/**
 * `question.replied`, `question.rejected`, `permission.replied`: the request id they resolve.
 * @example resolvedRequestId({ type: "question.replied", properties: { requestID: "que_1" } }) // "que_1"
 */
export function resolvedRequestId(event: WireEvent): string | undefined {
  const type = event.type;
  if (type !== "question.replied" && type !== "question.rejected" && type !== "permission.replied") return undefined;
  return str(event.properties.requestID);
}

/**
 * Fetches both pending lists; a failure is reported and leaves that list undefined (nothing is
 * removed on its account either).
 * @example const lists = await listPending(client, report);
 */
export async function listPending(client: ReplyStoreClient, report: (error: unknown) => void): Promise<PendingLists> {
  const list = async (fetch: (() => Promise<readonly unknown[]>) | undefined): Promise<readonly unknown[] | undefined> => {
    try {
      return await fetch?.();
    } catch (error) {
      report(error);
      return undefined;
    }
  };
  const { questions, permissions } = client;
  return Promise.all([list(questions && (() => questions.list())), list(permissions && (() => permissions.list()))]);
}

/**
 * The events that bring `reply` in line with the lists. `before`: the ids pending when the lists
 * were asked for; `resolved`: the ids the feed resolved meanwhile.
 * @example for (const event of pendingEvents(reply, lists, before, resolved)) inject(event);
 */
export function pendingEvents(reply: ReplyState, lists: PendingLists, before: ReadonlySet<string>, resolved: ReadonlySet<string>): WireEvent[] {
  const events: WireEvent[] = [];
  const ours = (id: unknown): boolean => id === reply.sessionId || (typeof id === "string" && reply.children[id] === true);
  const sync = (type: string, items: readonly unknown[] | undefined, pending: Readonly<Record<string, unknown>>): void => {
    if (items === undefined) return;
    const listed = new Set<string>();
    for (const item of items) {
      const id = isRecord(item) && ours(item.sessionID) ? str(item.id) : undefined;
      if (id === undefined) continue;
      listed.add(id);
      if (!(id in pending) && !resolved.has(id)) events.push({ type, properties: item as Record<string, unknown> });
    }
    for (const id in pending) {
      if (before.has(id) && !listed.has(id)) events.push({ type: PENDING_GONE, properties: { sessionID: reply.sessionId, requestID: id } });
    }
  };
  sync("question.asked", lists[0], reply.questions);
  sync("permission.asked", lists[1], reply.permissions);
  return events;
}
