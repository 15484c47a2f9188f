// A REST call straight to the demo's embedded server, around the page and its proxy (as another
// client would): the browser scenarios use it to change the server under the open page.

/**
 * @param {{ baseUrl: string, headers: Record<string, string> }} server
 * @returns {(method: string, route: string, body?: unknown) => Promise<any>}
 */
export function serverCall(server) {
  return async (method, route, body) => {
    const res = await fetch(new URL(route.replace(/^\//, ""), `${server.baseUrl}/`), {
      method,
      headers: { ...server.headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status}`);
    return res.json();
  };
}
