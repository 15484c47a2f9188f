/**
 * Links a `question` tool part to its `question.asked` request (Q-10..Q-13), whichever of the
 * two arrives first. The link is kept on the part (`question`) only: the tool's `input` stays the
 * server's (the reference writes `opencode_*` keys into it, Q-13; we do not).
 */
import type { ReplyState } from "./state";
import type { QuestionLink, ReplyToolPart } from "./types";

/** Key of a parked payload. */
export function parkKey(messageID: string, callID: string): string {
  return `${messageID}:${callID}`;
}

/** The part linked to `link`, its input decorated. */
export function linkPart(part: ReplyToolPart, link: QuestionLink): ReplyToolPart {
  return { ...part, question: link };
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
