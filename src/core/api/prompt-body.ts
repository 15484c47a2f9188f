import type { OutputFormat } from "@opencode-ai/sdk/v2";
import { compact } from "../http/compact";
import { toPromptModel, type PromptModel } from "./model";
import type { PartInput } from "./types";

/**
 * What `messages.send` / `messages.sendAsync` accept.
 * @example
 * const input: PromptInput = { text: "Fix the failing test", model: "anthropic/claude-sonnet-4", agent: "build" };
 * await client.messages.sendAsync("ses_1", input);
 */
export interface PromptInput {
  /** Shorthand for `parts: [{ type: "text", text }]`; ignored when `parts` is given (EP-06). */
  text?: string;
  /** The prompt's parts; wins over `text`. */
  parts?: PartInput[];
  /** "provider/model" (split at the first "/") or `{ providerID, modelID }`. */
  model?: string | PromptModel;
  /** Agent name ("build", "plan", custom). */
  agent?: string;
  /** Extra system prompt for this turn. */
  system?: string;
  /** Client-chosen user message id ("msg_..."), to correlate an optimistic bubble. */
  messageID?: string;
  /** Enable/disable tools for this turn (`{ bash: false }` is sent as is). */
  tools?: Record<string, boolean>;
  /** Model variant / reasoning effort. */
  variant?: string;
  /** Store the user message only; no assistant turn. */
  noReply?: boolean;
  /** Structured output: `{ type: "json_schema", schema }`. */
  format?: OutputFormat;
}

/**
 * The JSON body of `POST /session/:id/message` and `/prompt_async`.
 * @example const body: PromptBody = toPromptBody({ text: "hi" }); // { parts: [{ type: "text", text: "hi" }] }
 */
export interface PromptBody {
  messageID?: string;
  parts: PartInput[];
  model?: PromptModel;
  agent?: string;
  noReply?: boolean;
  tools?: Record<string, boolean>;
  format?: OutputFormat;
  system?: string;
  variant?: string;
}

/**
 * Builds a prompt body: `text` becomes one text part unless `parts` is given (EP-06), a model
 * string is split at the first "/" (MOD-01), undefined keys are dropped while `noReply: false`
 * and `tools: { bash: false }` are kept (EP-05). Throws a TypeError when there is neither text
 * nor parts, so an empty prompt never reaches the server.
 * @example toPromptBody({ text: "hi", model: "a/b/c" }) // { parts: [{ type: "text", text: "hi" }], model: { providerID: "a", modelID: "b/c" } }
 */
export function toPromptBody(input: PromptInput): PromptBody {
  const parts = input.parts ?? (input.text === undefined ? undefined : [{ type: "text" as const, text: input.text }]);
  if (parts === undefined) throw new TypeError("opencode-react: a prompt needs `text` or `parts`");
  // Key order as EP-05, so bodies match the reference client byte for byte.
  return compact({
    messageID: input.messageID,
    parts,
    model: toPromptModel(input.model),
    agent: input.agent,
    noReply: input.noReply,
    tools: input.tools,
    format: input.format,
    system: input.system,
    variant: input.variant,
  });
}
