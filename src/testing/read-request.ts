/**
 * What the fake server needs of a `fetch` call, read the way `fetch` itself reads it: a `Request`
 * object's method, headers, body and signal, overridden by the `init` fields given beside it. So
 * the fake answers a `Request` (an MSW handler's, a service worker's) exactly like the same call
 * made with a URL and options.
 */

/**
 * A fetch call's parts.
 * @example const { method, text } = await readRequest(new Request(url, { method: "POST", body: "{}" }));
 */
export interface ReadRequest {
  url: URL;
  /** Upper-case. */
  method: string;
  headers: Headers;
  /** The body as text, or undefined when there is none. */
  text: string | undefined;
  signal: AbortSignal | null | undefined;
}

async function bodyText(body: BodyInit | null | undefined): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  // Blob, ArrayBuffer, typed arrays, URLSearchParams, FormData, streams: let Response decode them.
  return new Response(body).text();
}

/**
 * Reads a `fetch(input, init)` call: `init` wins over the `Request`'s own fields, as in `fetch`.
 * @example const { url, method, headers, text } = await readRequest("http://x/session", { method: "post", body: "{}" });
 */
export async function readRequest(input: RequestInfo | URL, init: RequestInit = {}): Promise<ReadRequest> {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request?.url ?? String(input));
  const method = (init.method ?? request?.method ?? "GET").toUpperCase();
  const headers = new Headers(request?.headers);
  new Headers(init.headers).forEach((value, key) => headers.set(key, value));
  let text: string | undefined;
  if (init.body !== undefined) text = await bodyText(init.body);
  else if (request !== undefined && request.body !== null && !request.bodyUsed) text = await request.clone().text();
  if (text === "") text = undefined;
  return { url, method, headers, text, signal: init.signal ?? request?.signal };
}
