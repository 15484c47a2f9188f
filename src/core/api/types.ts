import type {
  AgentPartInput,
  AssistantMessage,
  FilePartInput,
  Message,
  Part,
  SubtaskPartInput,
  TextPartInput,
} from "@opencode-ai/sdk/v2";

/** Options every api method accepts as its last argument. */
export interface CallOptions {
  /** Aborts the request; the promise rejects with the signal's reason (an AbortError), unmapped. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (0 = no timeout). */
  timeoutMs?: number;
}

/** A message with its parts, as `GET /session/:id/message` returns them. */
export interface MessageWithParts {
  info: Message;
  parts: Part[];
}

/** What the synchronous send returns: the last assistant message of the turn and its parts. */
export interface PromptResult {
  info: AssistantMessage;
  parts: Part[];
}

/** One part of a prompt: text, a file (data: or file:// URL), an @agent mention, or a subtask. */
export type PartInput = TextPartInput | FilePartInput | AgentPartInput | SubtaskPartInput;
