import type { Requester } from "../http/request";
import { pathSegment } from "../http/url";
import type { CallOptions } from "./types";

/** Deleting stored messages and parts. A busy session answers 409: ConflictError. */
export interface MessageActionsApi {
  /** `DELETE /session/:id/message/:messageId`. @example await client.messages.delete("ses_1", "msg_3") */
  delete(sessionId: string, messageId: string, options?: CallOptions): Promise<boolean>;
  /** `DELETE /session/:id/message/:messageId/part/:partId`. @example await client.messages.deletePart("ses_1", "msg_3", "prt_2") */
  deletePart(sessionId: string, messageId: string, partId: string, options?: CallOptions): Promise<boolean>;
}

/**
 * Creates the message deletions on top of a requester.
 * @example const actions = createMessageActionsApi(requester); await actions.delete("ses_1", "msg_3")
 */
export function createMessageActionsApi(requester: Requester): MessageActionsApi {
  const message = (sessionId: string, messageId: string): string => `/session/${pathSegment(sessionId)}/message/${pathSegment(messageId)}`;
  const accepted = async (path: string, options: CallOptions): Promise<boolean> =>
    (await requester.request<unknown>("DELETE", path, { ...options, expect: "optional" })) !== false;
  return {
    delete: async (sessionId, messageId, options = {}) => accepted(message(sessionId, messageId), options),
    deletePart: async (sessionId, messageId, partId, options = {}) =>
      accepted(`${message(sessionId, messageId)}/part/${pathSegment(partId)}`, options),
  };
}
