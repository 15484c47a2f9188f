/** The reply reducer: pure state of one streaming turn, its result and the final merge. */
export { reduce, reduceAll } from "./reduce";
export { distill, isTerminalTool, type DistilledReply, type DistillSource } from "./distill";
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
// Store layer: the in-flight turn of one session as a zustand vanilla store.
export { createReplyStore, DEFAULT_FIRST_EVENT_TIMEOUT_MS, DEFAULT_TURN_TIMEOUT_MS } from "./create-reply-store";
export type {
  ReplyFinishInfo,
  ReplyStoreClient,
  ReplyStoreOptions,
  ReplyStoreState,
  ReplyWatchdog,
  PartLookup,
} from "./reply-store-types";
export { deriveReplyStatus, type ReplyStatus, type ReplyStatusInputs, type TurnStage } from "./reply-status";
export { createEventBatcher, isUrgentEvent, isUrgentFor, type EventBatcher, type EventBatcherOptions } from "./batcher";
export { mergeDeltaRuns } from "./merge-deltas";
export { pendingPermissionOf, pendingQuestionOf } from "./prompts";
export {
  createFrameScheduler,
  frameScheduler,
  timerScheduler,
  FALLBACK_FRAME_MS,
  type FrameScheduler,
  type ThrottleOption,
} from "./frame-scheduler";
// The watchdog clock's primitives stay internal (generic names like `fire` do not belong at the
// package root); its shapes and the deadline lookup are public.
export { nextDeadline, type DeadlineKind, type WatchdogClock, type WatchdogConfig } from "./watchdog";
