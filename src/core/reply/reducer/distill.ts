/**
 * `distill(state)`: the reply as a result (RES-01..RES-07): the text and reasoning parts joined
 * with a blank line, the finished tool calls, every part, and the totals.
 */
import { listParts, type ReplyState } from "./state";
import type { ReplyPart, ReplyToolPart, TokenTotals, Totals } from "./types";

/**
 * What {@link distill} reads: a reply store's state (`parts` is an array) or the reducer state.
 * @example distill(store.getState()); distill(reduceAll(initialReplyState("ses_1"), events));
 */
export type DistillSource = ReplyState | { readonly parts: readonly ReplyPart[]; readonly totals: Totals };

/**
 * What {@link distill} returns.
 * @example const { text, toolParts, tokens }: DistilledReply = distill(store.getState());
 */
export interface DistilledReply {
  /** Non-empty text parts in order, joined with "\n\n" ("" when there are none). */
  readonly text: string;
  /** Non-empty reasoning parts in order, joined with "\n\n" ("" when there are none). */
  readonly reasoning: string;
  /** Finished tool calls (status completed or error) in order, synthesised todo parts included. */
  readonly toolParts: readonly ReplyToolPart[];
  /** Every part in emission order. */
  readonly parts: readonly ReplyPart[];
  /** Total cost of the turn's steps. */
  readonly cost: number;
  /** Total tokens of the turn's steps. */
  readonly tokens: TokenTotals;
}

/**
 * True for a tool call that finished (RES-04, TL-10).
 * @example listParts(state).filter(isTerminalTool)
 */
export function isTerminalTool(part: ReplyPart): part is ReplyToolPart {
  return part.type === "tool" && (part.status === "completed" || part.status === "error");
}

// Keyed by the parts list (a store state) or the reducer state; the totals are checked on a hit.
const cache = new WeakMap<object, DistilledReply>();

/**
 * The reply as a result. Pure; cached per state object, so calling it from a selector returns
 * the same object until the state changes.
 * @example
 * const { text, toolParts, cost } = distill(store.getState());
 */
export function distill(state: DistillSource): DistilledReply {
  const parts: readonly ReplyPart[] = Array.isArray(state.parts) ? state.parts : listParts(state as ReplyState);
  const cached = cache.get(parts);
  if (cached && cached.cost === state.totals.cost && cached.tokens === state.totals.tokens) return cached;
  const text: string[] = [];
  const reasoning: string[] = [];
  const toolParts: ReplyToolPart[] = [];
  for (const part of parts) {
    // Empty parts are skipped so they add no stray blank line: a part just opened by its first
    // snapshot, or the "" the server stores for a retried attempt (RES-03 diverges).
    if (part.type === "text") {
      if (part.text !== "") text.push(part.text);
    } else if (part.type === "reasoning") {
      if (part.text !== "") reasoning.push(part.text);
    }
    else if (isTerminalTool(part)) toolParts.push(part);
  }
  const result: DistilledReply = {
    text: text.join("\n\n"),
    reasoning: reasoning.join("\n\n"),
    toolParts,
    parts,
    cost: state.totals.cost,
    tokens: state.totals.tokens,
  };
  cache.set(parts, result);
  return result;
}
