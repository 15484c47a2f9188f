/**
 * The OpenCode client of the server side: it talks to the real server with the password (which
 * never leaves the server), but carries the PUBLIC proxy URL as its baseUrl, so the query keys it
 * prefetches are the ones the browser's client (baseUrl = the proxy) reads after hydration.
 */
import "server-only";
import { headers } from "next/headers";
import { createOpencodeClient, type OpencodeClient } from "opencode-react/core";
import { upstreamRequest } from "./upstream";

/** The proxy's public URL as the browser sees it (from this request's Host). */
export async function publicProxyUrl(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}/api/opencode`;
}

/** A client for this request: public baseUrl (same cache keys as the browser), private transport. */
export async function serverClient(): Promise<OpencodeClient> {
  const baseUrl = await publicProxyUrl();
  return createOpencodeClient({
    baseUrl,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const rest = url.pathname.slice(new URL(baseUrl).pathname.length);
      return upstreamRequest(`${rest}${url.search}`, init ?? {});
    },
  });
}
