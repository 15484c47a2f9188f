/** Test helpers: a fake fetch that records every request, response builders, and a wired-up client. */
import { createApi, type OpencodeApi } from "../../src/core/api";
import { resolveConfig, type OpencodeClientConfig, type RequestInstrumentation } from "../../src/core/config";
import { createRequester, type Requester } from "../../src/core/http/request";

/** One request as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  /** Path with the query, e.g. "/session?limit=5". */
  target: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** Produces the response of one request. */
export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

/** A JSON response (200 unless told). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** A raw response with an optional content type (none when omitted). */
export function raw(body: string | null, status = 200, contentType?: string): Response {
  return new Response(body, { status, headers: contentType === undefined ? {} : { "content-type": contentType } });
}

/** A fetch that never answers; it rejects with the signal's reason once aborted (like real fetch). */
export const hangingResponder: Responder = (request) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = request.signal;
    if (signal === undefined) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

/** Creates a fake fetch; every call is recorded in `calls`. */
export function fakeFetch(responder: Responder = () => json({})): { fetch: typeof fetch; calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const recorded: RecordedRequest = {
      method: init.method ?? "GET",
      url,
      target: `${url.pathname}${url.search}`,
      headers,
      body: typeof init.body === "string" ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(recorded);
    return responder(recorded);
  };
  return { fetch: fetchImpl, calls };
}

/** A requester + api over a fake fetch, collecting instrumentation events. */
export interface TestClient {
  api: OpencodeApi;
  requester: Requester;
  calls: RecordedRequest[];
  events: RequestInstrumentation[];
}

/** Builds a test client; `responder` answers every request. */
export function testClient(responder?: Responder, config: OpencodeClientConfig = {}): TestClient {
  const { fetch, calls } = fakeFetch(responder);
  const events: RequestInstrumentation[] = [];
  const resolved = resolveConfig({ baseUrl: "http://oc.test:4096", instrument: (event) => events.push(event), ...config, fetch });
  const requester = createRequester(resolved);
  return { api: createApi(requester), requester, calls, events };
}

/** The only recorded request; fails the test when there were none or several. */
export function only(calls: RecordedRequest[]): RecordedRequest {
  if (calls.length !== 1) throw new Error(`expected exactly one request, got ${calls.length}`);
  return calls[0] as RecordedRequest;
}
