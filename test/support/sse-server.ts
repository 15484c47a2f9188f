/**
 * A controllable local SSE server for the feed tests: real HTTP on 127.0.0.1, real frames.
 * Each request to any path is recorded; the next planned response (or the default) decides
 * whether it is refused with a status or becomes an open event stream the test drives.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the server saw it. */
export interface RecordedRequest {
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  at: number;
}

/** How the server answers one request. */
export interface ResponsePlan {
  /** Status (default 200). Non-2xx answers end at once with `body`. */
  status?: number;
  body?: string;
  /** Content-Type of a 2xx (default text/event-stream; null sends none). */
  contentType?: string | null;
  /** Send `server.connected` as the first frame of a 2xx (default true). */
  connected?: boolean;
}

/** One open event stream. */
export interface StreamHandle {
  /** 1-based position among all requests. */
  readonly index: number;
  readonly request: RecordedRequest;
  /** Writes one `data: <json>\n\n` frame. */
  send(event: { type: string; properties?: Record<string, unknown> }): void;
  /** Writes raw bytes (partial frames, comments, junk). */
  write(raw: string | Uint8Array): void;
  /** Ends the response cleanly (a server close). */
  end(): void;
  /** Destroys the socket (a network drop). */
  drop(): void;
  /** Resolves when the stream is over, from either side (client abort, end, drop). */
  readonly closed: Promise<void>;
  readonly isClosed: boolean;
}

/** The running server. */
export interface SseTestServer {
  /** Base URL, e.g. http://127.0.0.1:54321 */
  readonly url: string;
  /** Every request so far, refused ones included. */
  readonly requests: readonly RecordedRequest[];
  /** Open streams, in arrival order. */
  readonly streams: readonly StreamHandle[];
  /** Queues plans for the next requests, one each. */
  plan(...plans: ResponsePlan[]): void;
  /** The plan used when the queue is empty. */
  setDefault(plan: ResponsePlan): void;
  /** Waits for the n-th stream (1-based, counting streams only). */
  stream(n: number, timeoutMs?: number): Promise<StreamHandle>;
  /** Waits until `requests.length >= n`. */
  waitForRequests(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Polls `check` until true; rejects after `timeoutMs` with `what` in the message. */
export async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function openStream(res: ServerResponse, socket: Socket, request: RecordedRequest, index: number, plan: ResponsePlan): StreamHandle {
  let isClosed = false;
  const closed = new Promise<void>((resolve) =>
    res.once("close", () => {
      isClosed = true;
      resolve();
    }),
  );
  const headers: Record<string, string> = { "cache-control": "no-cache" };
  const contentType = plan.contentType === undefined ? "text/event-stream" : plan.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  res.writeHead(plan.status ?? 200, headers);
  res.flushHeaders();
  const handle: StreamHandle = {
    index,
    request,
    send: (event) => handle.write(`data: ${JSON.stringify({ properties: {}, ...event })}\n\n`),
    write: (raw) => {
      if (!isClosed) res.write(raw);
    },
    end: () => res.end(),
    drop: () => socket.destroy(),
    closed,
    get isClosed() {
      return isClosed;
    },
  };
  if (plan.connected ?? true) handle.send({ type: "server.connected" });
  return handle;
}

/**
 * Starts the server on 127.0.0.1 with an ephemeral port.
 * @example const server = await startSseServer(); const stream = await server.stream(1); stream.send({ type: "x" })
 */
export async function startSseServer(): Promise<SseTestServer> {
  const requests: RecordedRequest[] = [];
  const streams: StreamHandle[] = [];
  const queue: ResponsePlan[] = [];
  let fallback: ResponsePlan = {};
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const request: RecordedRequest = { url: req.url ?? "", headers: req.headers, at: Date.now() };
    requests.push(request);
    const plan = queue.shift() ?? fallback;
    const status = plan.status ?? 200;
    if (status < 200 || status > 299) {
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(plan.body ?? "");
      return;
    }
    streams.push(openStream(res, req.socket, request, requests.length, plan));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    streams,
    plan: (...plans) => void queue.push(...plans),
    setDefault: (plan) => {
      fallback = plan;
    },
    async stream(n, timeoutMs) {
      await until(() => streams.length >= n, `stream #${n} (have ${streams.length})`, timeoutMs);
      return streams[n - 1] as StreamHandle;
    },
    waitForRequests: (n, timeoutMs) => until(() => requests.length >= n, `${n} requests (have ${requests.length})`, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
