/**
 * The browser's way to the OpenCode server: every method of /api/opencode/* is forwarded with the
 * password added here, the response (the SSE feed included) streamed back as it comes.
 */
import { upstreamRequest } from "../../../upstream";

export const dynamic = "force-dynamic";

async function proxy(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await context.params;
  const url = new URL(request.url);
  const upstream = await upstreamRequest(`/${path.map(encodeURIComponent).join("/")}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body: request.method === "GET" || request.method === "HEAD" ? undefined : request.body,
    signal: request.signal,
  });
  const headers = new Headers(upstream.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(upstream.body, { status: upstream.status, headers });
}

export { proxy as GET, proxy as POST, proxy as PATCH, proxy as PUT, proxy as DELETE };
