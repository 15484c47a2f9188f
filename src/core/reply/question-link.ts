/**
 * Links a `question` tool part to its `question.asked` request (Q-10..Q-13), whichever of the
 * two arrives first. The link is kept on the part (`question`), and its ids are also written into
 * `input` the way the reference client does (`questions`, `opencode_request_id`,
 * `opencode_message_id`, `opencode_call_id`). Unlike the reference, a later snapshot that
 * replaces `input` does not lose them: they are written again on every merge.
 */
import type { ReplyState } from "./state";
import type { QuestionLink, ReplyToolPart } from "./types";

/** Key of a parked payload. */
export function parkKey(messageID: string, callID: string): string {
  return `${messageID}:${callID}`;
}

/** `input` with the link's decorations. */
export function decoratedInput(
  input: Readonly<Record<string, unknown>> | undefined,
  link: QuestionLink,
): Readonly<Record<string, unknown>> {
  return {
    ...input,
    questions: link.questions,
    opencode_request_id: link.requestId,
    opencode_message_id: link.messageID,
    opencode_call_id: link.callID,
  };
}

/** The part linked to `link`, its input decorated. */
export function linkPart(part: ReplyToolPart, link: QuestionLink): ReplyToolPart {
  return { ...part, question: link, input: decoratedInput(part.input, link) };
}

/**
 * Consumes a parked payload for a question tool part that was just registered or updated.
 * Returns the (possibly) decorated part and the remaining parked payloads.
 * Matching uses messageID and callID; a part without messageID (older servers) matches
 * on callID alone, where the reference never matches.
 */
export function drainParked(
  state: ReplyState,
  part: ReplyToolPart,
): { part: ReplyToolPart; parked: ReplyState["parkedQuestions"] } {
  const parked = state.parkedQuestions;
  if (part.tool !== "question" || !part.callID) return { part, parked };
  let key: string | undefined;
  if (part.messageID) {
    key = parkKey(part.messageID, part.callID);
    if (!(key in parked)) key = undefined;
  } else {
    key = Object.keys(parked).find((k) => parked[k]?.callID === part.callID);
  }
  const link = key === undefined ? undefined : parked[key];
  if (key === undefined || !link) return { part, parked };
  const { [key]: _used, ...rest } = parked;
  return { part: linkPart(part, link), parked: rest };
}
