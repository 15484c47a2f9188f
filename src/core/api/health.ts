import { InvalidResponseError, UnsupportedServerError } from "../errors";
import type { Requester } from "../http/request";
import type { CallOptions } from "./types";

/**
 * What `GET /global/health` reports.
 * @example const { healthy, version }: HealthInfo = await client.health(); // { healthy: true, version: "1.18.33" }
 */
export interface HealthInfo {
  healthy: boolean;
  /** Server version, e.g. "1.18.33". */
  version: string;
}

/** The health endpoint. */
export interface HealthApi {
  /**
   * `GET /global/health` (never scoped by directory/workspace). Rejects with
   * UnsupportedServerError for OpenCode 2.x (version >= 2, or an HTML page).
   * @example const { version } = await client.health()
   */
  health(options?: CallOptions): Promise<HealthInfo>;
}

function majorVersion(version: string): number | undefined {
  const match = /^v?(\d+)(?:\.|$)/.exec(version.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Creates the health endpoint on top of a requester.
 * @example const { health } = createHealthApi(createRequester(resolveConfig()))
 */
export function createHealthApi(requester: Requester): HealthApi {
  return {
    async health(options = {}) {
      const body = await requester.request<unknown>("GET", "/global/health", { ...options, scope: "global" });
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new InvalidResponseError("GET /global/health: expected a JSON object like {healthy, version}", { status: 200, body });
      }
      const raw = "version" in body ? body.version : undefined;
      const version = typeof raw === "string" ? raw : "";
      const major = majorVersion(version);
      if (major !== undefined && major >= 2) {
        throw new UnsupportedServerError(
          `OpenCode 2.x is not supported (server version ${version}); opencode-react speaks the OpenCode 1.x API`,
          { status: 200, body },
        );
      }
      return { healthy: "healthy" in body && body.healthy === true, version };
    },
  };
}
