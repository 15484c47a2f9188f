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

/** A signal aborted with either of two others, and the removal of the listeners that link them. */
interface LinkedSignal {
  signal: AbortSignal;
  /** Removes the listeners from both sources (the long-lived run signal must not collect one per attempt). */
  release(): void;
}

/** Aborted as soon as either signal is (AbortSignal.any is too recent for some browsers). */
function eitherSignal(a: AbortSignal, b: AbortSignal): LinkedSignal {
  if (a.aborted) return { signal: a, release: () => undefined };
  if (b.aborted) return { signal: b, release: () => undefined };
  const controller = new AbortController();
  const onA = (): void => controller.abort(a.reason);
  const onB = (): void => controller.abort(b.reason);
  a.addEventListener("abort", onA, { once: true });
  b.addEventListener("abort", onB, { once: true });
  return {
    signal: controller.signal,
    release() {
      a.removeEventListener("abort", onA);
      b.removeEventListener("abort", onB);
    },
  };
}

/**
 * The feed driver for browsers (and jsdom): @microsoft/fetch-event-source schedules the attempts,
 * with the fixes its defaults need (behaviours.md section 5): `openWhenHidden` so a hidden tab
 * keeps the stream, our `onopen` (any 2xx accepted, non-2xx typed and 401 fatal), `onclose`
 * throwing so a server close reconnects, `onerror` returning our backoff or rethrowing fatal errors
 * (and ending the library when failed() stopped the run).
 * Each attempt's listeners on the run's signal are removed when the attempt ends.
 * @example await fetchEventSourceDriver(config, run) // resolves when run.signal aborts
 */
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
  const route = run.route ?? "/event";
  const running = fetchEventSource(buildUrl(config, route).toString(), {
    signal: library.signal,
    openWhenHidden: true,
    // The library's own per-attempt signal: it aborts it on dispose, which must stop our fetch too.
    fetch: (_input, init) => {
      run.attempting();
      const linked = init?.signal ? eitherSignal(init.signal, run.signal) : { signal: run.signal, release: () => undefined };
      return whileDom(
        openConnection(config, linked.signal, run.handlers, route).then(
          (connection) => {
            // The attempt is over when its body is (or at once for a refused answer).
            void connection.ended.then(linked.release, linked.release);
            return isEventStream(connection.response) ? mirror(connection) : connection.response;
          },
          (error: unknown) => {
            linked.release();
            throw error;
          },
        ),
      );
    },
    onopen: (response) => assertOpened(response, config, route),
    onmessage: () => undefined, // never called: the mirror body is empty
    onclose: () => {
      throw new StreamEndedError("opencode-react: the server closed the event stream");
    },
    onerror: (error: unknown) => {
      const delay = run.failed(error);
      // Stopped from inside failed() (a listener of the failure called restart() or dispose()): the
      // library, already disposed, would still schedule this retry and then loop forever on
      // attempts refused by the aborted signal. Throwing ends it (its rejection comes after it
      // resolved, so nothing sees it).
      if (run.signal.aborted) throw error;
      return delay;
    },
  });
  return Promise.race([running, detached]);
};
