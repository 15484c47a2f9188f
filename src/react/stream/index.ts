/**
 * The streaming half of the React bindings: `useStream` (a session's in-flight turn), `useReply`
 * (fine-grained selections of it), `useQuestions` and `usePermissions` (what the agent waits on).
 */
export { useStream } from "./use-stream";
export { useReply } from "./use-reply";
export { useQuestions } from "./use-questions";
export { usePermissions } from "./use-permissions";
export { toPendingPermission, toPendingQuestion } from "./pending-requests";
export { replyStoreHolders } from "./registry";
export type {
  StreamSendInput,
  StreamSendOptions,
  StreamWatchdog,
  UsePermissionsResult,
  UseQuestionsResult,
  UseStreamOptions,
  UseStreamResult,
} from "./types";
