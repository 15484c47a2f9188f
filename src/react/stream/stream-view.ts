/**
 * What `useStream` selects from the store: flat fields that each keep their identity until they
 * change, so `useShallow` re-renders only when something shown changed. Text and parts come from
 * the reducer's cached `distill` / `listParts`; the lists built here are cached per source object.
 */
import { distill, type ReplyStoreState, type ReplyToolPart, type ReplyWatchdog } from "../../core/reply";
import type { UseStreamResult } from "./types";

/**
 * The selected view: everything `useStream` returns but the actions, with the store's watchdog
 * clock (the hook adds the ticking `remainingMs`). Derived from {@link UseStreamResult} so the two
 * field lists cannot drift apart.
 * @example const view: StreamView = useStore(store, useShallow(select))
 */
export type StreamView = Omit<UseStreamResult, "send" | "abort" | "watchdog"> & { readonly watchdog: ReplyWatchdog };

// Records only change when an entry is asked or resolved: one array per record object.
const valuesCache = new WeakMap<object, readonly unknown[]>();

/**
 * The values of a pending-requests record, the same array while the record is the same object.
 * @example pendingList(state.questions)
 */
export function pendingList<T>(record: Readonly<Record<string, T>>): readonly T[] {
  let list = valuesCache.get(record) as readonly T[] | undefined;
  if (list === undefined) {
    list = Object.values(record);
    valuesCache.set(record, list);
  }
  return list;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Creates the selector of one `useStream`. `distill` makes a new `toolParts` array whenever any
 * part changes (a text delta too); the selector keeps the previous array while its tool parts are
 * the same objects, so a tool list memoised on it does not recompute on every delta.
 * @example const [select] = useState(createStreamViewSelector); useStore(store, useShallow(select))
 */
export function createStreamViewSelector(): (state: ReplyStoreState) => StreamView {
  let lastTools: readonly ReplyToolPart[] = [];
  return (state) => {
    const distilled = distill(state.reply);
    if (!sameItems(lastTools, distilled.toolParts)) lastTools = distilled.toolParts;
    return {
      status: state.status,
      parts: distilled.parts,
      text: distilled.text,
      reasoning: distilled.reasoning,
      toolParts: lastTools,
      todos: state.todos,
      cost: state.totals.cost,
      tokens: state.totals.tokens,
      error: state.error,
      questions: pendingList(state.questions),
      permissions: pendingList(state.permissions),
      watchdog: state.watchdog,
      result: state.result,
    };
  };
}
