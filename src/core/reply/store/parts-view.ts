/**
 * The published `parts` array, kept at O(size of the change) per store update: the store notes
 * which parts each applied batch named; the previous array is copied (a flat pointer copy) and only
 * those parts are looked up again; parts appended at the end are added. Anything else (a merge, a
 * new turn, parts removed, an event that changes a part without naming it) rebuilds the array.
 * (Building the array only when read, through a getter, was measured and dropped: the getter made
 * every store update, and the reducer's rows of the scaling bench, 20-50x slower.)
 */
import type { WireEvent } from "../../events/types";
import type { ReplyState } from "../reducer/state";
import type { ReplyPart } from "../reducer/types";

/**
 * The projection of one store: `note` each applied batch, `view` on publish.
 * @example const parts = createPartsView(); parts.note(before.parts, after.parts, events); parts.view(after);
 */
export interface PartsView {
  /** A batch of `events` turned the parts table `from` into `to`. */
  note(from: ReplyState["parts"], to: ReplyState["parts"], events: readonly WireEvent[]): void;
  /** The parts of `reply` as an ordered array (the same array while the parts do not change). */
  view(reply: ReplyState): readonly ReplyPart[];
}

/** Notes the part an event names into `ids`; false when it may change parts it does not name. */
function named(ids: string[], event: WireEvent): boolean {
  const props = event.properties;
  switch (event.type) {
    case "message.part.delta":
      if (typeof props.partID === "string") ids.push(props.partID);
      return true;
    case "message.part.updated": {
      const part = props.part as { id?: unknown } | undefined;
      if (typeof part?.id === "string") ids.push(part.id);
      return true;
    }
    // A todo list refreshing its tool part, a question linking one, a user message removing its parts.
    case "todo.updated":
    case "question.asked":
    case "message.updated":
      return false;
    default:
      return true;
  }
}

/**
 * Creates the projection of one store.
 * @example const parts = createPartsView();
 */
export function createPartsView(): PartsView {
  let map: ReplyState["parts"] | undefined;
  let order: readonly string[] = [];
  let list: readonly ReplyPart[] = [];
  let index = new Map<string, number>();
  // What changed since the last view: from which table to which, and the ids named (null: unknown).
  let record: { from: ReplyState["parts"]; to: ReplyState["parts"]; ids: string[] | null } | undefined;

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

  const update = (reply: ReplyState): readonly ReplyPart[] | undefined => {
    // The record must describe exactly the change from the last projected table to this one.
    if (record === undefined || record.ids === null || map === undefined || record.from !== map || record.to !== reply.parts) return undefined;
    const nextIds = reply.partIds;
    let next: ReplyPart[] | undefined;
    if (nextIds !== order) {
      const known = order.length;
      // Only parts appended at the end are followed; any other change of the order rebuilds.
      if (nextIds.length < known || (known > 0 && nextIds[known - 1] !== order[known - 1]) || list.length !== known) return undefined;
      next = list.slice();
      for (let i = known; i < nextIds.length; i++) {
        const id = nextIds[i] as string;
        const part = reply.parts.get(id);
        if (part === undefined) return undefined;
        index.set(id, next.length);
        next.push(part);
      }
    }
    for (const id of record.ids) {
      const at = index.get(id);
      if (at === undefined) continue;
      const part = reply.parts.get(id);
      if (part === undefined) return undefined;
      if ((next ?? list)[at] === part) continue;
      next ??= list.slice();
      next[at] = part;
    }
    return next;
  };

  return {
    note(from, to, events) {
      // Valid only as a continuation of the previous record (any other write in between breaks the chain).
      let ids: string[] | null = record === undefined ? [] : record.to === from ? record.ids : null;
      for (const event of events) if (ids !== null && !named(ids, event)) ids = null;
      record = { from: record?.from ?? from, to, ids };
    },
    view(reply) {
      if (reply.parts !== map) list = update(reply) ?? rebuild(reply);
      record = undefined;
      map = reply.parts;
      order = reply.partIds;
      return list;
    },
  };
}
