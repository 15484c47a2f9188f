/** The `/event` streams of the fake server: one ReadableStream per connection. */

/** A feed event as the server writes it. */
export interface FakeEvent {
  type: string;
  properties?: Record<string, unknown>;
}

const encoder = new TextEncoder();

/** Open event streams of one directory. */
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

function frame(event: FakeEvent): Uint8Array {
  return encoder.encode(`data: ${JSON.stringify({ properties: {}, ...event })}\n\n`);
}
