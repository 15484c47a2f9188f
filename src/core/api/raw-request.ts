import type { HttpMethod, Requester } from "../http/request";
import { pathSegment, type QueryValue, type RouteScope } from "../http/url";
import type { SdkRoutes } from "./sdk-routes";
import type { CallOptions } from "./types";
import { isRecord } from "../is-record";

type RouteKey<M extends string, P extends string> = `${M} ${P}`;
type Route<M extends string, P extends string> = RouteKey<M, P> extends keyof SdkRoutes ? SdkRoutes[RouteKey<M, P>] : undefined;
type Field<T, K extends string> = T extends Record<K, infer V> ? V : T extends Partial<Record<K, infer V>> ? V : undefined;
type Success<R> = R[Extract<keyof R, 200 | 201 | 202 | 204>];

/**
 * The paths of the SDK's routes for one method, with `{param}` placeholders, e.g.
 * `"/session/{sessionID}/fork"` for "POST" (what `client.request` autocompletes).
 * @example const path: SdkPath<"GET"> = "/vcs/status";
 */
export type SdkPath<M extends HttpMethod> = keyof SdkRoutes extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;

/**
 * Options of `client.request`: for a route of the SDK (`path` with `{param}` placeholders) the
 * `params`, `query` and `body` are typed by its generated `…Data` type; for any other path they
 * are free. `directory`/`workspace` come from the client, never from here.
 * @example
 * const options: RawRequestOptions<"POST", "/session/{sessionID}/fork"> = { params: { sessionID: "ses_1" }, body: { messageID: "msg_3" } };
 */
export interface RawRequestOptions<M extends HttpMethod = HttpMethod, P extends string = string> extends CallOptions {
  /** Values of the `{name}` placeholders of `path` (percent-encoded for you). */
  params?: Route<M, P> extends { data: infer D } ? Field<D, "path"> : Record<string, string>;
  /** Query parameters (undefined values are left out). */
  query?: Route<M, P> extends { data: infer D } ? Omit<NonNullable<Field<D, "query">>, "directory" | "workspace"> : Record<string, QueryValue>;
  /** JSON body. */
  body?: Route<M, P> extends { data: infer D } ? Field<D, "body"> : unknown;
  /** "instance" (default: gets ?directory/&workspace) or "global" (default for /global/*). */
  scope?: RouteScope;
}

/**
 * What `client.request` resolves to: the SDK's success type for its routes (undefined for a
 * 204 or an empty body), `unknown` for any other path.
 * @example type Files = RawResponse<"GET", "/find/file">; // string[]
 */
export type RawResponse<M extends HttpMethod, P extends string> = Route<M, P> extends { responses: infer R } ? Success<R> : unknown;

/** The escape hatch: any route, with the client's auth, scoping, typed errors and instrumentation. */
export interface RawRequestApi {
  /**
   * Calls any route of the server. `path` is a concrete path ("/vcs/status") or an SDK route with
   * `{param}` placeholders filled from `options.params`; the result is typed by the official
   * `@opencode-ai/sdk/v2` types when the route is one of the SDK's.
   * @example
   * const status = await client.request("GET", "/vcs/status"); // VcsFileStatus[]
   * const forked = await client.request("POST", "/session/{sessionID}/fork", { params: { sessionID: "ses_1" }, body: {} });
   */
  request<M extends HttpMethod, P extends SdkPath<M> | (string & {})>(method: M, path: P, options?: RawRequestOptions<M, P>): Promise<RawResponse<M, P>>;
}

/**
 * Fills `{name}` placeholders from `params` (each value percent-encoded as one segment).
 * @example fillPath("/session/{sessionID}/fork", { sessionID: "ses 1" }) // "/session/ses%201/fork"
 */
export function fillPath(path: string, params: unknown): string {
  if (!path.startsWith("/") || path.includes("?") || path.includes("#")) {
    throw new TypeError(`opencode-react: request path must start with "/" and carry no query (use options.query): ${JSON.stringify(path)}`);
  }
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = isRecord(params) ? params[name] : undefined;
    if (typeof value !== "string") throw new TypeError(`opencode-react: request path needs params.${name}`);
    return pathSegment(value);
  });
}

/**
 * Creates the escape hatch on top of a requester.
 * @example const { request } = createRawRequestApi(requester); await request("GET", "/lsp")
 */
export function createRawRequestApi(requester: Requester): RawRequestApi {
  return {
    async request(method, path, options = {}) {
      const { params, query, body, scope, signal, timeoutMs } = options;
      const result = await requester.request<unknown>(method, fillPath(path, params), {
        query: query as Record<string, QueryValue> | undefined,
        body,
        scope,
        signal,
        timeoutMs,
        expect: "optional",
      });
      return result as never;
    },
  };
}
