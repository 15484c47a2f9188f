/**
 * The `/event` streams of one directory of the fake server: one ReadableStream per connection,
 * framed exactly as `opencode serve` frames them (`data: <json>\n\n`, no event names), so the
 * client's real SSE parser and feed run unchanged. Only web APIs (ReadableStream, TextEncoder,
 * Response): it runs in a browser as well as in Node.
 */

/**
 * A feed event as the server writes it: `{ type, properties }`.
 * @example const event: FakeEvent = { type: "session.status", properties: { sessionID, status: { type: "busy" } } };
 */
export interface FakeEvent {
  type: string;
  properties?: Record<string, unknown>;
  /** The server's event id (`evt_…`); optional, the hooks do not need it. */
  id?: string;
}

const encoder = new TextEncoder();

function frame(event: FakeEvent): Uint8Array {
  return encoder.encode(`data: ${JSON.stringify({ properties: {}, ...event })}\n\n`);
}

/**
 * The open event streams of one directory.
 * @example
 * const feed = new FakeFeed();
 * const response = feed.connect(signal); // starts with server.connected
 * feed.emit({ type: "session.idle", properties: { sessionID } });
 */
export class FakeFeed {
  private readonly streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  /** Connections opened so far. */
  connects = 0;

  /** How many streams are open now. */
  get open(): number {
    return this.streams.size;
  }

  /** A new stream that starts with `server.connected` and ends when the request is aborted. */
  connect(signal: AbortSignal | null | undefined): Response {
    this.connects += 1;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        this.streams.add(c);
        c.enqueue(frame({ type: "server.connected", properties: {} }));
      },
      cancel: () => {
        this.streams.delete(controller);
      },
    });
    signal?.addEventListener(
      "abort",
      () => {
        if (!this.streams.delete(controller)) return;
        controller.error(new DOMException("The operation was aborted.", "AbortError"));
      },
      { once: true },
    );
    return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
  }

  /** Writes one event to every open stream. */
  emit(event: FakeEvent): void {
    const bytes = frame(event);
    for (const controller of this.streams) controller.enqueue(bytes);
  }

  /** Ends every open stream cleanly, like a server restart: clients reconnect. */
  closeAll(): void {
    for (const controller of [...this.streams]) {
      this.streams.delete(controller);
      controller.close();
    }
  }
}
