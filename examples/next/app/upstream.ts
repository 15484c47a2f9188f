/**
 * The one place that knows where the OpenCode server is and its password (server-only env:
 * OPENCODE_URL, OPENCODE_SERVER_PASSWORD). Used by the route-handler proxy and the server client.
 */
import "server-only";

const target = (process.env.OPENCODE_URL ?? "http://127.0.0.1:4096").replace(/\/+$/, "");
const password = process.env.OPENCODE_SERVER_PASSWORD;
const authorization = password ? `Basic ${Buffer.from(`opencode:${password}`).toString("base64")}` : undefined;

/** Sends `pathAndQuery` (e.g. "/session?directory=...") to the OpenCode server, with the password. */
export function upstreamRequest(pathAndQuery: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.delete("host");
  headers.delete("cookie");
  if (authorization) headers.set("authorization", authorization);
  return fetch(`${target}${pathAndQuery}`, { ...init, headers, cache: "no-store", ...(init.body ? { duplex: "half" } : {}) } as RequestInit);
}
