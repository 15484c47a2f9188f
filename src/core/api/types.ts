import type {
  AgentPartInput,
  AssistantMessage,
  FilePartInput,
  Message,
  Part,
  SubtaskPartInput,
  TextPartInput,
} from "@opencode-ai/sdk/v2";

/**
 * Options every api method accepts as its last argument.
 * @example
 * const options: CallOptions = { signal: controller.signal, timeoutMs: 5_000 };
 * await client.sessions.get("ses_1", options);
 */
export interface CallOptions {
  /** Aborts the request; the promise rejects with the signal's reason (an AbortError), unmapped. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (0 = no timeout). */
  timeoutMs?: number;
}

/**
 * A message with its parts, as `GET /session/:id/message` returns them.
 * @example const { info, parts }: MessageWithParts = await client.messages.get("ses_1", "msg_1");
 */
export interface MessageWithParts {
  info: Message;
  parts: Part[];
}

/**
 * What the synchronous send returns: the last assistant message of the turn and its parts.
 * @example const { info, parts }: PromptResult = await client.messages.send("ses_1", { text: "hi" });
 */
export interface PromptResult {
  info: AssistantMessage;
  parts: Part[];
}

/**
 * One part of a prompt: text, a file (data: or file:// URL), an @agent mention, or a subtask.
 * @example
 * const parts: PartInput[] = [{ type: "text", text: "Summarise this file" }, { type: "file", mime: "text/plain", url: "file:///repo/README.md" }];
 * await client.messages.sendAsync("ses_1", { parts });
 */
export type PartInput = TextPartInput | FilePartInput | AgentPartInput | SubtaskPartInput;
