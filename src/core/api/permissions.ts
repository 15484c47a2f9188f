import type { PermissionRequest } from "@opencode-ai/sdk/v2";
import { compact } from "../http/compact";
import type { Requester } from "../http/request";
import { pathSegment } from "../http/url";
import type { CallOptions } from "./types";

/**
 * Answer to a permission request: allow this call, allow its `always` patterns from now on, or refuse.
 * @example
 * const answer: PermissionReply = "always";
 * await client.permissions.reply("per_1", answer);
 */
export type PermissionReply = "once" | "always" | "reject";

/** The permission endpoints (a tool call waiting for the user's approval). */
export interface PermissionsApi {
  /** `GET /permission`: pending requests of this directory; `[]` for any non-array 2xx. @example await client.permissions.list() */
  list(options?: CallOptions): Promise<PermissionRequest[]>;
  /**
   * `POST /permission/:id/reply` with `{ reply, message? }`; a blank message is left out (EP-17).
   * With "reject", the message is fed back to the model.
   * @example await client.permissions.reply("per_1", "reject", "use the staging database instead")
   */
  reply(requestId: string, reply: PermissionReply, message?: string, options?: CallOptions): Promise<boolean>;
}

/**
 * Creates the permission endpoints on top of a requester.
 * @example const permissions = createPermissionsApi(requester); await permissions.reply("per_1", "once")
 */
export function createPermissionsApi(requester: Requester): PermissionsApi {
  return {
    async list(options = {}) {
      const body = await requester.request<unknown>("GET", "/permission", { ...options, expect: "optional" });
      return Array.isArray(body) ? (body as PermissionRequest[]) : [];
    },
    async reply(requestId, reply, message, options = {}) {
      const body = compact({ reply, message: message === undefined || message.trim() === "" ? undefined : message });
      const result = await requester.request<unknown>("POST", `/permission/${pathSegment(requestId)}/reply`, {
        ...options,
        body,
        expect: "optional",
      });
      return result !== false;
    },
  };
}
