/** Turns `send(input, options)` of useStream into the store's `PromptInput`. */
import type { PromptInput } from "../../core/api";
import type { StreamSendInput, StreamSendOptions } from "./types";

/**
 * The prompt for `send`: a string is the text, an array the parts, an object is taken as is
 * (copied); set options win over the same fields of the input (`messageId` is the wire's `messageID`).
 * @example toPromptInput("hi", { agent: "plan" }) // { text: "hi", agent: "plan" }
 */
export function toPromptInput(input: StreamSendInput, options: StreamSendOptions = {}): PromptInput {
  const prompt: PromptInput = typeof input === "string" ? { text: input } : Array.isArray(input) ? { parts: input } : { ...input };
  if (options.model !== undefined) prompt.model = options.model;
  if (options.agent !== undefined) prompt.agent = options.agent;
  if (options.system !== undefined) prompt.system = options.system;
  if (options.messageId !== undefined) prompt.messageID = options.messageId;
  if (options.tools !== undefined) prompt.tools = options.tools;
  if (options.variant !== undefined) prompt.variant = options.variant;
  return prompt;
}
