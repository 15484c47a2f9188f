/**
 * A fake OpenCode 1.x server in process: a `fetch` implementation (no network) serving the
 * routes the hooks use from in-memory state, one state per `?directory=`, plus the `/event` SSE
 * feed (starts with `server.connected`; tests push events and close streams). Writes emit the
 * events the real server emits (session.created/updated/deleted, message.updated, ...).
 * @example
 * const fake = createFakeOpencode();
 * const client = createOpencodeClient({ baseUrl: fake.baseUrl, fetch: fake.fetch });
 * fake.emit({ type: "session.updated", properties: { sessionID, info } });
 */
import { fakeSession } from "./fake-opencode-data";
import { FakeInstance } from "./fake-opencode-instance";
import { instanceRoute, json, type FakeRequest } from "./fake-opencode-routes";
import type { FakeEvent } from "./fake-opencode-sse";

export type { FakeEvent } from "./fake-opencode-sse";
export { FakeInstance } from "./fake-opencode-instance";

/** A request the fake received. */
export interface RecordedFakeRequest extends FakeRequest {
  /** The `?directory=` it was scoped to ("" for none). */
  directory: string;
}

type Matcher = { method: string; path: string | RegExp };

function matches(matcher: Matcher, method: string, path: string): boolean {
  if (matcher.method !== method) return false;
  return typeof matcher.path === "string" ? matcher.path === path : matcher.path.test(path);
}

/** A held route: matching requests wait until `release()`. */
export interface Gate {
  release(): void;
}

/** The fake server. */
export interface FakeOpencode {
  readonly baseUrl: string;
  /** Pass as `createOpencodeClient({ fetch })`. */
  readonly fetch: typeof fetch;
  /** Every request so far (the SSE ones included). */
  readonly requests: RecordedFakeRequest[];
  /** The state of a directory ("" = the server's own). */
  instance(directory?: string): FakeInstance;
  /** Requests matching method and path (exact string or RegExp), any directory. */
  count(method: string, path: string | RegExp): number;
  /** The next matching request gets this response instead (one-shot; queue several for more). */
  failNext(method: string, path: string | RegExp, status: number, body?: unknown): void;
  /** Matching requests wait until the gate is released. */
  hold(method: string, path: string | RegExp): Gate;
  /** Pushes one event to the open `/event` streams of a directory. */
  emit(event: FakeEvent, directory?: string): void;
  /** Ends every open stream of a directory cleanly (the client reconnects). */
  closeStreams(directory?: string): void;
  /** Open `/event` streams of a directory. */
  openStreams(directory?: string): number;
  /** `/event` connections opened so far for a directory. */
  connects(directory?: string): number;
}

/**
 * Creates a fake server at `baseUrl` (default http://fake.opencode:4096).
 * @example const fake = createFakeOpencode({ baseUrl: "http://other:4096" })
 */
export function createFakeOpencode(options: { baseUrl?: string } = {}): FakeOpencode {
  const baseUrl = options.baseUrl ?? "http://fake.opencode:4096";
  const instances = new Map<string, FakeInstance>();
  const requests: RecordedFakeRequest[] = [];
  const failures: Array<Matcher & { status: number; body: unknown }> = [];
  const gates: Array<Matcher & { opened: Promise<void> }> = [];

  const instance = (directory = ""): FakeInstance => {
    let found = instances.get(directory);
    if (found === undefined) {
      found = new FakeInstance();
      instances.set(directory, found);
    }
    return found;
  };

  async function handle(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? "GET").toUpperCase();
    const text = typeof init.body === "string" ? init.body : undefined;
    const directory = url.searchParams.get("directory") ?? "";
    const request: RecordedFakeRequest = { method, path: url.pathname, query: url.searchParams, body: text === undefined ? undefined : JSON.parse(text), directory };
    requests.push(request);
    for (const gate of gates.filter((g) => matches(g, method, url.pathname))) await gate.opened;
    init.signal?.throwIfAborted();
    const failure = failures.findIndex((f) => matches(f, method, url.pathname));
    if (failure !== -1) {
      const [planned] = failures.splice(failure, 1);
      return json(planned?.status ?? 500, planned?.body ?? { name: "UnknownError", data: { message: "planned failure" } });
    }
    if (url.pathname === "/global/health") return json(200, { healthy: true, version: "1.18.33" });
    if (url.pathname === "/event") return instance(directory).feed.connect(init.signal);
    return instanceRoute(instance(directory), request);
  }

  return {
    baseUrl,
    fetch: (input, init) => handle(input, init),
    requests,
    instance,
    count: (method, path) => requests.filter((r) => matches({ method, path }, r.method, r.path)).length,
    failNext(method, path, status, body) {
      failures.push({ method, path, status, body });
    },
    hold(method, path) {
      let release!: () => void;
      const opened = new Promise<void>((resolve) => (release = resolve));
      const gate = { method, path, opened };
      gates.push(gate);
      return {
        release() {
          gates.splice(gates.indexOf(gate), 1);
          release();
        },
      };
    },
    emit: (event, directory) => instance(directory).feed.emit(event),
    closeStreams: (directory) => instance(directory).feed.closeAll(),
    openStreams: (directory) => instance(directory).feed.open,
    connects: (directory) => instance(directory).feed.connects,
  };
}

export { fakeSession };
