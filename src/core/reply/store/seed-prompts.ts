/**
 * Questions and permission requests the store could not see being asked: before it existed (a
 * turn resumed after a reload) or while the feed was down (a reconnect mid-turn). Without them the
 * status would say "streaming" while the turn waits for the user, and the turn deadline would run
 * instead of being suspended. So the pending lists are fetched and each request of this session
 * the reply does not hold is applied as if its `*.asked` event had arrived.
 *
 * A request answered while the lists were in flight must not come back as pending: resolutions the
 * feed delivers meanwhile are noted (`TurnRuntime.resolvedWhileSeeding`) and those ids skipped.
 */
import type { WireEvent } from "../../events/types";
import type { ReplyRuntime } from "./reply-runtime";
import { PENDING_GONE } from "../reducer/prompts";
import { isRecord, str } from "../reducer/wire";

/** `question.replied`, `question.rejected`, `permission.replied`: the request id they resolve. */
export function resolvedRequestId(event: WireEvent): string | undefined {
  const type = event.type;
  if (type !== "question.replied" && type !== "question.rejected" && type !== "permission.replied") return undefined;
  return str(event.properties.requestID);
}

/** The list, or undefined when there is no such route or it failed (then nothing is removed either). */
async function listed(rt: ReplyRuntime, list: (() => Promise<readonly unknown[]>) | undefined): Promise<readonly unknown[] | undefined> {
  if (list === undefined) return undefined;
  try {
    return await list();
  } catch (error) {
    rt.report(error); // the turn goes on; only the status may lag until the next prompt event
    return undefined;
  }
}


/**
 * Fetches the pending questions and permissions and applies those of this session the reply lacks.
 * Only for the running turn of `generation`; failures are reported, never thrown.
 * @example await seedPendingPrompts(rt, t.generation); // after a resume or a reconnect
 */
export async function seedPendingPrompts(rt: ReplyRuntime, generation: number): Promise<void> {
  const { questions, permissions } = rt.client;
  if (questions === undefined && permissions === undefined) return;
  const t = rt.turn;
  const resolved = (t.resolvedWhileSeeding ??= new Set());
  // Requests pending when the lists were asked for: those the server no longer lists were answered.
  const before = new Set([...Object.keys(t.reply.questions), ...Object.keys(t.reply.permissions)]);
  t.seeding += 1;
  let found: [readonly unknown[] | undefined, readonly unknown[] | undefined];
  try {
    found = await Promise.all([
      listed(rt, questions && (() => questions.list())),
      listed(rt, permissions && (() => permissions.list())),
    ]);
  } finally {
    t.seeding -= 1;
    if (t.seeding === 0) t.resolvedWhileSeeding = null;
  }
  if (t.disposed || generation !== t.generation || t.stage !== "running") return;
  const [asked, requested] = found;
  const ours = (sessionID: unknown): boolean =>
    sessionID === rt.sessionId || (typeof sessionID === "string" && t.reply.children[sessionID] === true);
  const apply = (type: string, items: readonly unknown[] | undefined, pending: Readonly<Record<string, { readonly sessionId: string }>>): void => {
    if (items === undefined) return;
    const listedIds = new Set<string>();
    for (const item of items) {
      if (!isRecord(item) || !ours(item.sessionID)) continue;
      const id = str(item.id);
      if (id === undefined) continue;
      listedIds.add(id);
      if (id in pending || resolved.has(id)) continue;
      rt.inject({ type, properties: item });
    }
    for (const id in pending) {
      const entry = pending[id];
      if (entry !== undefined && before.has(id) && !listedIds.has(id)) {
        rt.inject({ type: PENDING_GONE, properties: { sessionID: rt.sessionId, requestID: id } });
      }
    }
  };
  apply("question.asked", asked, t.reply.questions);
  apply("permission.asked", requested, t.reply.permissions);
}
