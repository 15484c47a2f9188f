/**
 * The published `parts` array, kept at O(size of the change) per store update: the previous array
 * is copied (a flat pointer copy) and only the parts the applied events named are looked up again;
 * parts appended at the end are added. Anything else (a merge, a new turn, parts removed, an event
 * that changes a part without naming it) rebuilds the array from the order.
 */
import type { ReplyState } from "../reducer/state";
import type { ReplyPart } from "../reducer/types";

/**
 * Projects a reply's parts as an ordered array. `touched`: the part ids the events applied since
 * the last call named, or undefined when unknown (then the array is rebuilt).
 * @example const parts = view(reply, ["prt_1"]);
 */
export type PartsView = (reply: ReplyState, touched: TouchedParts | undefined) => readonly ReplyPart[];

/**
 * What changed since the last projection, as the store recorded it.
 * @example const touched: TouchedParts = { from: before.parts, to: after.parts, ids: ["prt_1"] };
 */
export interface TouchedParts {
  readonly from: ReplyState["parts"];
  readonly to: ReplyState["parts"];
  readonly ids: readonly string[] | null;
}

/**
 * Creates the projection of one store.
 * @example const view = createPartsView(); const parts = view(t.reply, undefined);
 */
export function createPartsView(): PartsView {
  let map: ReplyState["parts"] | undefined;
  let ids: readonly string[] = [];
  let list: readonly ReplyPart[] = [];
  let index = new Map<string, number>();

  const rebuild = (reply: ReplyState): readonly ReplyPart[] => {
    const next: ReplyPart[] = [];
    index = new Map();
    for (const id of reply.partIds) {
      const part = reply.parts.get(id);
      if (part === undefined) continue;
      index.set(id, next.length);
      next.push(part);
    }
    return next;
  };

  const update = (reply: ReplyState, record: TouchedParts | undefined): readonly ReplyPart[] | undefined => {
    // The record must describe exactly the change from the last projected table to this one.
    if (record === undefined || record.ids === null || map === undefined || record.from !== map || record.to !== reply.parts) return undefined;
    const touched = record.ids;
    const nextIds = reply.partIds;
    let next: ReplyPart[] | undefined;
    if (nextIds !== ids) {
      const known = ids.length;
      // Only parts appended at the end are followed; any other change of the order rebuilds.
      if (nextIds.length < known || (known > 0 && nextIds[known - 1] !== ids[known - 1]) || list.length !== known) return undefined;
      next = list.slice();
      for (let i = known; i < nextIds.length; i++) {
        const id = nextIds[i] as string;
        const part = reply.parts.get(id);
        if (part === undefined) return undefined;
        index.set(id, next.length);
        next.push(part);
      }
    }
    for (const id of touched) {
      const at = index.get(id);
      if (at === undefined) continue;
      const part = reply.parts.get(id);
      if (part === undefined) return undefined;
      if ((next ?? list)[at] === part) continue;
      next ??= list.slice();
      next[at] = part;
    }
    // The parts changed, but not where the events said: rebuild.
    return next;
  };

  return (reply, touched) => {
    if (reply.parts === map) return list;
    list = update(reply, touched) ?? rebuild(reply);
    map = reply.parts;
    ids = reply.partIds;
    return list;
  };
}
