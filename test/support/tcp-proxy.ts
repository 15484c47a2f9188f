/**
 * A loopback TCP proxy for e2e tests: the client talks to the proxy, the proxy to the real server.
 * Lets a test cut the network under a live connection (`dropAll()` destroys both sockets, as a
 * Wi-Fi drop or a killed proxy would) and count what went through: connections and HTTP request
 * lines ("POST /session/ses_1/prompt_async?directory=..."). It never reads or changes bodies.
 */
import net from "node:net";

/** A running proxy; `close()` when done (idempotent). */
export interface TcpProxy {
  /** e.g. http://127.0.0.1:41234: use it as the client's baseUrl. */
  readonly url: string;
  readonly port: number;
  /** Client connections accepted so far. */
  readonly connections: number;
  /** Client connections open right now. */
  readonly liveConnections: number;
  /** Every HTTP request line seen from clients, in order ("GET /event?directory=... HTTP/1.1" minus the version). */
  requestLines(): string[];
  /** How many request lines match (method + path + query, e.g. /^POST \/session\/[^/]+\/prompt_async/). */
  countRequests(pattern: RegExp): number;
  /** Destroys every live connection on both sides at once; the proxy keeps accepting new ones. */
  dropAll(): number;
  /** Stops accepting, destroys live connections. */
  close(): Promise<void>;
}

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP\/1\.[01]$/;
/** A body line longer than this is not a request line: keep only its tail so memory stays flat. */
const MAX_PENDING = 64 * 1024;

/**
 * Collects request lines from one client connection's bytes. Request lines are the only lines of
 * the form "METHOD /path HTTP/1.x"; JSON bodies from fetch are one line without CRLF, so a line
 * scan is enough (no need to frame bodies). Latin-1 keeps one char per byte across chunk splits.
 */
function lineScanner(onLine: (line: string) => void): (chunk: Buffer) => void {
  let pending = "";
  return (chunk) => {
    pending += chunk.toString("latin1");
    let end = pending.indexOf("\r\n");
    while (end >= 0) {
      const match = REQUEST_LINE.exec(pending.slice(0, end));
      if (match) onLine(`${match[1]} ${match[2]}`);
      pending = pending.slice(end + 2);
      end = pending.indexOf("\r\n");
    }
    if (pending.length > MAX_PENDING) pending = pending.slice(-256);
  };
}

/**
 * Starts a proxy on 127.0.0.1:<free port> forwarding to `target` (a base URL like the server's).
 * @example
 * const proxy = await startTcpProxy(server.baseUrl);
 * const client = createOpencodeClient({ baseUrl: proxy.url });
 * proxy.dropAll(); // the client's /event connection dies mid-turn
 */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port: targetPort } = new URL(target);
  const live = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const lines: string[] = [];
  let connections = 0;

  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect({ host: hostname, port: Number(targetPort) });
    const pair = { client, upstream };
    live.add(pair);
    const scan = lineScanner((line) => lines.push(line));
    // Manual forwarding (not pipe) so every client byte passes the scanner before it goes upstream.
    client.on("data", (chunk: Buffer) => {
      scan(chunk);
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on("drain", () => client.resume());
    upstream.pipe(client);
    const teardown = (): void => {
      live.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // Either side closing or failing ends the pair: a half-open proxy would hide drops.
    for (const socket of [client, upstream]) {
      socket.on("error", teardown);
      socket.on("close", teardown);
    }
    client.on("end", () => upstream.end());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("tcp-proxy: no TCP address");
  const port = address.port;

  const dropAll = (): number => {
    const pairs = [...live];
    live.clear();
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    return pairs.length;
  };

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    get liveConnections() {
      return live.size;
    },
    requestLines: () => [...lines],
    countRequests: (pattern) => lines.filter((line) => pattern.test(line)).length,
    dropAll,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropAll();
      });
      return closing;
    },
  };
}
