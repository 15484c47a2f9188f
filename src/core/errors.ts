/**
 * Typed errors. Every error the package raises extends {@link OpencodeError}, carries a stable
 * `code` for `switch` statements, and never contains the password (messages are built from the
 * method, the path without its query, the status and the server's own message).
 */

/**
 * Stable discriminator of every error class.
 * @example if (error instanceof OpencodeError && error.code === "unauthorized") askForPassword();
 */
export type OpencodeErrorCode =
  | "opencode"
  | "bad_request"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "server"
  | "invalid_response"
  | "unsupported_server"
  | "connection"
  | "timeout"
  | "stale_session"
  | "idle_stream"
  | "frame_too_large"
  | "malformed_event"
  | "session";

// A record, not a Set: an object literal is side-effect free (tree-shaken when unused) and the
// compiler checks that every code is listed.
const ERROR_CODES: Readonly<Record<OpencodeErrorCode, true>> = {
  opencode: true,
  bad_request: true,
  unauthorized: true,
  not_found: true,
  conflict: true,
  server: true,
  invalid_response: true,
  unsupported_server: true,
  connection: true,
  timeout: true,
  stale_session: true,
  idle_stream: true,
  frame_too_large: true,
  malformed_event: true,
  session: true,
};

/**
 * Options shared by every error constructor.
 * @example throw new OpencodeError("request failed", { status: 500, body: { message: "boom" }, cause: error });
 */
export interface OpencodeErrorOptions {
  /** HTTP status, when the error comes from a response. */
  status?: number;
  /** Parsed response body (JSON value, or `{ message }` for a text body). */
  body?: unknown;
  /** The underlying error (network failure, JSON syntax error, ...). */
  cause?: unknown;
}

/**
 * Base class of every error raised by opencode-react.
 * @example
 * try { await client.sessions.get("ses_x") } catch (e) { if (e instanceof OpencodeError) console.log(e.code, e.status) }
 */
export class OpencodeError extends Error {
  // `name` and `code` are prototype getters returning string literals, not `new.target.name`: a
  // consumer's minifier renames classes (NotFoundError -> "r"), never string literals.
  /** The class name, stable under minification. */
  override get name(): string {
    return "OpencodeError";
  }
  /** Stable discriminator; narrow on it instead of `instanceof` across bundles. */
  get code(): OpencodeErrorCode {
    return "opencode";
  }
  /** HTTP status, when the error comes from a response. */
  readonly status: number | undefined;
  /** Parsed response body, when there was one. */
  readonly body: unknown;

  constructor(message?: string, options: OpencodeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (!message) this.message = this.name;
    this.status = options.status;
    this.body = options.body;
  }
}

/**
 * 400 (and any other 4xx without a class of its own, e.g. 403, 422, 429).
 * @example if (e instanceof BadRequestError) showValidation(e.message)
 */
export class BadRequestError extends OpencodeError {
  override get name(): string {
    return "BadRequestError";
  }
  override get code(): OpencodeErrorCode {
    return "bad_request";
  }
}

/**
 * 401: the server wants a password, or rejected the one given.
 * @example if (e instanceof UnauthorizedError) askForPassword()
 */
export class UnauthorizedError extends OpencodeError {
  override get name(): string {
    return "UnauthorizedError";
  }
  override get code(): OpencodeErrorCode {
    return "unauthorized";
  }
}

/**
 * 404 on any route: a session, message, question or permission that does not exist (any more).
 * @example if (e instanceof NotFoundError) navigate("/")
 */
export class NotFoundError extends OpencodeError {
  override get name(): string {
    return "NotFoundError";
  }
  override get code(): OpencodeErrorCode {
    return "not_found";
  }
}

/**
 * Alias of {@link NotFoundError}, named after the Ruby client's error.
 * @example if (e instanceof SessionNotFoundError) forgetSession()
 */
export const SessionNotFoundError = NotFoundError;
/** Alias of {@link NotFoundError}. */
export type SessionNotFoundError = NotFoundError;

/**
 * 409: the session is busy (shell, revert, deleting a message during a turn).
 * @example if (e instanceof ConflictError) retryLater()
 */
export class ConflictError extends OpencodeError {
  override get name(): string {
    return "ConflictError";
  }
  override get code(): OpencodeErrorCode {
    return "conflict";
  }
}

/**
 * 5xx from the server.
 * @example if (e instanceof ServerError) toast(e.message)
 */
export class ServerError extends OpencodeError {
  override get name(): string {
    return "ServerError";
  }
  override get code(): OpencodeErrorCode {
    return "server";
  }
}

/**
 * A 2xx whose body is not the JSON the route promises (truncated, or not JSON at all).
 * @example if (e instanceof InvalidResponseError) console.warn(e.message)
 */
export class InvalidResponseError extends ServerError {
  override get name(): string {
    return "InvalidResponseError";
  }
  override get code(): OpencodeErrorCode {
    return "invalid_response";
  }
}

/**
 * The server is not an OpenCode 1.x server: an HTML page where JSON was expected (an unknown
 * route, a proxy, or OpenCode 2.x), or `/global/health` reporting version 2 or later.
 * @example if (e instanceof UnsupportedServerError) showUpgradeHint()
 */
export class UnsupportedServerError extends OpencodeError {
  override get name(): string {
    return "UnsupportedServerError";
  }
  override get code(): OpencodeErrorCode {
    return "unsupported_server";
  }
}

/**
 * The server could not be reached (refused, DNS failure, reset before a response).
 * @example if (e instanceof ConnectionError) showOffline()
 */
export class ConnectionError extends OpencodeError {
  override get name(): string {
    return "ConnectionError";
  }
  override get code(): OpencodeErrorCode {
    return "connection";
  }
}

/**
 * A request (after `timeoutMs`) or a turn (after `turnTimeoutMs`) took too long.
 * @example if (e instanceof TimeoutError) offerRetry()
 */
export class TimeoutError extends OpencodeError {
  override get name(): string {
    return "TimeoutError";
  }
  override get code(): OpencodeErrorCode {
    return "timeout";
  }
}

/**
 * No session event arrived within `firstEventTimeoutMs` after the prompt (heartbeats never count).
 * @example if (e instanceof StaleSessionError) showStalled()
 */
export class StaleSessionError extends OpencodeError {
  override get name(): string {
    return "StaleSessionError";
  }
  override get code(): OpencodeErrorCode {
    return "stale_session";
  }
}

/**
 * Heartbeats still arrive but no meaningful event did for `idleTimeoutMs` mid-turn: upstream wedged.
 * @example if (e instanceof IdleStreamError) showWedged()
 */
export class IdleStreamError extends OpencodeError {
  override get name(): string {
    return "IdleStreamError";
  }
  override get code(): OpencodeErrorCode {
    return "idle_stream";
  }
}

/**
 * An SSE frame larger than the feed's cap was dropped (reported, never fatal).
 * @example client.events.onError((e) => e instanceof FrameTooLargeError && console.warn(e.message))
 */
export class FrameTooLargeError extends OpencodeError {
  override get name(): string {
    return "FrameTooLargeError";
  }
  override get code(): OpencodeErrorCode {
    return "frame_too_large";
  }
}

/**
 * An SSE frame whose data is not a JSON object with a string `type` was skipped (reported, never fatal).
 * @example client.events.onError((e) => e instanceof MalformedEventError && console.warn(e.message))
 */
export class MalformedEventError extends OpencodeError {
  override get name(): string {
    return "MalformedEventError";
  }
  override get code(): OpencodeErrorCode {
    return "malformed_event";
  }
}

/**
 * The server reported a failed turn (`session.error`), e.g. a provider error; `name` is the
 * server's error name (`APIError`, `ProviderAuthError`, ...).
 * @example if (e instanceof SessionError) console.log(e.errorName, e.message)
 */
export class SessionError extends OpencodeError {
  override get name(): string {
    return "SessionError";
  }
  override get code(): OpencodeErrorCode {
    return "session";
  }
  /** The server's error name, e.g. "APIError" or "UnknownError". */
  readonly errorName: string;

  constructor(errorName: string, message: string, options: OpencodeErrorOptions = {}) {
    super(message, options);
    this.errorName = errorName;
  }
}

/**
 * True when `value` is an error raised by this package.
 * @example if (isOpencodeError(e)) report(e.code)
 */
export function isOpencodeError(value: unknown): value is OpencodeError {
  // By code, not instanceof: two copies of the package (a monorepo, a bundled dependency) have two
  // OpencodeError classes, and an error thrown by one must still be recognised by the other.
  if (!(value instanceof Error)) return false;
  const code: unknown = (value as { code?: unknown }).code;
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}
