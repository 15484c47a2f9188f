/**
 * What `opencode serve` emits after `POST /session/:id/abort` (recorded in the "abort" capture):
 * `session.error` MessageAbortedError, the idle pair, the interrupted text parts' final snapshots,
 * the assistant message completed with the error, and the idle pair again.
 */
import type { MessageWithParts } from "../core/api";
import type { FakeEvent } from "./fake-feed";
import type { FakeInstance } from "./fake-instance";
import { turnEvents } from "./turn-events";

const ABORTED = { name: "MessageAbortedError", data: { message: "Aborted" } };

/**
 * The events ending an aborted turn, from the instance's stored state of that turn.
 * @example for (const event of abortTail(instance, sessionId, userMessageId)) emit(event);
 */
export function abortTail(instance: FakeInstance, sessionId: string, userMessageId: string): FakeEvent[] {
  const events = turnEvents(sessionId, userMessageId);
  const stored = instance.messages.get(sessionId) ?? [];
  const last: MessageWithParts | undefined = stored.filter((m) => m.info.role === "assistant" && m.info.parentID === userMessageId).at(-1);
  const tail: FakeEvent[] = [events.error(ABORTED.name, ABORTED.data), ...events.idle()];
  if (last !== undefined) {
    for (const part of last.parts) {
      // Parts still streaming get their final snapshot; finished ones were sent already.
      if ((part.type === "text" || part.type === "reasoning") && part.time?.end === undefined) {
        tail.push(part.type === "text" ? events.text(last.info.id, part.id, part.text, true) : events.reasoning(last.info.id, part.id, part.text, true));
      }
    }
    const info = { ...last.info, time: { ...last.info.time, completed: Date.now() }, error: ABORTED };
    tail.push({ type: "message.updated", properties: { sessionID: sessionId, info } });
  }
  tail.push(...events.idle());
  return tail;
}
