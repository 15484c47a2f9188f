/**
 * Questions and permissions (Q-01..Q-16): asked requests wait in `questions` / `permissions`
 * (keyed by request id, with the time they were asked) until a reply or rejection resolves them.
 * Requests are resolved by id whatever their kind.
 */
import type { QuestionInfo } from "@opencode-ai/sdk/v2";
import { linkPart, parkKey } from "./question-link";
import { withPart, type ReplyState } from "./state";
import type { PendingPermission, PendingQuestion, QuestionLink, ResolvedPrompt } from "./types";
import { isRecord, str, type Dict } from "./wire";

function toolRef(value: unknown): { messageID: string; callID: string } | undefined {
  if (!isRecord(value)) return undefined;
  const messageID = str(value.messageID);
  const callID = str(value.callID);
  return messageID === undefined || callID === undefined ? undefined : { messageID, callID };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Decorates the first question tool part with this callID (Q-10, Q-11: messageID is not
 * compared), or parks the payload until that part appears.
 */
function linkQuestion(state: ReplyState, link: QuestionLink): ReplyState {
  if (link.callID === "") return state;
  for (const id of state.partIds) {
    const part = state.parts.get(id);
    if (part?.type === "tool" && part.tool === "question" && part.callID === link.callID) {
      return withPart(state, linkPart(part, link));
    }
  }
  return { ...state, parkedQuestions: { ...state.parkedQuestions, [parkKey(link.messageID, link.callID)]: link } };
}

/**
 * A question request (`question.asked`'s properties, or an item of `GET /question`) as the reply
 * keeps it, asked at `askedAt`; undefined without a string id (Q-02).
 * @example pendingQuestionOf(event.properties, Date.now())
 */
export function pendingQuestionOf(props: Dict, askedAt: number): PendingQuestion | undefined {
  const id = str(props.id);
  if (id === undefined) return undefined;
  // Only the items' being objects is checked; their fields are the server's word.
  const items = Array.isArray(props.questions) ? props.questions.filter(isRecord) : [];
  const tool = toolRef(props.tool);
  const sessionId = str(props.sessionID) ?? "";
  return { id, kind: "question", sessionId, questions: items as unknown as QuestionInfo[], ...(tool ? { tool } : {}), askedAt, raw: props };
}

/**
 * A permission request (`permission.asked`'s properties, or an item of `GET /permission`) as the
 * reply keeps it, asked at `askedAt`; undefined without a string id.
 * @example pendingPermissionOf(event.properties, Date.now())
 */
export function pendingPermissionOf(props: Dict, askedAt: number): PendingPermission | undefined {
  const id = str(props.id);
  if (id === undefined) return undefined;
  const tool = toolRef(props.tool);
  return {
    id,
    kind: "permission",
    sessionId: str(props.sessionID) ?? "",
    permission: str(props.permission) ?? "",
    patterns: strings(props.patterns),
    always: strings(props.always),
    metadata: isRecord(props.metadata) ? props.metadata : {},
    ...(tool ? { tool } : {}),
    askedAt,
    raw: props,
  };
}

/** `question.asked`: ignored without a string id; asking again resets the time. */
export function applyQuestionAsked(state: ReplyState, props: Dict, now: number): ReplyState {
  const pending = pendingQuestionOf(props, now);
  if (pending === undefined) return state;
  const { id, tool, questions } = pending;
  const next = { ...state, questions: { ...state.questions, [id]: pending } };
  // without a tool reference nothing is decorated.
  return tool ? linkQuestion(next, { requestId: id, messageID: tool.messageID, callID: tool.callID, questions }) : next;
}

/** `permission.asked`: pending until replied; never decorates a tool part. */
export function applyPermissionAsked(state: ReplyState, props: Dict, now: number): ReplyState {
  const pending = pendingPermissionOf(props, now);
  return pending === undefined ? state : { ...state, permissions: { ...state.permissions, [pending.id]: pending } };
}

type Resolution = Pick<ResolvedPrompt, "outcome" | "answers" | "reply">;

/**
 * Resolves a request by id (`question.replied`, `question.rejected`, `permission.replied`).
 * Without a requestID nothing happens; an unknown id is still recorded, with askedAt null.
 */
export function applyResolved(state: ReplyState, props: Dict, now: number, resolution: Resolution): ReplyState {
  const id = str(props.requestID);
  if (id === undefined) return state;
  const question = state.questions[id];
  const permission = state.permissions[id];
  const entry = question ?? permission;
  const lastResolved: ResolvedPrompt = {
    id,
    kind: entry?.kind ?? null,
    ...resolution,
    askedAt: entry?.askedAt ?? null,
    resolvedAt: now,
  };
  let next: ReplyState = { ...state, lastResolved };
  if (question) {
    const { [id]: _q, ...questions } = state.questions;
    next = { ...next, questions };
  }
  if (permission) {
    const { [id]: _p, ...permissions } = state.permissions;
    next = { ...next, permissions };
  }
  return next;
}

/**
 * Type of the event a store injects for a request no longer pending on the server (answered while
 * the feed was down, learned when the store re-syncs): dropped without recording a resolution.
 */
export const PENDING_GONE = "opencode-react.pending.gone";

/** {@link PENDING_GONE}: the request leaves `questions` / `permissions`. */
export function applyGone(state: ReplyState, props: Dict): ReplyState {
  const id = str(props.requestID);
  if (id === undefined || (!(id in state.questions) && !(id in state.permissions))) return state;
  const { [id]: _q, ...questions } = state.questions;
  const { [id]: _p, ...permissions } = state.permissions;
  return { ...state, questions, permissions };
}

/** Answers of `question.replied`: a list of string lists, [] by default. */
export function answersOf(value: unknown): string[][] {
  return Array.isArray(value) ? value.map(strings) : [];
}
