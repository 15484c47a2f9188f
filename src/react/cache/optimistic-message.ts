/**
 * The optimistic user message shown while a prompt is on its way. It carries the ids sent to the
 * server (`messageID` and each part's `id`), so the server's `message.updated` and
 * `message.part.updated` events replace it in place instead of adding a duplicate.
 */
import type { Part, UserMessage } from "@opencode-ai/sdk/v2";
import { toPromptModel, type MessageWithParts, type PartInput, type PromptInput } from "../../core/api";
import { ascendingId } from "./ascending-id";

/**
 * A prompt whose message and parts all have ids.
 * @example const prompt: IdentifiedPrompt = { messageID: "msg_1", parts: [{ id: "prt_1", type: "text", text: "hi" }] }
 */
export interface IdentifiedPrompt extends PromptInput {
  messageID: string;
  parts: Array<PartInput & { id: string }>;
}

const optimistic = new WeakSet<object>();

/**
 * Gives a prompt the ids the server will echo: a `messageID` that sorts after `after` (the
 * newest message the client knows) unless the caller chose one, and an `id` for every part
 * without one (the server keeps given part ids). `text` becomes a text part, as the server would
 * make it. A prompt with neither text nor parts is returned unchanged (sending it then fails
 * with the core's TypeError).
 * @example identifyPrompt({ text: "hi" }, "msg_20f63d939001fQkRxvsI2Y1FV5").messageID // "msg_20f63d93a001..."
 */
export function identifyPrompt<T extends PromptInput>(prompt: T, after?: string): T {
  const source = prompt.parts ?? (prompt.text === undefined ? undefined : [{ type: "text" as const, text: prompt.text }]);
  if (source === undefined) return prompt;
  const parts = source.map((part) => (part.id === undefined || part.id === "" ? { ...part, id: ascendingId("prt") } : { ...part, id: part.id }));
  return { ...prompt, messageID: prompt.messageID ?? ascendingId("msg", after), parts };
}

/**
 * Builds the user message the server will store for this prompt. `agent` and `model` are the
 * prompt's (empty when the server picks its defaults); the server's snapshot replaces them.
 * @example buildOptimisticMessage("ses_1", { messageID: "msg_1", parts: [{ id: "prt_1", type: "text", text: "hi" }] })
 */
export function buildOptimisticMessage(sessionId: string, prompt: IdentifiedPrompt, now = Date.now()): MessageWithParts {
  const messageID = prompt.messageID;
  const model = toPromptModel(prompt.model) ?? { providerID: "", modelID: "" };
  const info: UserMessage = {
    id: messageID,
    sessionID: sessionId,
    role: "user",
    time: { created: now },
    agent: prompt.agent ?? "",
    model: prompt.variant === undefined ? model : { ...model, variant: prompt.variant },
    ...(prompt.system === undefined ? {} : { system: prompt.system }),
    ...(prompt.tools === undefined ? {} : { tools: prompt.tools }),
  };
  optimistic.add(info);
  const parts = prompt.parts.map((part) => ({ ...part, sessionID: sessionId, messageID }) as Part);
  return { info, parts };
}

/**
 * True while a cached message is still the optimistic copy (the server's `message.updated`
 * replaces its info, which makes this false).
 * @example isOptimisticMessage(message) ? "sending..." : null
 */
export function isOptimisticMessage(message: MessageWithParts): boolean {
  return optimistic.has(message.info);
}
