import { fetchEventSource } from "@microsoft/fetch-event-source";
import { assertOpened, isEventStream, openConnection, StreamEndedError, type Connection } from "./connection";
import type { FeedDriver } from "./feed-driver";
import { buildUrl } from "../http/url";

/** True while the page (or the test environment) has a DOM. */
function hasDom(): boolean {
  return typeof document !== "undefined" && typeof window !== "undefined" && window !== null;
}

/**
 * `promise`, except that it never settles if the DOM is gone by then. Whatever the library does
 * next with the outcome (dispose, a retry timer) touches `window` and `document`; once they are gone
 * (a test environment torn down while a feed was still connected) that throws inside the library's
 * own async code, where nothing can catch it. Our side of the connection has already handled the
 * end: the library is simply left waiting, and collected with everything else.
 */
function whileDom<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    promise.then(
      (value) => {
        if (hasDom()) resolve(value);
      },
      (error: unknown) => {
        if (hasDom()) reject(error);
      },
    );
  });
}

/** Null-body statuses cannot carry the mirror stream; any 2xx is "open" for us anyway (SSE-03). */
const NULL_BODY_STATUSES = new Set([204, 205]);

/**
 * What fetch-event-source gets for a 2xx: same status and headers, a body that stays empty (our
 * parser already consumes the real one) and closes when the real body ends or errors when it fails.
 * So the library never parses, never sees `id:`/`retry:` and never sends Last-Event-ID.
 */
function mirror(connection: Connection): Response {
  const { response, ended } = connection;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      void whileDom(ended).then(
        () => controller.close(),
        (error: unknown) => controller.error(error),
      );
    },
  });
  const status = NULL_BODY_STATUSES.has(response.status) ? 200 : response.status;
  return new Response(body, { status, statusText: response.statusText, headers: response.headers });
}

/**
 * The feed driver for browsers (and jsdom): @microsoft/fetch-event-source schedules the attempts,
 * with the fixes its defaults need (behaviours.md section 5): `openWhenHidden` so a hidden tab
 * keeps the stream, our `onopen` (any 2xx accepted, non-2xx typed and 401 fatal), `onclose`
 * throwing so a server close reconnects, `onerror` returning our backoff or rethrowing fatal errors.
 * @example await fetchEventSourceDriver(config, run) // resolves when run.signal aborts
 */
/** Aborted as soon as any of the signals is (AbortSignal.any is too recent for some browsers). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (a.aborted) return a;
  if (b.aborted) return b;
  const controller = new AbortController();
  const abort = (signal: AbortSignal) => () => controller.abort(signal.reason);
  a.addEventListener("abort", abort(a), { once: true });
  b.addEventListener("abort", abort(b), { once: true });
  return controller.signal;
}

export const fetchEventSourceDriver: FeedDriver = (config, run) => {
  if (run.signal.aborted) return Promise.resolve(); // the library would never settle on a dead signal
  // The library's abort handler calls `document.removeEventListener`, which throws once the DOM is
  // gone (a test environment torn down while a feed closes on its 0 ms timer). So the library
  // gets its own signal, aborted only while a document exists; our fetch listens to run.signal
  // directly, so the connection is closed either way.
  const library = new AbortController();
  let settle: () => void = () => undefined;
  const detached = new Promise<void>((resolve) => (settle = resolve));
  run.signal.addEventListener(
    "abort",
    () => {
      if (hasDom()) library.abort(run.signal.reason);
      else settle();
    },
    { once: true },
  );
  const running = fetchEventSource(buildUrl(config, "/event").toString(), {
    signal: library.signal,
    openWhenHidden: true,
    // The library's own per-attempt signal: it aborts it on dispose, which must stop our fetch too.
    fetch: (_input, init) => {
      run.attempting();
      const signal = init?.signal ? eitherSignal(init.signal, run.signal) : run.signal;
      return whileDom(
        openConnection(config, signal, run.handlers).then((connection) =>
          isEventStream(connection.response) ? mirror(connection) : connection.response,
        ),
      );
    },
    onopen: (response) => assertOpened(response, config),
    onmessage: () => undefined, // never called: the mirror body is empty
    onclose: () => {
      throw new StreamEndedError("opencode-react: the server closed the event stream");
    },
    onerror: (error: unknown) => run.failed(error),
  });
  return Promise.race([running, detached]);
};
