/** Types for fake-llm.mjs (the scripted OpenAI-compatible model server). */
import type { LlmRequest } from "./opencode-server.mjs";

export interface FakeLlmOptions {
  /** 0 (default) picks a free port; the server binds 127.0.0.1 only. */
  port?: number;
  /** A JSONL file path to append each log entry to, or a callback receiving each entry. */
  log?: string | ((entry: Record<string, unknown>) => void);
}

export interface FakeLlm {
  /** Base URL ending in /v1, as the provider's `baseURL`. */
  url: string;
  port: number;
  /** Chat requests received so far (a copy). */
  requests(): LlmRequest[];
  /** Stops listening and drops open streams (a slow turn would otherwise hold it). Idempotent. */
  close(): Promise<void>;
}

/** Starts the scripted model server; the keyword table is in fake-llm.mjs's header. */
export function startFakeLlm(options?: FakeLlmOptions): Promise<FakeLlm>;
