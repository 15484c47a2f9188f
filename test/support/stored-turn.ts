/** What the server stored for a capture's last turn, read independently of the store's own code. */
import { distill, type DistillSource, type ReplyStoreState } from "../../src/core/reply";

type Dict = Record<string, unknown>;
/** A tool part as [name, status, output]. */
export type ToolState = [string, string, string | null];

/**
 * The last turn of a message list: session id, joined text and reasoning (empty parts skipped, as
 * `distill` does), tool states, text part ids and summed input tokens.
 */
export function storedTurn(messages: readonly unknown[]) {
  const entries = messages as { info: Dict; parts: Dict[] }[];
  const users = entries.filter((m) => m.info.role === "user");
  const userId = users[users.length - 1]?.info.id;
  const turn = entries.filter((m) => m.info.role === "assistant" && m.info.parentID === userId);
  const parts = turn.flatMap((m) => m.parts);
  const texts = (type: string) => parts.filter((p) => p.type === type && p.text !== "").map((p) => String(p.text));
  return {
    sessionId: String(entries[0]?.info.sessionID),
    text: texts("text").join("\n\n"),
    reasoning: texts("reasoning").join("\n\n"),
    tools: parts
      .filter((p) => p.type === "tool")
      .map((p): ToolState => {
        const state = p.state as Dict;
        return [String(p.tool), String(state.status), typeof state.output === "string" ? state.output : null];
      }),
    textPartIds: parts.filter((p) => p.type === "text").map((p) => String(p.id)),
    inputTokens: turn.reduce((sum, m) => sum + Number((m.info.tokens as Dict | undefined)?.input ?? 0), 0),
  };
}

/** A reply's tool parts in the same [name, status, output] form. */
export const replyToolStates = (reply: DistillSource): ToolState[] =>
  distill(reply).parts.flatMap((p): ToolState[] => (p.type === "tool" ? [[p.tool, p.status, p.output ?? null]] : []));

/** A store's tool parts in the same form. */
export const toolStates = (state: ReplyStoreState): ToolState[] => replyToolStates(state);
