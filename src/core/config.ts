/** Client configuration: what `createOpencodeClient` accepts and the resolved form the layers share. */

/**
 * One finished (or failed) HTTP exchange, as given to the instrumentation hook. Holds no secret.
 * @example createOpencodeClient({ instrument: (e: RequestInstrumentation) => console.log(e.method, e.path, e.status, e.durationMs) });
 */
export interface RequestInstrumentation {
  /** Upper-case HTTP method. */
  method: string;
  /** URL path without host or query (no directory, workspace, token or password). */
  path: string;
  /** HTTP status, or undefined when no response arrived (network failure, timeout). */
  status: number | undefined;
  /** Wall time of the exchange in milliseconds. */
  durationMs: number;
  /** Name of the mapped error class when the call failed (e.g. "NotFoundError"). */
  error?: string;
}

/**
 * Options of the shared event feed.
 * @example
 * const events: EventFeedOptions = { livenessTimeoutMs: 40_000, backoffMaxMs: 10_000 };
 * createOpencodeClient({ events });
 */
export interface EventFeedOptions {
  /** Largest SSE frame accepted, in bytes; bigger frames are dropped and reported (default 1 MiB). */
  maxFrameBytes?: number;
  /**
   * Reconnect when no byte at all arrived for this long (0 = never). Default: learned from the
   * stream: 35 000 ms (fits the 30 s heartbeat of early 1.x servers) until two heartbeats show the
   * server's period, then 2.5 periods (25 000 ms for the 10 s heartbeat of current servers).
   */
  livenessTimeoutMs?: number;
  /** First reconnect delay (default 250 ms); doubles per failed attempt. */
  backoffInitialMs?: number;
  /** Reconnect delay cap (default 5 000 ms). */
  backoffMaxMs?: number;
  /**
   * Which stream serves the client's directories: "auto" (default) uses ONE `/global/event`
   * connection for every directory of the server and falls back to one `/event` per directory
   * where `/global/event` is missing or refused; "directory" always uses `/event`. A client
   * without a `directory` always uses `/event` (the frames of `/global/event` name directories).
   */
  transport?: "auto" | "directory";
  /** How long `client.prompt` waits for the feed to be ready before a FeedNotReadyError (default 30 000 ms; 0 = forever). */
  readyTimeoutMs?: number;
}

/**
 * What `createOpencodeClient(config)` accepts.
 * @example createOpencodeClient({ baseUrl: "http://127.0.0.1:4096", password: process.env.OPENCODE_SERVER_PASSWORD })
 */
export interface OpencodeClientConfig {
  /** Server URL (default http://127.0.0.1:4096). A path prefix (reverse proxy) is kept. */
  baseUrl?: string;
  /** Server password (OPENCODE_SERVER_PASSWORD); sent as HTTP Basic auth only, never in a URL. */
  password?: string;
  /** Basic-auth user name (default "opencode"). */
  username?: string;
  /** Project directory: selects the server instance (`?directory=`) on every instance route. */
  directory?: string;
  /** Experimental workspace id (`?workspace=`) on every instance route. */
  workspace?: string;
  /** Per-request timeout in ms (default 120 000; 0 = none). The SSE feed has its own liveness timer. */
  timeoutMs?: number;
  /** fetch implementation (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** Called once per REST exchange with method, path, status and duration; never with secrets. */
  instrument?: (event: RequestInstrumentation) => void;
  /** Tuning of the shared SSE feed. */
  events?: EventFeedOptions;
}

/**
 * The configuration with every default applied; shared by the http, api and events layers.
 * @example
 * const config: ResolvedConfig = resolveConfig({ baseUrl: "http://127.0.0.1:4096/" });
 * config.baseUrlString; // "http://127.0.0.1:4096"
 */
export interface ResolvedConfig {
  /** Base URL as a URL object (path prefix kept, trailing slash removed). */
  baseUrl: URL;
  /**
   * The base URL normalised (no trailing slash) and WITHOUT its query string: the cache scope of
   * the client and what `client.info` shows. A query may carry credentials (`?auth_token=`, which
   * the server accepts), so it is only ever put on the wire, never in keys, logs or errors.
   */
  baseUrlString: string;
  /** Authorization header value, or undefined when no password is set. */
  authorization: string | undefined;
  /** True when a password was configured (for the 401 message). */
  hasPassword: boolean;
  directory: string | undefined;
  workspace: string | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
  instrument: ((event: RequestInstrumentation) => void) | undefined;
  events: Required<EventFeedOptions> & {
    /** True when `livenessTimeoutMs` was not given: the feed learns it from the heartbeats. */
    learnLiveness: boolean;
  };
}

/** Default liveness window before the heartbeat period is known: a 30 s heartbeat plus margin. */
export const DEFAULT_LIVENESS_TIMEOUT_MS = 35_000;

/**
 * Default server URL of `opencode serve`.
 * @example createOpencodeClient({ baseUrl: process.env.OPENCODE_URL ?? DEFAULT_BASE_URL });
 */
export const DEFAULT_BASE_URL = "http://127.0.0.1:4096";
/**
 * Default per-request timeout.
 * @example createOpencodeClient({ timeoutMs: 2 * DEFAULT_TIMEOUT_MS });
 */
export const DEFAULT_TIMEOUT_MS = 120_000;

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === "";
}

function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Throws a TypeError unless `value` is undefined or a finite number within the bounds. */
function checkNumber(name: string, value: number | undefined, min: number, minLabel: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new TypeError(`opencode-react: ${name} must be a finite number ${minLabel} (got ${String(value)})`);
  }
}

/** Validates the feed options: a 0 backoff is a hot reconnect loop, a negative timeout is a typo. */
function resolveEvents(options: EventFeedOptions = {}): ResolvedConfig["events"] {
  checkNumber("events.maxFrameBytes", options.maxFrameBytes, 1, ">= 1");
  checkNumber("events.livenessTimeoutMs", options.livenessTimeoutMs, 0, ">= 0 (0 = no liveness timeout)");
  checkNumber("events.backoffInitialMs", options.backoffInitialMs, 1, ">= 1 (0 would reconnect in a hot loop)");
  checkNumber("events.backoffMaxMs", options.backoffMaxMs, 1, ">= 1");
  checkNumber("events.readyTimeoutMs", options.readyTimeoutMs, 0, ">= 0 (0 = wait forever)");
  const backoffInitialMs = options.backoffInitialMs ?? 250;
  const backoffMaxMs = options.backoffMaxMs ?? Math.max(5_000, backoffInitialMs);
  if (backoffMaxMs < backoffInitialMs) {
    throw new TypeError(`opencode-react: events.backoffMaxMs (${backoffMaxMs}) must not be below events.backoffInitialMs (${backoffInitialMs})`);
  }
  const transport = options.transport ?? "auto";
  if (transport !== "auto" && transport !== "directory") {
    throw new TypeError(`opencode-react: events.transport must be "auto" or "directory" (got ${JSON.stringify(transport)})`);
  }
  return {
    maxFrameBytes: options.maxFrameBytes ?? 1024 * 1024,
    livenessTimeoutMs: options.livenessTimeoutMs ?? DEFAULT_LIVENESS_TIMEOUT_MS,
    learnLiveness: options.livenessTimeoutMs === undefined,
    backoffInitialMs,
    backoffMaxMs,
    transport,
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
  };
}

/**
 * Applies defaults and validates the configuration.
 * @example resolveConfig({ password: "pw" }).authorization // "Basic b3BlbmNvZGU6cHc="
 */
export function resolveConfig(config: OpencodeClientConfig = {}): ResolvedConfig {
  const raw = (config.baseUrl ?? DEFAULT_BASE_URL).trim() || DEFAULT_BASE_URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(raw);
  } catch {
    const masked = raw.replace(/\/\/[^@/]*@/, "//***@").replace(/[?#].*$/s, "?***");
    throw new TypeError(`opencode-react: baseUrl is not a valid URL: ${JSON.stringify(masked)}`);
  }
  if (baseUrl.username || baseUrl.password) {
    throw new TypeError("opencode-react: put credentials in `password`, not in baseUrl (URLs end up in logs)");
  }
  baseUrl.hash = "";
  baseUrl.pathname = baseUrl.pathname.replace(/\/+$/, "");
  const password = isBlank(config.password) ? undefined : config.password;
  const username = config.username ?? "opencode";
  const fetchImpl = config.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError("opencode-react: no fetch implementation; pass `fetch` in the config");
  // Infinity reads as "no timeout" too; a negative or NaN timeout is a mistake, not a way to disable it.
  const timeoutMs = config.timeoutMs === Infinity ? 0 : (config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  checkNumber("timeoutMs", timeoutMs, 0, ">= 0 (0 = no timeout)");
  return {
    baseUrl,
    baseUrlString: `${baseUrl.origin}${baseUrl.pathname}`.replace(/\/+$/, ""),
    authorization: password === undefined ? undefined : `Basic ${encodeBase64(`${username}:${password}`)}`,
    hasPassword: password !== undefined,
    directory: isBlank(config.directory) ? undefined : config.directory,
    workspace: isBlank(config.workspace) ? undefined : config.workspace,
    timeoutMs,
    // Bind so a window.fetch passed bare does not throw "Illegal invocation".
    fetch: (input, init) => fetchImpl(input, init),
    instrument: config.instrument,
    events: resolveEvents(config.events),
  };
}
