import type { MessageWithParts, ReplyPart } from "opencode-react";

export type HistoryMessage = MessageWithParts;
type HistoryPart = MessageWithParts["parts"][number];

/**
 * A stored part in the live reply's shape, so the same components render history and the
 * streaming turn. Null for parts a reader never needs (synthetic or ignored text).
 */
export function toReplyPart(part: HistoryPart): ReplyPart | null {
  switch (part.type) {
    case "text":
      return part.synthetic || part.ignored ? null : { type: "text", id: part.id, messageID: part.messageID, text: part.text };
    case "reasoning":
      return { type: "reasoning", id: part.id, messageID: part.messageID, text: part.text };
    case "tool": {
      const state = part.state;
      return {
        type: "tool",
        id: part.id,
        messageID: part.messageID,
        callID: part.callID,
        tool: part.tool,
        status: state.status,
        input: state.input,
        title: "title" in state ? state.title : undefined,
        output: state.status === "completed" ? state.output : undefined,
        error: state.status === "error" ? state.error : undefined,
        metadata: "metadata" in state ? state.metadata : undefined,
      };
    }
    default:
      return { type: part.type, id: part.id, messageID: part.messageID, raw: part };
  }
}

/** The text a user typed in a stored message. */
export function userText(message: HistoryMessage): string {
  return message.parts
    .flatMap((part) => (part.type === "text" && !part.synthetic ? [part.text] : []))
    .join("\n\n");
}

/** The server's name for a turn the user stopped: shown as "Stopped", not as a failure. */
export const ABORTED = "MessageAbortedError";

/** The error a stored assistant message ended with, if any. */
export function assistantError(message: HistoryMessage): { name: string; message: string } | null {
  const info = message.info;
  if (info.role !== "assistant" || info.error === undefined) return null;
  const data: unknown = info.error.data;
  const text = typeof data === "object" && data !== null && "message" in data && typeof data.message === "string" ? data.message : "";
  return { name: info.error.name, message: text };
}

/** Cost and tokens of one turn, in the shape `useStream` reports them. */
export interface TurnTotals {
  cost: number;
  tokens: { input: number; output: number; reasoning: number; cache: { read: number; write: number } };
}

/**
 * Totals of each stored turn (every assistant message after a user message, one per model
 * step), keyed by the turn's LAST assistant message, where the usage line goes.
 */
export function turnTotals(messages: readonly HistoryMessage[]): Map<string, TurnTotals> {
  const result = new Map<string, TurnTotals>();
  let current: TurnTotals | null = null;
  let lastId: string | null = null;
  const close = () => {
    if (current !== null && lastId !== null && (current.tokens.input > 0 || current.tokens.output > 0)) result.set(lastId, current);
    current = null;
  };
  for (const { info } of messages) {
    if (info.role === "user") {
      close();
      continue;
    }
    current ??= { cost: 0, tokens: { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } } };
    const t = info.tokens;
    current.cost += info.cost;
    current.tokens.input += t.input;
    current.tokens.output += t.output;
    current.tokens.reasoning += t.reasoning;
    current.tokens.cache.read += t.cache.read;
    current.tokens.cache.write += t.cache.write;
    lastId = info.id;
  }
  close();
  return result;
}
