/**
 * Usage: step-finish parts add to the running cost and token totals (USG-01..USG-04), and
 * `message.updated` keeps the latest info of every assistant message (USG-05, USG-06).
 */
import type { AssistantMessage, Part } from "@opencode-ai/sdk/v2";
import { ZERO_TOTALS, withPart, withoutParts, type ReplyState } from "./state";
import { copyState, patchState } from "./state-copy";
import type { Totals } from "./types";
import { isRecord, num, str, type Dict } from "./wire";

/**
 * Cost and tokens of one step-finish snapshot. Numeric strings count, anything missing is 0
 * (USG-02). Unlike the reference, reasoning and cache tokens are counted too.
 */
export function stepTotals(part: Dict): Totals {
  const tokens = isRecord(part.tokens) ? part.tokens : {};
  const cache = isRecord(tokens.cache) ? tokens.cache : {};
  return {
    cost: num(part.cost) ?? 0,
    tokens: {
      input: num(tokens.input) ?? 0,
      output: num(tokens.output) ?? 0,
      reasoning: num(tokens.reasoning) ?? 0,
      cache: { read: num(cache.read) ?? 0, write: num(cache.write) ?? 0 },
    },
  };
}

/** `a + sign * b`, field by field. */
export function addTotals(a: Totals, b: Totals, sign: 1 | -1 = 1): Totals {
  return {
    cost: a.cost + sign * b.cost,
    tokens: {
      input: a.tokens.input + sign * b.tokens.input,
      output: a.tokens.output + sign * b.tokens.output,
      reasoning: a.tokens.reasoning + sign * b.tokens.reasoning,
      cache: {
        read: a.tokens.cache.read + sign * b.tokens.cache.read,
        write: a.tokens.cache.write + sign * b.tokens.cache.write,
      },
    },
  };
}

/** Totals summed over the step-finish parts of a list of snapshots. */
export function sumStepTotals(parts: Iterable<Dict>): Totals {
  let totals = ZERO_TOTALS;
  for (const part of parts) if (part.type === "step-finish") totals = addTotals(totals, stepTotals(part));
  return totals;
}

/**
 * A step-finish snapshot: added to the totals and kept as a part. A second snapshot with the same
 * part id replaces the first one's contribution instead of counting twice (USG-03 counts twice).
 */
export function applyStepFinish(state: ReplyState, part: Dict, id: string | undefined): ReplyState {
  let totals = addTotals(state.totals, stepTotals(part));
  if (id === undefined) return patchState(state, { totals });
  const previous = state.parts.get(id);
  if (previous && previous.type !== "step-finish") return state;
  if (previous) totals = addTotals(totals, stepTotals(previous.raw as unknown as Dict), -1);
  const messageID = str(part.messageID);
  // The snapshot was checked for id and type; the rest of StepFinishPart is the server's word.
  const raw = part as unknown as Part;
  const next = withPart(state, { type: "step-finish", id, ...(messageID === undefined ? {} : { messageID }), raw });
  return patchState(next, { totals });
}

/**
 * `message.updated`: an assistant info is stored (latest wins) and names the turn's user message
 * through `parentID`; a user info names the turn's user message, whose parts are not reply parts.
 */
export function applyMessageUpdated(state: ReplyState, props: Dict): ReplyState {
  const info = props.info;
  if (!isRecord(info)) return state;
  const id = str(info.id);
  if (id === undefined) return state;
  if (info.role === "user") {
    // Known ids come back as summary updates after the turn; they change nothing.
    if (state.userMessageIds[id] === true) return state;
    const next: ReplyState = patchState(state, {
      userMessageId: id,
      userMessageIds: { ...state.userMessageIds, [id]: true },
      turnUserIds: [...state.turnUserIds, id],
      // A new prompt starts a turn; servers without session.status never send busy.
      turn: "running",
    });
    // Rare: the user message's parts came before its info. They are the prompt, not the reply.
    return withoutParts(next, (part) => part.messageID === id);
  }
  if (info.role !== "assistant") return state;
  // Only id and role were checked; the rest of AssistantMessage is the server's word. (A computed
  // key in a literal, not an assignment: an id of "__proto__" must stay an own key.)
  const messages = { ...state.messages, [id]: info as unknown as AssistantMessage };
  // The state is copied field by field and patched in place (no Object.assign of a patch): the
  // server sends this event several times per model step.
  const next = copyState(state);
  next.messages = messages;
  const parentID = str(info.parentID);
  if (state.userMessageId === null && parentID !== undefined) {
    next.userMessageId = parentID;
    next.userMessageIds = { ...state.userMessageIds, [parentID]: true };
    next.turnUserIds = [...state.turnUserIds, parentID];
  }
  return next;
}
