import type { ResolvedConfig } from "../config";
import { ConnectionError, FrameTooLargeError, MalformedEventError, OpencodeError, UnsupportedServerError } from "../errors";
import { errorFromResponse } from "../http/error-from-response";
import { isHtml } from "../http/parse-body";
import { buildUrl } from "../http/url";
import { decodeEvent } from "./decode-event";
import { decodeGlobalFrame, IGNORED_FRAME } from "./global-frame";
import { createLivenessTimer, type LivenessTimer } from "./liveness";
import { createSseParser } from "./sse-parser";
import type { WireEvent } from "./types";

/**
 * The stream a feed reads: `/event` (one directory) or `/global/event` (every directory, frames
 * wrapped as `{ directory, payload }`).
 * @example const route: FeedRoute = "/global/event";
 */
export type FeedRoute = "/event" | "/global/event";

/** Where one connection delivers what it reads. */
export interface ConnectionHandlers {
  /** A decoded event, in stream order; `directory` is the frame's on `/global/event`. */
  onEvent(event: WireEvent, directory?: string): void;
  /** A frame that was dropped (too large, malformed); the stream goes on. */
  onProblem(error: OpencodeError): void;
}

/** One attempt at `/event` whose response headers arrived. */
export interface Connection {
  /** The real response. For a non-2xx its body is untouched, so {@link assertOpened} can read it. */
  response: Response;
  /**
   * 2xx: settles when the body is consumed: resolves on a clean end, rejects on a network
   * failure, the liveness timeout or an abort. Non-2xx: already resolved.
   */
  ended: Promise<void>;
}

/** The server ended the stream cleanly; a reason to reconnect, not a problem worth reporting. */
export class StreamEndedError extends ConnectionError {}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
  return code === undefined ? error.message : `${error.message} (${code})`;
}

/** Network failures become ConnectionError; our own errors and aborts pass through unchanged. */
function asFailure(error: unknown, signal: AbortSignal): unknown {
  if (error instanceof OpencodeError || signal.aborted) return error;
  return new ConnectionError(`opencode-react: event stream failed: ${describe(error)}`, { cause: error });
}

/** Headers of `/event`: never the password in the URL (no `auth_token` query), only this header. */
function feedHeaders(config: ResolvedConfig): Record<string, string> {
  const headers: Record<string, string> = { accept: "text/event-stream" };
  if (config.authorization !== undefined) headers.authorization = config.authorization;
  return headers;
}

/** Smallest learned liveness window: a server heartbeating very fast must not make every hiccup fatal. */
const MIN_LEARNED_LIVENESS_MS = 1_000;
/** The learned window is this many heartbeat periods (one late beat tolerated, then some margin). */
const HEARTBEATS_PER_WINDOW = 2.5;

/** Gaps shorter than this are heartbeats read back to back, not the server's period. */
const MIN_HEARTBEAT_GAP_MS = MIN_LEARNED_LIVENESS_MS / HEARTBEATS_PER_WINDOW;

/**
 * Adapts the liveness window to the server's heartbeat period (api.md 3.1: 10 s now, 30 s on early
 * 1.x): 2.5 times the LONGEST gap seen on this connection. Heartbeats read back to back (a tab whose
 * thread stalled, a proxy flushing its buffer) must not shrink the window to the floor, or the next
 * on-time heartbeat would come after it and force a reconnect and re-sync for nothing.
 */
function heartbeatLearner(config: ResolvedConfig, liveness: LivenessTimer): (event: WireEvent) => void {
  if (!config.events.learnLiveness) return () => undefined;
  let last: number | undefined;
  let longest = 0;
  return (event) => {
    if (event.type !== "server.heartbeat") return;
    const now = Date.now();
    const gap = last === undefined ? 0 : now - last;
    last = now;
    if (gap < MIN_HEARTBEAT_GAP_MS || gap <= longest) return;
    longest = gap;
    liveness.setTimeout(Math.max(MIN_LEARNED_LIVENESS_MS, Math.round(gap * HEARTBEATS_PER_WINDOW)));
  };
}

/** Reads one response body; resolves to the number of SSE frames it carried. */
async function consume(
  body: ReadableStream<Uint8Array> | null,
  config: ResolvedConfig,
  handlers: ConnectionHandlers,
  liveness: LivenessTimer,
  route: FeedRoute,
): Promise<number> {
  if (body === null) return 0;
  const maxFrameBytes = config.events.maxFrameBytes;
  const learn = heartbeatLearner(config, liveness);
  let frames = 0;
  // Our parser, not the library's: it enforces the frame cap and the framing rules of behaviours.md 2.2.
  const parser = createSseParser(
    {
      onData(data) {
        frames += 1;
        if (route === "/global/event") {
          const frame = decodeGlobalFrame(data);
          if (frame === IGNORED_FRAME) return;
          if (frame instanceof MalformedEventError) return handlers.onProblem(frame);
          learn(frame.event);
          handlers.onEvent(frame.event, frame.directory);
          return;
        }
        const decoded = decodeEvent(data);
        if (decoded instanceof MalformedEventError) return handlers.onProblem(decoded);
        learn(decoded);
        handlers.onEvent(decoded);
      },
      onOversize(size) {
        handlers.onProblem(new FrameTooLargeError(`opencode-react: dropped an SSE frame larger than ${maxFrameBytes} bytes (${size} bytes read)`));
      },
    },
    { maxFrameBytes },
  );
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    liveness.touch();
    parser.push(value);
  }
  parser.end();
  return frames;
}

/** Whether the response says it is an event stream (a missing content type is accepted, SSE-03). */
function saysEventStream(response: Response): boolean {
  const type = response.headers.get("content-type");
  return type === null || type.toLowerCase().includes("text/event-stream");
}

/**
 * Whether a response is read as the event stream: any 2xx (SSE-03: whatever its content type)
 * except an HTML page, which {@link assertOpened} rejects without reading the body.
 * @example if (isEventStream(response)) consume(response.body)
 */
export function isEventStream(response: Response): boolean {
  return response.ok && !isHtml(response);
}

/**
 * Runs one attempt: GET `/event` (scoped by directory/workspace) with `config.fetch`, and for a 2xx
 * reads the body itself with the SSE parser. Both feed drivers use it, so they behave identically.
 * No byte for `livenessTimeoutMs` (headers included) aborts the attempt with a ConnectionError.
 * @example const { response, ended } = await openConnection(config, signal, { onEvent, onProblem })
 */
export async function openConnection(
  config: ResolvedConfig,
  signal: AbortSignal,
  handlers: ConnectionHandlers,
  route: FeedRoute = "/event",
): Promise<Connection> {
  signal.throwIfAborted();
  const controller = new AbortController();
  const abort = (): void => controller.abort(signal.reason);
  signal.addEventListener("abort", abort, { once: true });
  const timeoutMs = config.events.livenessTimeoutMs;
  let silence: ConnectionError | undefined;
  const liveness = createLivenessTimer(timeoutMs, () => {
    silence = new ConnectionError(`opencode-react: no data on the event stream for ${timeoutMs} ms`);
    controller.abort(silence);
  });
  const release = (): void => {
    liveness.stop();
    signal.removeEventListener("abort", abort);
  };

  let response: Response;
  try {
    response = await config.fetch(buildUrl(config, route).toString(), { method: "GET", headers: feedHeaders(config), signal: controller.signal });
  } catch (error) {
    release();
    throw silence ?? asFailure(error, signal);
  }
  if (!isEventStream(response)) {
    release();
    // An HTML page (a login page, the web UI) is never read: cancel it so its socket is freed.
    if (response.ok) void response.body?.cancel().catch(() => undefined);
    return { response, ended: Promise.resolve() };
  }
  liveness.touch();
  const ended = consume(response.body, config, handlers, liveness, route).then((frames) => {
    release();
    // A 2xx that is not declared an event stream and carried no frame at all (a JSON answer, a
    // proxy's empty page) will never carry one: reconnecting would loop silently forever.
    if (frames === 0 && !saysEventStream(response)) {
      throw new UnsupportedServerError(
        `opencode-react: GET ${route} answered ${response.status} ${response.headers.get("content-type") ?? ""} without a single event: not an event stream (check baseUrl and the proxy)`,
        { status: response.status },
      );
    }
  }, (error: unknown) => {
    release();
    const failure = silence ?? asFailure(error, signal);
    controller.abort(); // a throwing handler leaves the body half read: free the socket
    throw failure;
  });
  ended.catch(() => undefined); // the driver awaits it; this only stops an "unhandled rejection" after an abort
  return { response, ended };
}

/**
 * Accepts any 2xx whatever its content type (SSE-03) except an HTML page (UnsupportedServerError,
 * fatal); turns anything else into the typed error of `errorFromResponse` (401 -> UnauthorizedError).
 * @example await assertOpened(connection.response, config)
 */
export async function assertOpened(response: Response, config: ResolvedConfig, route: FeedRoute = "/event"): Promise<void> {
  // OpenCode's web UI answers unknown routes with a 200 HTML page (a wrong base URL, a proxy's
  // login page, OpenCode 2.x, a server older than /global/event): reconnecting to it would loop
  // forever without a single event.
  if (response.ok && isHtml(response)) {
    throw new UnsupportedServerError(
      `opencode-react: GET ${route} answered with an HTML page, not an event stream: check baseUrl (OpenCode 2.x, which serves /api/*, is not supported)`,
      { status: response.status },
    );
  }
  if (response.ok) return;
  throw await errorFromResponse(response, { method: "GET", path: route, hasPassword: config.hasPassword });
}
