import { createApi, toPromptBody, type OpencodeApi, type PromptInput } from "./api";
import { resolveConfig, type OpencodeClientConfig, type RequestInstrumentation, type ResolvedConfig } from "./config";
import { directoryKey } from "./events/global-frame";
import { promptWhenReady, type PromptHandle, type PromptWhenReadyOptions } from "./events/prompt-when-ready";
import { createServerFeed, type ServerFeed } from "./events/server-feed";
import type { LiveEventHub } from "./events/types";
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
  /**
   * The event feed of this client's directory. Every directory of one client (see
   * `forDirectory`) shares ONE `/global/event` connection, or one `/event` each on servers
   * without it; `events.transport` says which.
   */
  readonly events: LiveEventHub;
  /**
   * Subscribes to the session, waits for `server.connected` (at most `events.readyTimeoutMs`,
   * then a FeedNotReadyError), then posts `prompt_async` exactly once (never again on
   * reconnects). An error from the POST rejects and is never retried. With `onEvent` or
   * `onReconnect`, the subscription stays open until `handle.unsubscribe()`.
   */
  prompt(sessionId: string, input: PromptInput, options?: PromptWhenReadyOptions): Promise<PromptHandle>;
  /**
   * The client of another directory of the same server: REST calls carry its `?directory=`, its
   * events ride this client's connection (no new one), its caches are keyed by its directory.
   * The same object for the same directory.
   */
  forDirectory(directory: string): OpencodeClient;
  /** Closes the event feed of every directory of this client and all its timers, for good. */
  dispose(): void;
}

/** A failed REST exchange without any response: the network is gone, so the feed probably is too. */
function isNetworkFailure(event: RequestInstrumentation): boolean {
  return event.status === undefined && event.error === "ConnectionError";
}

function buildClient(resolved: ResolvedConfig, feed: ServerFeed, scopes: Map<string, OpencodeClient>): OpencodeClient {
  const events = feed.hub(resolved.directory);
  const userInstrument = resolved.instrument;
  const requester = createRequester({
    ...resolved,
    instrument(event) {
      // A request that failed on the network while the feed looked open: ready() must not be
      // trusted until the feed proved itself again (and the reply store re-syncs on reconnect).
      if (isNetworkFailure(event) && events.status === "open") events.markStale();
      userInstrument?.(event);
    },
  });
  const api = createApi(requester);
  return {
    ...api,
    info: { baseUrl: resolved.baseUrlString, directory: resolved.directory, workspace: resolved.workspace },
    events,
    async prompt(sessionId, input, options) {
      // Validate before subscribing: a bad model string or an empty prompt fails at once, without
      // opening the feed and waiting for server.connected first.
      toPromptBody(input);
      const readyTimeoutMs = options?.readyTimeoutMs ?? resolved.events.readyTimeoutMs;
      return promptWhenReady(events, sessionId, () => api.messages.sendAsync(sessionId, input), { ...options, readyTimeoutMs });
    },
    forDirectory(directory) {
      if (typeof directory !== "string" || directory.trim() === "") throw new TypeError("opencode-react: forDirectory needs a directory path");
      const key = directoryKey(directory);
      let scoped = scopes.get(key);
      if (scoped === undefined) {
        scoped = buildClient({ ...resolved, directory }, feed, scopes);
        scopes.set(key, scoped);
      }
      return scoped;
    },
    dispose: () => feed.dispose(),
  };
}

/**
 * Creates a client for one OpenCode server (and optionally one project directory).
 * @example
 * const client = createOpencodeClient({ baseUrl: "http://127.0.0.1:4096", password: "secret", directory: "/repo" });
 * const session = await client.sessions.create({ title: "Chat" });
 * const handle = await client.prompt(session.id, { text: "hello" }, { onEvent: (e) => console.log(e.type) });
 * const other = client.forDirectory("/other-repo"); // same connection, other directory
 */
export function createOpencodeClient(config: OpencodeClientConfig = {}): OpencodeClient {
  const resolved = resolveConfig(config);
  const scopes = new Map<string, OpencodeClient>();
  const client = buildClient(resolved, createServerFeed(resolved), scopes);
  if (resolved.directory !== undefined) scopes.set(directoryKey(resolved.directory), client);
  return client;
}
