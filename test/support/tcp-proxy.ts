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

/**
 * Frames the HTTP/1.1 requests of one client connection and reports each request line. Real
 * framing (Content-Length and chunked bodies are skipped), not a line scan: with keep-alive the
 * next request line follows a JSON body that has no trailing CRLF, on the same line.
 */
function requestFramer(onRequest: (line: string) => void): (chunk: Buffer) => void {
  let buffer: Buffer = Buffer.alloc(0);
  let state: "head" | "body" | "chunk-size" | "trailer" = "head";
  let bodyLeft = 0;
  let chunkedBody = false;
  const takeLine = (): string | undefined => {
    const end = buffer.indexOf("\r\n");
    if (end < 0) return undefined;
    const line = buffer.subarray(0, end).toString("latin1");
    buffer = buffer.subarray(end + 2);
    return line;
  };
  return (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (state === "body") {
        const skip = Math.min(bodyLeft, buffer.length);
        buffer = buffer.subarray(skip);
        bodyLeft -= skip;
        if (bodyLeft > 0) return;
        state = chunkedBody ? "chunk-size" : "head";
        continue;
      }
      if (state === "chunk-size" || state === "trailer") {
        const line = takeLine();
        if (line === undefined) return;
        if (state === "trailer") {
          if (line === "") {
            state = "head";
            chunkedBody = false;
          }
          continue;
        }
        // Size 0 ends the body (then trailers); a chunk's data is followed by CRLF, skipped with it.
        bodyLeft = Number.parseInt(line, 16) + 2;
        state = bodyLeft > 2 ? "body" : "trailer";
        continue;
      }
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const [first = "", ...headers] = buffer.subarray(0, end).toString("latin1").split("\r\n");
      buffer = buffer.subarray(end + 4);
      const match = REQUEST_LINE.exec(first);
      if (match) onRequest(`${match[1]} ${match[2]}`);
      const header = (name: string): string | undefined =>
        headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim().toLowerCase();
      chunkedBody = header("transfer-encoding")?.includes("chunked") ?? false;
      bodyLeft = chunkedBody ? 0 : Number(header("content-length") ?? 0);
      state = chunkedBody ? "chunk-size" : bodyLeft > 0 ? "body" : "head";
    }
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
    const scan = requestFramer((line) => lines.push(line));
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
