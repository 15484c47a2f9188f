/** Types for opencode-server.mjs (plain ESM so that node, tsx and vitest all run it unchanged). */

/** Options of {@link startOpencodeServer}. Every field is optional. */
export interface StartOptions {
  /** Sets OPENCODE_SERVER_PASSWORD: every route then needs Basic auth, user "opencode". */
  password?: string;
  /** Shallow-merged over the generated opencode.json (a top-level key replaces ours, e.g. `permission`). */
  extraConfig?: Record<string, unknown>;
  /** opencode `--log-level`; default INFO. */
  logLevel?: "DEBUG" | "INFO" | "WARN" | "ERROR";
  /** opencode binary; default opencode-ai@`version`, else env OPENCODE_BIN, else opencode-ai@OPENCODE_VERSION (see ensure-opencode.mjs). */
  binary?: string;
  /** Server version to start (installed on demand outside the clone), e.g. "1.2.27"; default env OPENCODE_VERSION, else the pinned one. */
  version?: string;
  /** Whole start (model server, spawn, health) must finish within this; default 30 000 ms. */
  startTimeoutMs?: number;
  /** Fixed server port instead of a free one (no retry if it is taken). */
  port?: number;
  /** Fixed fake-LLM port; default a free one. */
  llmPort?: number;
  /** Extra environment for the server, applied last. */
  env?: Record<string, string>;
  /** Keep the temp folder (logs, config, db) after stop(); default env OPENCODE_HARNESS_KEEP=1. */
  keepRunDir?: boolean;
}

/** One entry of the fake LLM's request log (one chat-completions call). */
export interface LlmRequest {
  t: number;
  kind: "request";
  model: string;
  stream?: boolean;
  nmsgs: number;
  lastRole?: string;
  userText: string;
  tools: string[];
  isTitle: boolean;
}

/** A running server; call stop() when done (idempotent). */
export interface OpencodeServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  password: string | undefined;
  /** The project folder: the server's cwd and default directory. */
  directory: string;
  /** The fake LLM's base URL, ending in /v1. */
  llmUrl: string;
  /** Temp folder holding home/, project/, harness-config.json, opencode.log, llm-requests.jsonl. */
  runDir: string;
  /** PID of the `opencode serve` process. */
  pid: number;
  /** Milliseconds from the call to a healthy server. */
  startupMs: number;
  /** `{ authorization: "Basic ..." }` when a password is set, else `{}`: spread into fetch headers. */
  headers: Record<string, string>;
  /** Server stdout + stderr so far (the last ~1 MB). */
  log(): string;
  /** The last `lines` lines of log() (default 60). */
  logTail(lines?: number): string;
  /** Chat requests the fake LLM has received so far. */
  llmRequests(): LlmRequest[];
  /** SIGTERM, up to 3 s, SIGKILL; stops the LLM; removes the temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the scripted fake LLM and `opencode serve --hostname 127.0.0.1` on free ports, with a fresh
 * HOME/XDG tree under os.tmpdir(), and resolves once GET /global/health reports healthy.
 * Rejects (after cleaning up) with the server's log tail in the message.
 */
export function startOpencodeServer(options?: StartOptions): Promise<OpencodeServer>;

/** The opencode binary: `binary`, else env OPENCODE_BIN, else <repo>/node_modules/.bin/opencode. Throws if missing. */
export function resolveOpencodeBinary(binary?: string): string;

/** A port free on 127.0.0.1 right now (`opencode serve --port 0` would take 4096 instead). */
export function freePort(): Promise<number>;

/** `Authorization` header value for password-protected servers (user "opencode"). */
export function basicAuth(password: string): string;

/** The generated opencode.json (fake provider, permissions) with `extra` merged on top. */
export function buildConfig(llmUrl: string, extra?: Record<string, unknown>): Record<string, unknown>;
