/**
 * A tiny in-memory client for reply store tests: only what the store uses. The feed routes with
 * the real listener registry and readiness latch (so session filtering and `ready()` behave as in
 * the hub), but its connection is driven by hand and it starts no timer, so `vi.getTimerCount()`
 * sees the store's timers only.
 */
import type { PermissionRequest, QuestionRequest, SessionStatus } from "@opencode-ai/sdk/v2";
import type { MessageListOptions, MessagePage, MessageWithParts, PromptInput } from "../../src/core/api";
import { createEmitter } from "../../src/core/events/emitter";
import { createListenerRegistry } from "../../src/core/events/listener-registry";
import { createReadiness } from "../../src/core/events/readiness";
import type { EventHub, FeedStatus, ReconnectInfo, WireEvent } from "../../src/core/events/types";
import type { ReplyStoreClient } from "../../src/core/reply";

/** The hand-driven feed. */
export interface FakeFeed extends EventHub {
  /** Delivers an event; a `server.connected` opens readiness (and counts as a reconnect after a drop). */
  push(event: WireEvent): void;
  /** Delivers `server.connected`. */
  connect(): void;
  /** The connection dropped: not ready, status "reconnecting". */
  drop(): void;
  /** Delivers a heartbeat. */
  heartbeat(): void;
  /** Errors reported through onError (listener exceptions). */
  readonly errors: Error[];
}

/** The fake client, with what the store did recorded. */
export interface FakeReplyClient extends ReplyStoreClient {
  readonly events: FakeFeed;
  /** Prompts posted (`messages.sendAsync`). */
  readonly posts: PromptInput[];
  /** Number of `messages.list` calls. */
  readonly listCalls: () => number;
  /** The paging of each `messages.list` call. */
  readonly listPaging: MessageListOptions[];
  /** Number of `sessions.abort` calls. */
  readonly aborts: () => number;
  /** What `messages.list` answers (or a function that throws / waits). */
  listAnswer: () => Promise<readonly unknown[]>;
  /** What `sendAsync` does (default: resolves). */
  postAnswer: () => Promise<void>;
  /** Session statuses; by default derived from the last `session.status` pushed per session. */
  statusAnswer: (() => Promise<Record<string, SessionStatus>>) | undefined;
  /** What `questions.list` answers (default: none pending). */
  questionsAnswer: () => Promise<readonly unknown[]>;
  /** What `permissions.list` answers (default: none pending). */
  permissionsAnswer: () => Promise<readonly unknown[]>;
}

function createFakeFeed(): FakeFeed {
  const registry = createListenerRegistry();
  const readiness = createReadiness();
  const errors = createEmitter<Error>();
  const reconnects = createEmitter<ReconnectInfo>();
  const statuses = createEmitter<FeedStatus>();
  const recorded: Error[] = [];
  errors.on((e) => recorded.push(e));
  let status: FeedStatus = "idle";
  let connections = 0;
  let connected = false;
  const setStatus = (next: FeedStatus): void => {
    if (next === status) return;
    status = next;
    statuses.emit(next);
  };
  const report = (error: unknown): void => errors.emit(error instanceof Error ? error : new Error(String(error)));
  const feed: FakeFeed = {
    subscribe: (listener, options) => registry.add(listener, options?.sessionId),
    ready: (options) => readiness.wait(options?.signal),
    onReconnect: (listener) => reconnects.on(listener),
    onError: (listener) => errors.on(listener),
    onStatus: (listener) => statuses.on(listener),
    get status() {
      return status;
    },
    get subscriberCount() {
      return registry.size;
    },
    errors: recorded,
    push(event) {
      if (event.type === "server.connected" && !connected) {
        connected = true;
        connections += 1;
        setStatus("open");
        readiness.open();
        if (connections > 1) reconnects.emit({ connection: connections }, report);
      }
      registry.dispatch(event, report);
    },
    connect: () => feed.push({ type: "server.connected", properties: {} }),
    drop() {
      connected = false;
      readiness.reset();
      setStatus("reconnecting");
    },
    heartbeat: () => feed.push({ type: "server.heartbeat", properties: {} }),
  };
  return feed;
}

/**
 * Creates the fake client. `messages` is what `messages.list` answers by default.
 * @example const client = createFakeReplyClient(capture.messages);
 */
export function createFakeReplyClient(messages: readonly unknown[] = []): FakeReplyClient {
  const events = createFakeFeed();
  const posts: PromptInput[] = [];
  const lastStatus = new Map<string, SessionStatus>();
  events.subscribe((event) => {
    const props = event.properties;
    const status = props.status as SessionStatus | undefined;
    if (event.type === "session.status" && typeof props.sessionID === "string" && typeof status?.type === "string") {
      lastStatus.set(props.sessionID, status);
    }
  });
  let lists = 0;
  const listPaging: MessageListOptions[] = [];
  let aborts = 0;
  const client: FakeReplyClient = {
    events,
    posts,
    listCalls: () => lists,
    listPaging,
    aborts: () => aborts,
    listAnswer: async () => messages,
    postAnswer: async () => undefined,
    statusAnswer: undefined,
    questionsAnswer: async () => [],
    permissionsAnswer: async () => [],
    // The store only reads the fields it checks; the rest of each request is the server's word.
    questions: { list: async () => (await client.questionsAnswer()) as QuestionRequest[] },
    permissions: { list: async () => (await client.permissionsAnswer()) as PermissionRequest[] },
    messages: {
      async list(_sessionId, paging = {}): Promise<MessagePage> {
        lists += 1;
        listPaging.push({ ...paging });
        const all = (await client.listAnswer()) as MessageWithParts[];
        // Like the server: the newest `limit` messages before the cursor (an index here), oldest first.
        const end = paging.before === undefined ? all.length : Number(paging.before);
        const start = paging.limit ? Math.max(0, end - paging.limit) : 0;
        return { items: all.slice(start, end), nextCursor: start > 0 ? String(start) : undefined };
      },
      async sendAsync(_sessionId, input) {
        posts.push(input);
        await client.postAnswer();
      },
    },
    sessions: {
      async abort() {
        aborts += 1;
        return true;
      },
      async status() {
        if (client.statusAnswer) return client.statusAnswer();
        // Like GET /session/status: busy and retrying sessions only.
        const busy: Record<string, SessionStatus> = {};
        for (const [id, status] of lastStatus) if (status.type !== "idle") busy[id] = status;
        return busy;
      },
    },
  };
  return client;
}

/** Lets pending promise callbacks (the POST, the final fetch) run; works under fake timers too. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
