import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  OpencodeError,
  ServerError,
  UnauthorizedError,
  type OpencodeErrorOptions,
} from "../errors";
import { readTextSafely, truncate } from "./parse-body";
import { isRecord } from "../is-record";

/** What {@link errorFromResponse} needs to word the error; `path` must be the route path. */
export interface ErrorContext {
  /** Upper-case HTTP method. */
  method: string;
  /** Route path (a query, if any slipped in, is cut off so it cannot leak into the message). */
  path: string;
  /** Whether the client sent a password (words the 401 message). */
  hasPassword: boolean;
}

function present(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/**
 * The server's own message: `data.message`, then `message`, then `_tag`, then `name` (the two
 * error families of api.md 1.5). A JSON string body is the message. `data` of any other shape
 * (ERR-15: `{data:"x"}`) is skipped rather than crashing.
 */
function serverMessage(body: unknown): string | undefined {
  if (typeof body === "string") return present(body);
  if (!isRecord(body)) return undefined;
  const data = body.data;
  return present(isRecord(data) ? data.message : undefined) ?? present(body.message) ?? present(body._tag) ?? present(body.name);
}

/** Parses an error body: JSON when it is JSON, `{ message }` for text, undefined when empty (ERR-11). */
function parseErrorBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: truncate(text.trim()) };
  }
}

function unauthorizedMessage(hasPassword: boolean): string {
  return hasPassword
    ? "the server rejected the password (check `password` and `username`)"
    : "the server requires a password (set `password` in the client config)";
}

/**
 * Maps a non-2xx response to a typed error: 400 and other 4xx BadRequestError, 401
 * UnauthorizedError, 404 NotFoundError, 409 ConflictError, 5xx ServerError, anything else (1xx,
 * 3xx, opaque) a plain OpencodeError "Unexpected response". The message reads
 * `GET /session/ses_1 failed (404): Session not found: ses_1`; `status` and the parsed `body`
 * are on the error. The message never holds the password or a query string.
 * @example
 * if (!response.ok) throw await errorFromResponse(response, { method: "GET", path: "/event", hasPassword: false })
 */
export async function errorFromResponse(
  response: Response,
  context: ErrorContext,
): Promise<OpencodeError> {
  const status = response.status;
  const body = parseErrorBody(await readTextSafely(response));
  const path = context.path.split("?")[0] ?? "";
  const prefix = `${context.method.toUpperCase()} ${path} failed (${status})`;
  const detail = serverMessage(body);
  const options: OpencodeErrorOptions = { status, body };
  const text = (fallback: string): string => `${prefix}: ${truncate(detail ?? fallback)}`;

  if (status === 401) return new UnauthorizedError(`${prefix}: ${unauthorizedMessage(context.hasPassword)}`, options);
  if (status === 404) return new NotFoundError(text("Not found"), options);
  if (status === 409) return new ConflictError(text("Conflict"), options);
  if (status >= 400 && status <= 499) return new BadRequestError(text("Bad request"), options);
  if (status >= 500 && status <= 599) return new ServerError(text("Server error"), options);
  return new OpencodeError(`${prefix}: Unexpected response`, options);
}
