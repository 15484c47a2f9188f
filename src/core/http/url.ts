import type { ResolvedConfig } from "../config";

/** A query value: undefined values are left out; booleans and numbers are sent as strings. */
export type QueryValue = string | number | boolean | undefined;

/** Whether a route runs inside an instance (gets ?directory/&workspace) or is global (/global/*). */
export type RouteScope = "instance" | "global";

/**
 * Builds the URL of a route: base URL (its path prefix and own query kept) + path + query, plus
 * `directory` and `workspace` on instance routes. Path segments are encoded by the api layer.
 * @example buildUrl(config, "/session", { limit: 5 }) // http://127.0.0.1:4096/session?limit=5&directory=%2Fp
 */
export function buildUrl(
  config: ResolvedConfig,
  path: string,
  query: Record<string, QueryValue> = {},
  scope: RouteScope = path.startsWith("/global/") ? "global" : "instance",
): URL {
  const url = new URL(config.baseUrl.toString());
  // A root base URL reports its pathname as "/": strip it so "/session" does not become "//session".
  url.pathname = `${config.baseUrl.pathname.replace(/\/+$/, "")}${path}`;
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  if (scope === "instance") {
    if (config.directory !== undefined) url.searchParams.set("directory", config.directory);
    if (config.workspace !== undefined) url.searchParams.set("workspace", config.workspace);
  }
  return url;
}

/**
 * Encodes one path segment (a session, message or request id).
 * @example pathSegment("ses/1") // "ses%2F1"
 */
export function pathSegment(id: string): string {
  if (typeof id !== "string" || id === "") throw new TypeError("opencode-react: an id must be a non-empty string");
  // "." and ".." are dot-segments: URL resolution removes them (`/session/./abort` is sent as
  // `POST /session/abort`), so the request would reach another route.
  if (id === "." || id === "..") throw new TypeError(`opencode-react: ${JSON.stringify(id)} is not a valid id (a dot-segment would change the route)`);
  return encodeURIComponent(id);
}
