/**
 * What `useStream` selects from the store: flat fields that each keep their identity until they
 * change, so `useShallow` re-renders only when something shown changed. Built per store update at
 * the cost of the change (defect 11 of issue 10: no full `distill` per frame).
 */
import { isTerminalTool, type ReplyPart, type ReplyStoreState, type ReplyToolPart, type ReplyWatchdog } from "../../core/reply";
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
 * Joins non-empty texts with a blank line by concatenation: V8 makes a rope, so the cost is one
 * node per part, never a copy of the reply's text (a renderer flattens it once, when it reads it).
 */
function joinTexts(texts: readonly string[]): string {
  let out = "";
  for (const text of texts) out = out === "" ? text : out + "\n\n" + text;
  return out;
}

/** The text of one kind of part, rejoined only when one of its pieces changed. */
function textMemo(): (texts: readonly string[]) => string {
  let pieces: readonly string[] = [];
  let joined = "";
  return (texts) => {
    if (!sameItems(pieces, texts)) {
      pieces = texts;
      joined = joinTexts(texts);
    }
    return joined;
  };
}

/**
 * Creates the selector of one `useStream`. Per store update it costs a walk over the parts list
 * (pointer comparisons) and the pieces that changed; it never re-runs `distill` nor copies the
 * text. Lists keep their identity while their items are the same objects.
 * @example const [select] = useState(createStreamViewSelector); useStore(store, useShallow(select))
 */
export function createStreamViewSelector(): (state: ReplyStoreState) => StreamView {
  let lastParts: readonly ReplyPart[] | undefined;
  let tools: readonly ReplyToolPart[] = [];
  let text = "";
  let reasoning = "";
  const textOf = textMemo();
  const reasoningOf = textMemo();
  return (state) => {
    if (state.parts !== lastParts) {
      lastParts = state.parts;
      const texts: string[] = [];
      const thoughts: string[] = [];
      const terminal: ReplyToolPart[] = [];
      for (const part of state.parts) {
        if (part.type === "text") {
          if (part.text !== "") texts.push(part.text);
        } else if (part.type === "reasoning") {
          if (part.text !== "") thoughts.push(part.text);
        } else if (isTerminalTool(part)) terminal.push(part);
      }
      if (!sameItems(tools, terminal)) tools = terminal;
      text = textOf(texts);
      reasoning = reasoningOf(thoughts);
    }
    return {
      status: state.status,
      parts: state.parts,
      text,
      reasoning,
      toolParts: tools,
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
