/** The reply reducer: pure state of one streaming turn, its result and the final merge. */
export { reduce, reduceAll } from "./reduce";
export { distill, isTerminalTool, type DistilledReply } from "./distill";
export { reconcileTurn, type WireMessage } from "./reconcile";
export {
  initialReplyState,
  getPart,
  listParts,
  isAwaitingInput,
  ZERO_TOTALS,
  type ReplyState,
} from "./state";
export { canonicalTodos, canonicalTodoStatus, isStreamOnly, TODO_SOURCE } from "./todos";
export { errorText, ABORT_ERROR_NAME } from "./session-status";
export { PersistentMap } from "./persistent-map";
export type {
  PendingPermission,
  PendingQuestion,
  QuestionLink,
  ReplyMessageInfo,
  ReplyOtherPart,
  ReplyOtherPartType,
  ReplyPart,
  ReplyPartBase,
  ReplyReasoningPart,
  ReplySessionStatus,
  ReplyTextPart,
  ReplyToolPart,
  ReplyToolStatus,
  ResolvedPrompt,
  Todo,
  TokenTotals,
  Totals,
  TurnEndedBy,
  TurnPhase,
} from "./types";
