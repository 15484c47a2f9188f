import type { Requester } from "../http/request";
import { pathSegment } from "../http/url";
import { toPromptBody, type PromptInput } from "./prompt-body";
import type { CallOptions, MessageWithParts, PromptResult } from "./types";

/**
 * Paging of `messages.list`.
 * @example
 * const paging: MessageListOptions = { limit: 50, before: page.nextCursor };
 * const older = await client.messages.list("ses_1", paging);
 */
export interface MessageListOptions {
  /** Newest `limit` messages (0 or omitted: all). */
  limit?: number;
  /** Cursor from a previous page's `nextCursor` (the server requires `limit` with it). */
  before?: string;
}

/**
 * One page of messages, chronological, and the cursor of the older page (undefined: none).
 * @example const { items, nextCursor }: MessagePage = await client.messages.list("ses_1", { limit: 50 });
 */
export interface MessagePage {
  items: MessageWithParts[];
  nextCursor: string | undefined;
}

/** The message endpoints. */
export interface MessagesApi {
  /**
   * `GET /session/:id/message`; `nextCursor` comes from the `X-Next-Cursor` header.
   * @example const older = await client.messages.list("ses_1", { limit: 50, before: page.nextCursor })
   */
  list(sessionId: string, paging?: MessageListOptions, options?: CallOptions): Promise<MessagePage>;
  /** `GET /session/:id/message/:messageId`. @example await client.messages.get("ses_1", "msg_1") */
  get(sessionId: string, messageId: string, options?: CallOptions): Promise<MessageWithParts>;
  /**
   * `POST /session/:id/message`: resolves when the whole turn ended (minutes), so it has no
   * timeout unless `options.timeoutMs` sets one. Any failure of the turn is a 400 from the server.
   * @example const { info, parts } = await client.messages.send("ses_1", { text: "hi" })
   */
  send(sessionId: string, input: PromptInput, options?: CallOptions): Promise<PromptResult>;
  /**
   * `POST /session/:id/prompt_async` (204): the turn runs in the background; follow it on the feed.
   * @example await client.messages.sendAsync("ses_1", { text: "hi", model: "anthropic/claude-sonnet-4" })
   */
  sendAsync(sessionId: string, input: PromptInput, options?: CallOptions): Promise<void>;
}

/**
 * Creates the message endpoints on top of a requester.
 * @example const messages = createMessagesApi(requester); await messages.list("ses_1")
 */
export function createMessagesApi(requester: Requester): MessagesApi {
  const base = (sessionId: string): string => `/session/${pathSegment(sessionId)}`;
  return {
    async list(sessionId, paging = {}, options = {}) {
      const { data, headers } = await requester.exchange<MessageWithParts[]>("GET", `${base(sessionId)}/message`, {
        ...options,
        query: { limit: paging.limit, before: paging.before },
      });
      return { items: data, nextCursor: headers.get("x-next-cursor") || undefined };
    },
    get: async (sessionId, messageId, options = {}) =>
      requester.request<MessageWithParts>("GET", `${base(sessionId)}/message/${pathSegment(messageId)}`, options),
    async send(sessionId, input, options = {}) {
      // The sync route answers only when the whole agent loop ended: no default timeout.
      return requester.request<PromptResult>("POST", `${base(sessionId)}/message`, {
        ...options,
        timeoutMs: options.timeoutMs ?? 0,
        body: toPromptBody(input),
      });
    },
    async sendAsync(sessionId, input, options = {}) {
      await requester.request<void>("POST", `${base(sessionId)}/prompt_async`, {
        ...options,
        body: toPromptBody(input),
        expect: "void",
      });
    },
  };
}
