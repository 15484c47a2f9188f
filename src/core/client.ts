import { createApi, toPromptBody, type OpencodeApi, type PromptInput } from "./api";
import { resolveConfig, type OpencodeClientConfig } from "./config";
import { createEventHub } from "./events/hub";
import { promptWhenReady, type PromptHandle, type PromptWhenReadyOptions } from "./events/prompt-when-ready";
import type { EventHub } from "./events/types";
import { createRequester } from "./http/request";

/**
 * What a client tells about itself: never the password.
 * @example const { baseUrl, directory }: OpencodeClientInfo = client.info;
 */
export interface OpencodeClientInfo {
  /** Normalised base URL (no trailing slash, path prefix kept). */
  baseUrl: string;
  /** Configured directory, if any. */
  directory: string | undefined;
  /** Configured workspace, if any. */
  workspace: string | undefined;
}

/**
 * The OpenCode client: one method per endpoint (see {@link OpencodeApi}), the shared event feed
 * (`events`) and the subscribe-then-prompt handshake (`prompt`).
 * @example
 * const client: OpencodeClient = createOpencodeClient({ directory: "/repo" });
 * const handle = await client.prompt("ses_1", { text: "hello" }, { onEvent: (e) => console.log(e.type) });
 */
export interface OpencodeClient extends OpencodeApi {
  /** Base URL, directory and workspace (the scope of caches built on this client). */
  readonly info: OpencodeClientInfo;
  /** The ONE shared `/event` connection of this client, reference-counted. */
  readonly events: EventHub;
  /**
   * Subscribes to the session, waits for `server.connected`, then posts `prompt_async` exactly
   * once (never again on reconnects). An error from the POST rejects and is never retried.
   * With `onEvent`, the subscription stays open until `handle.unsubscribe()`.
   */
  prompt(sessionId: string, input: PromptInput, options?: PromptWhenReadyOptions): Promise<PromptHandle>;
}

/**
 * Creates a client for one OpenCode server (and optionally one project directory).
 * @example
 * const client = createOpencodeClient({ baseUrl: "http://127.0.0.1:4096", password: "secret", directory: "/repo" });
 * const session = await client.sessions.create({ title: "Chat" });
 * const handle = await client.prompt(session.id, { text: "hello" }, { onEvent: (e) => console.log(e.type) });
 */
export function createOpencodeClient(config: OpencodeClientConfig = {}): OpencodeClient {
  const resolved = resolveConfig(config);
  const api = createApi(createRequester(resolved));
  const events = createEventHub(resolved);
  return {
    ...api,
    info: { baseUrl: resolved.baseUrlString, directory: resolved.directory, workspace: resolved.workspace },
    events,
    async prompt(sessionId, input, options) {
      // Validate before subscribing: a bad model string or an empty prompt fails at once, without
      // opening the feed and waiting for server.connected first.
      toPromptBody(input);
      return promptWhenReady(events, sessionId, () => api.messages.sendAsync(sessionId, input), options);
    },
  };
}
