import type { RequestInstrumentation, ResolvedConfig } from "../config";
import { ConnectionError, OpencodeError, TimeoutError } from "../errors";
import { errorFromResponse } from "./error-from-response";
import { parseSuccessBody, type ExpectBody } from "./parse-body";
import { buildUrl, type QueryValue, type RouteScope } from "./url";

/** HTTP methods the OpenCode routes use. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Per-request options of {@link Requester}. */
export interface RequestOptions {
  /** Query parameters; undefined values are left out. directory/workspace are added by scope. */
  query?: Record<string, QueryValue>;
  /** JSON body (serialised with JSON.stringify; build it with `compact()` to drop undefined keys). */
  body?: unknown;
  /** "instance" (default; gets ?directory/&workspace) or "global" (default for /global/*). */
  scope?: RouteScope;
  /** Caller's abort signal: aborting rejects with the signal's reason (an AbortError), unmapped. */
  signal?: AbortSignal;
  /** How the 2xx body is read (default "json"); see parseSuccessBody. */
  expect?: ExpectBody;
  /** Overrides config.timeoutMs for this request (0 = no timeout). */
  timeoutMs?: number;
}

/** A 2xx exchange with its headers, for routes that return data in headers (X-Next-Cursor). */
export interface HttpResult<T> {
  status: number;
  headers: Headers;
  data: T;
}

/**
 * The HTTP layer the api layer is built on. `request` resolves to the parsed body; `exchange`
 * also returns status and headers. Both raise the typed errors of ../errors.
 */
export interface Requester {
  /** Performs one request and resolves to the parsed 2xx body (undefined for "void"). */
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** Like `request`, with the response status and headers. */
  exchange<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<HttpResult<T>>;
  /** Whether a password is configured (lets callers word their own 401s). */
  readonly hasPassword: boolean;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

/** Picks a short, secret-free detail (e.g. ECONNREFUSED) from a fetch failure's cause. */
function networkDetail(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? cause.code : undefined;
  return typeof code === "string" && /^[A-Z0-9_]+$/.test(code) ? ` (${code})` : "";
}

/**
 * Creates the requester for a resolved configuration: base URL (path prefix and own query kept),
 * directory/workspace scoping, Basic auth, JSON bodies, timeouts, typed errors and one
 * instrumentation event per exchange.
 * @example
 * const { request } = createRequester(resolveConfig({ password: "pw" }));
 * const sessions = await request<Session[]>("GET", "/session", { query: { limit: 10 } });
 */
export function createRequester(config: ResolvedConfig): Requester {
  function instrument(event: RequestInstrumentation): void {
    try {
      config.instrument?.(event);
    } catch {
      // A broken hook must never break or alter a request.
    }
  }

  async function exchange<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    // Only the route path is reported: no query, host, prefix or header can carry a secret out.
    const routePath = path.split("?")[0] ?? path;
    const url = buildUrl(config, routePath, options.query, options.scope);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (config.authorization !== undefined) headers.Authorization = config.authorization;
    const hasBody = options.body !== undefined;
    if (hasBody) headers["Content-Type"] = "application/json";

    const limit = options.timeoutMs ?? config.timeoutMs;
    const controller = new AbortController();
    const callerSignal = options.signal;
    const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    let timedOut = false;
    const timer =
      limit > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException(`timed out after ${limit} ms`, "TimeoutError"));
          }, limit)
        : undefined;

    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await config.fetch(url, {
        method,
        headers,
        body: hasBody ? JSON.stringify(options.body) : undefined,
        signal: controller.signal,
      });
      status = response.status;
      const context = { method, path: routePath };
      if (response.status < 200 || response.status > 299) {
        throw await errorFromResponse(response, { ...context, hasPassword: config.hasPassword });
      }
      const data = (await parseSuccessBody(response, context, options.expect ?? "json")) as T;
      instrument({ method, path: routePath, status, durationMs: performance.now() - started });
      return { status: response.status, headers: response.headers, data };
    } catch (error) {
      const mapped = mapFailure(error);
      instrument({ method, path: routePath, status, durationMs: performance.now() - started, error: errorName(mapped) });
      throw mapped;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    }

    function mapFailure(error: unknown): unknown {
      // The caller's own abort is theirs to handle: pass it through untouched.
      if (callerSignal?.aborted) return error;
      if (error instanceof OpencodeError) return error;
      if (timedOut) {
        return new TimeoutError(`${method} ${routePath} timed out after ${limit} ms (timeoutMs)`, { status, cause: error });
      }
      return new ConnectionError(
        `${method} ${routePath} failed: the OpenCode server is unreachable at ${config.baseUrl.origin}${networkDetail(error)}`,
        { status, cause: error },
      );
    }
  }

  return {
    exchange,
    request: async <T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T> =>
      (await exchange<T>(method, path, options)).data,
    hasPassword: config.hasPassword,
  };
}
