/**
 * The fake OpenCode 1.x server itself: a `fetch` implementation (no network) serving the routes
 * from in-memory state, one state per `?directory=`, plus the `/event` SSE feed. Tests and stories
 * normally use `createFakeOpencode`, which adds a client and scripted turns on top of this.
 */
import { FakeInstance } from "./fake-instance";
import { instanceRoute, json, type FakeRequest, type RouteOptions } from "./fake-routes";
import type { FakeEvent } from "./fake-feed";
import { readRequest } from "./read-request";

/**
 * A request the fake received, with the directory it was scoped to.
 * @example fake.requests().filter((r: RecordedFakeRequest) => r.directory === "/repo")
 */
export interface RecordedFakeRequest extends FakeRequest {
  /** The `?directory=` (or `x-opencode-directory` header) it was scoped to ("" for none). */
  directory: string;
  /** Its headers (a `Request`'s merged with `init.headers`, which win). */
  headers: Headers;
}

/**
 * A held route: matching requests wait until `release()`.
 * @example const gate = fake.server.hold("GET", "/event"); gate.release();
 */
export interface Gate {
  release(): void;
}

/**
 * Options of {@link createFakeServer}.
 * @example createFakeServer({ baseUrl: "http://other:4096" })
 */
export interface FakeServerOptions extends RouteOptions {
  /** Default http://fake.opencode:4096 (never contacted: requests are answered in memory). */
  baseUrl?: string;
  /** Called after an instance route answered (createFakeOpencode starts and aborts scripted turns here). */
  onRouted?: (request: RecordedFakeRequest, response: Response) => void;
}

/**
 * The fake server: its `fetch`, its state and knobs to make it misbehave.
 * @example
 * const server = createFakeServer();
 * const client = createOpencodeClient({ baseUrl: server.baseUrl, fetch: server.fetch });
 */
export interface FakeServer {
  readonly baseUrl: string;
  /** Pass as `createOpencodeClient({ fetch })`. */
  readonly fetch: typeof fetch;
  /** Every request so far (the SSE ones included), oldest first. */
  readonly requests: readonly RecordedFakeRequest[];
  /** The state of a directory ("" = the server's own). */
  instance(directory?: string): FakeInstance;
  /** Requests matching method and path (exact string or RegExp), any directory. */
  count(method: string, path: string | RegExp): number;
  /** The next matching request gets this response instead (one-shot; queue several for more). */
  failNext(method: string, path: string | RegExp, status: number, body?: unknown): void;
  /** Matching requests wait until the gate is released. */
  hold(method: string, path: string | RegExp): Gate;
  /** Pushes one event, as is, to the open `/event` streams of a directory. */
  emit(event: FakeEvent, directory?: string): void;
  /** Ends every open stream of a directory cleanly (the client reconnects). */
  closeStreams(directory?: string): void;
  /** Open `/event` streams of a directory. */
  openStreams(directory?: string): number;
  /** `/event` connections opened so far for a directory. */
  connects(directory?: string): number;
}

type Matcher = { method: string; path: string | RegExp };

function matches(matcher: Matcher, method: string, path: string): boolean {
  if (matcher.method !== method) return false;
  return typeof matcher.path === "string" ? matcher.path === path : matcher.path.test(path);
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Creates a fake server.
 * @example const server = createFakeServer({ baseUrl: "http://other:4096" })
 */
export function createFakeServer(options: FakeServerOptions = {}): FakeServer {
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
    const { url, method, headers, text, signal } = await readRequest(input, init);
    const directory = url.searchParams.get("directory") ?? headers.get("x-opencode-directory") ?? "";
    const request: RecordedFakeRequest = { method, path: url.pathname, query: url.searchParams, headers, body: parseBody(text), directory };
    requests.push(request);
    for (const gate of gates.filter((g) => matches(g, method, url.pathname))) await gate.opened;
    signal?.throwIfAborted();
    const failure = failures.findIndex((f) => matches(f, method, url.pathname));
    if (failure !== -1) {
      const [planned] = failures.splice(failure, 1);
      return json(planned?.status ?? 500, planned?.body ?? { name: "UnknownError", data: { message: "planned failure" } });
    }
    if (url.pathname === "/global/health") return json(200, { healthy: true, version: "1.18.33" });
    if (url.pathname === "/event") return instance(directory).feed.connect(signal);
    const response = instanceRoute(instance(directory), request, options);
    options.onRouted?.(request, response);
    return response;
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
          const index = gates.indexOf(gate);
          if (index !== -1) gates.splice(index, 1);
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
