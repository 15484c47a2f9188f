// Placeholder: the SSE parser is being written (see the events helper). Contract below is fixed.
import type { ResolvedConfig } from "../config";

/** Receives what the parser finds in the byte stream. */
export interface SseParserHandlers {
  /** One complete frame's data (its `data:` lines joined with "\n"); never empty. */
  onData(data: string): void;
  /** A frame bigger than the cap was dropped; `size` is how far it got before being dropped. */
  onOversize(size: number): void;
}

/** Incremental SSE parser for one connection. */
export interface SseParser {
  /** Feeds the next chunk of bytes (any split, including inside a UTF-8 character or a CRLF). */
  push(chunk: Uint8Array): void;
  /** End of stream: an unterminated trailing frame is discarded. */
  end(): void;
}

/** Creates a parser for one connection. */
export declare function createSseParser(handlers: SseParserHandlers, options: Pick<ResolvedConfig["events"], "maxFrameBytes">): SseParser;
