/** One hub against one local SSE server, with everything the hub reports recorded. */
import { resolveConfig, type EventFeedOptions, type ResolvedConfig } from "../../src/core/config";
import { createEventHub, type EventHubOptions } from "../../src/core/events/hub";
import type { FeedStatus, LiveEventHub, ReconnectInfo, SubscribeOptions, WireEvent } from "../../src/core/events/types";
import { startSseServer, type SseTestServer } from "./sse-server";

/** Short delays so reconnect tests take milliseconds; liveness far away unless a test wants it. */
export const FAST_EVENTS: Required<EventFeedOptions> = {
  maxFrameBytes: 64 * 1024,
  livenessTimeoutMs: 5_000,
  backoffInitialMs: 10,
  backoffMaxMs: 40,
  // The SSE test server sends plain /event frames; the /global/event suite sets "auto" itself.
  transport: "directory",
  readyTimeoutMs: 30_000,
};
export const PASSWORD = "s3cret-pw";
export const DIRECTORY = "/tmp/proj dir";

/** A recorded subscription. */
export interface Recorder {
  events: WireEvent[];
  types(): string[];
  off(): void;
}

export interface FeedFixture {
  server: SseTestServer;
  config: ResolvedConfig;
  hub: LiveEventHub;
  errors: Error[];
  statuses: FeedStatus[];
  reconnects: ReconnectInfo[];
  /** Subscribes a recording listener. */
  record(options?: SubscribeOptions): Recorder;
}

export interface FixtureOptions {
  events?: EventFeedOptions;
  hub?: EventHubOptions;
  password?: string;
}

const live: Array<{ server: SseTestServer; offs: Array<() => void> }> = [];

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a server and a hub on it (not yet subscribed, so not yet connected). */
export async function createFeedFixture(options: FixtureOptions = {}): Promise<FeedFixture> {
  const server = await startSseServer();
  const config = resolveConfig({
    baseUrl: server.url,
    password: options.password ?? PASSWORD,
    directory: DIRECTORY,
    events: { ...FAST_EVENTS, ...options.events },
  });
  const hub = createEventHub(config, options.hub);
  const errors: Error[] = [];
  const statuses: FeedStatus[] = [];
  const reconnects: ReconnectInfo[] = [];
  hub.onError((error) => errors.push(error));
  hub.onStatus((status) => statuses.push(status));
  hub.onReconnect((info) => reconnects.push(info));
  const offs: Array<() => void> = [];
  // Track EVERY subscription (direct ones and promptWhenReady's too), so disposeFeedFixtures can
  // close the hub: a hub left open keeps reconnecting after the test, and under jsdom its retry
  // timer then fires after the environment is torn down ("document is not defined").
  const subscribe = hub.subscribe.bind(hub);
  hub.subscribe = (listener, subscribeOptions) => {
    const off = subscribe(listener, subscribeOptions);
    offs.push(off);
    return off;
  };
  const fixture: FeedFixture = {
    server,
    config,
    hub,
    errors,
    statuses,
    reconnects,
    record(subscribeOptions) {
      const events: WireEvent[] = [];
      const off = hub.subscribe((event) => events.push(event), subscribeOptions);
      return { events, types: () => events.map((event) => event.type), off };
    },
  };
  live.push({ server, offs });
  return fixture;
}

/** Unsubscribes everything, lets the hub close, then stops the server (call from afterEach). */
export async function disposeFeedFixtures(): Promise<void> {
  for (const { server, offs } of live.splice(0)) {
    for (const off of offs) off();
    await sleep(5); // the hub closes on a 0 ms timer; stop the server only after that
    await server.close();
  }
}
