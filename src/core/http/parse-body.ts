import { InvalidResponseError, UnsupportedServerError } from "../errors";

/** How a 2xx body is read: required JSON, JSON-or-nothing (204/empty gives undefined), or ignored. */
export type ExpectBody = "json" | "optional" | "void";

/** Method and route path of an exchange, for error messages (never holds a query or a secret). */
export interface ExchangeContext {
  method: string;
  path: string;
}

const EXCERPT_LIMIT = 200;

/**
 * Shortens `text` to at most 200 characters (197 + "...") so server bodies never flood messages.
 * @example truncate("x".repeat(500)).length // 200
 */
export function truncate(text: string, limit = EXCERPT_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

/**
 * Reads a body as text; a body that fails mid-read counts as empty. Only used for error bodies,
 * where a broken stream must not hide the status.
 */
export async function readTextSafely(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return "";
  }
}

/** True when the response is an HTML page (the web UI answers unknown routes with 200 text/html). */
export function isHtml(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").toLowerCase().includes("text/html");
}

/**
 * Reads the body of a 2xx response according to `expect`.
 * - An HTML page is never what a route means: it is an unknown route or not an OpenCode 1.x
 *   server, so it raises UnsupportedServerError whatever `expect` says.
 * - `"void"` drains the body and returns undefined (prompt_async answers 204).
 * - `"optional"` returns undefined for 204 or an empty/whitespace body, else the parsed JSON.
 * - `"json"` requires a JSON body: an empty one raises InvalidResponseError like invalid JSON does.
 * Body read failures (network, abort) propagate so the requester can map them.
 * @example await parseSuccessBody(new Response("[1]"), { method: "GET", path: "/x" }, "json") // [1]
 */
export async function parseSuccessBody(response: Response, context: ExchangeContext, expect: ExpectBody): Promise<unknown> {
  const route = `${context.method} ${context.path}`;
  if (isHtml(response)) {
    await response.body?.cancel().catch(() => undefined);
    throw new UnsupportedServerError(
      `${route}: got an HTML page: unknown route, or not an OpenCode 1.x server (OpenCode 2.x uses /api/*)`,
      { status: response.status },
    );
  }
  const text = response.status === 204 ? "" : await response.text();
  if (expect === "void") return undefined;
  if (text.trim() === "") {
    if (expect === "optional") return undefined;
    throw new InvalidResponseError(`${route}: empty response body (${response.status}) where JSON was expected`, {
      status: response.status,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InvalidResponseError(`${route}: invalid JSON in the response (${response.status}): ${truncate(text)}`, {
      status: response.status,
      cause,
    });
  }
}
