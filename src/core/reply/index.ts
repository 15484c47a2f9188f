/** The reply reducer: pure state of one streaming turn, its result and the final merge. */
export { reduce, reduceAll } from "./reducer/reduce";
export { distill, isTerminalTool, type DistilledReply, type DistillSource } from "./reducer/distill";
export { reconcileTurn, type WireMessage } from "./reducer/reconcile";
export {
  initialReplyState,
  getPart,
  listParts,
  isAwaitingInput,
  ZERO_TOTALS,
  type ReplyState,
} from "./reducer/state";
export { canonicalTodos, canonicalTodoStatus, isStreamOnly, TODO_SOURCE } from "./reducer/todos";
export { errorText, ABORT_ERROR_NAME } from "./reducer/session-status";
export { PersistentMap } from "./reducer/persistent-map";
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
} from "./reducer/types";
// Store layer: the in-flight turn of one session as a zustand vanilla store.
export { createReplyStore, DEFAULT_FIRST_EVENT_TIMEOUT_MS, DEFAULT_TURN_TIMEOUT_MS } from "./store/create-reply-store";
export type {
  ReplyFinishInfo,
  ReplyStoreClient,
  ReplyStoreOptions,
  ReplyStoreState,
  ReplyWatchdog,
  PartLookup,
} from "./store/reply-store-types";
export { deriveReplyStatus, type ReplyStatus, type ReplyStatusInputs, type TurnStage } from "./store/reply-status";
export { createEventBatcher, isUrgentEvent, isUrgentFor, type EventBatcher, type EventBatcherOptions } from "./store/batcher";
export { mergeDeltaRuns } from "./store/merge-deltas";
export { pendingPermissionOf, pendingQuestionOf } from "./reducer/prompts";
export {
  createFrameScheduler,
  frameScheduler,
  timerScheduler,
  FALLBACK_FRAME_MS,
  type FrameScheduler,
  type ThrottleOption,
} from "./store/frame-scheduler";
// The watchdog clock's primitives stay internal (generic names like `fire` do not belong at the
// package root); its shapes and the deadline lookup are public.
export { nextDeadline, type DeadlineKind, type WatchdogClock, type WatchdogConfig } from "./store/watchdog";
