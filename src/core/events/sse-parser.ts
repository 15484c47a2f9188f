/**
 * Incremental parser for the `/event` SSE byte stream (behaviours.md SSE-04..SSE-22).
 *
 * Strategy: a UTF-8 stream decoder per connection (completes characters cut by chunk boundaries,
 * strips a BOM only at the start of the stream: SSE-19), then `indexOf`-based line scanning on the
 * decoded string, with a fast path for the usual `data: {...}\n\n` frame; per-character work
 * stays in native code. A line cut by chunk boundaries is kept as pieces and joined once, so a huge
 * frame arriving in many chunks stays linear.
 *
 * Frame cap: a frame's size is its lines with their line ends, without the blank line that ends it
 * (so it does not depend on where a chunk splits a CRLF). While a frame grows it is counted in
 * UTF-16 code units, a lower bound of its UTF-8 size: past `maxFrameBytes` units it is dropped at
 * once and the rest is skipped up to its blank line. The exact UTF-8 size is computed only for a
 * complete frame that might be over the cap. So no frame over `maxFrameBytes` UTF-8 bytes is ever
 * delivered, and a connection holds at most about `maxFrameBytes` code units of pending frame.
 */
import type { ResolvedConfig } from "../config";
import { createUtf8Stream, utf8Extra } from "./utf8-stream";

/**
 * Receives what the parser finds in the byte stream.
 * @example
 * const handlers: SseParserHandlers = { onData: (data) => console.log(JSON.parse(data)), onOversize: (size) => console.warn("dropped", size) };
 * const parser = createSseParser(handlers, { maxFrameBytes: 1024 * 1024 });
 */
export interface SseParserHandlers {
  /** One complete frame's data (its `data:` lines joined with "\n"); never empty. */
  onData(data: string): void;
  /** A frame bigger than the cap was dropped; `size` is how far it got before being dropped. */
  onOversize(size: number): void;
}

/**
 * Incremental SSE parser for one connection.
 * @example
 * parser.push(new TextEncoder().encode('data: {"type":"server.connected","properties":{}}\n\n'));
 * parser.end();
 */
export interface SseParser {
  /** Feeds the next chunk of bytes (any split, including inside a UTF-8 character or a CRLF). */
  push(chunk: Uint8Array): void;
  /** End of stream: an unterminated trailing frame is discarded. */
  end(): void;
}

const LF = 10;
const COLON = 58;
const SPACE = 32;
const LOWER_D = 100;

/**
 * `text.startsWith("data: ", pos)`, by character codes: this runs once per frame, and the
 * generic builtin (which checks and converts its arguments) costs several times more here.
 */
function isDataSpace(text: string, pos: number): boolean {
  return (
    text.charCodeAt(pos) === LOWER_D &&
    text.charCodeAt(pos + 1) === 97 && // a
    text.charCodeAt(pos + 2) === 116 && // t
    text.charCodeAt(pos + 3) === 97 && // a
    text.charCodeAt(pos + 4) === COLON &&
    text.charCodeAt(pos + 5) === SPACE
  );
}

/**
 * Creates a parser for one connection (create a fresh one per connection: the BOM rule and the
 * discarded trailing frame depend on it). Handlers run synchronously inside `push`; calling `end()`
 * from a handler stops the rest of the chunk from being parsed (used to stop at a terminal event,
 * SSE-21). `push` after `end` is ignored. Invalid UTF-8 decodes to U+FFFD.
 * @example
 * const parser = createSseParser(
 *   { onData: (data) => console.log(JSON.parse(data)), onOversize: (size) => console.warn("dropped", size) },
 *   { maxFrameBytes: 1024 * 1024 },
 * )
 * parser.push(new TextEncoder().encode('data: {"type":"server.connected","properties":{}}\n\n'))
 */
export function createSseParser(handlers: SseParserHandlers, options: Pick<ResolvedConfig["events"], "maxFrameBytes">): SseParser {
  const max = options.maxFrameBytes;
  const decode = createUtf8Stream();
  /** Pieces of the line cut by the last chunk boundary (empty while skipping). */
  let pieces: string[] = [];
  let pieceChars = 0;
  /** A line was cut by the last chunk boundary (so a terminator next does not make a blank line). */
  let partial = false;
  /** The last chunk ended in CR: a leading LF of the next one is the second half of a CRLF (SSE-10). */
  let skipLF = false;
  /** Inside an oversize frame: ignore everything up to its blank line. */
  let skipping = false;
  let data: string | undefined;
  let frameChars = 0;
  /** Exact extra UTF-8 bytes of the frame's ignored lines (comments, other fields). */
  let ignoredExtra = 0;
  let ended = false;

  function oversize(size: number): void {
    data = undefined;
    frameChars = 0;
    ignoredExtra = 0;
    skipping = true;
    handlers.onOversize(size);
  }

  function dispatch(): void {
    const value = data;
    const size = frameChars + ignoredExtra;
    data = undefined;
    frameChars = 0;
    ignoredExtra = 0;
    if (value === undefined || value === "") return; // SSE-16
    if (size + 2 * value.length > max) {
      const bytes = size + utf8Extra(value);
      if (bytes > max) return handlers.onOversize(bytes);
    }
    handlers.onData(value);
  }

  /** One complete, non-skipped line `text[start, end)` followed by a terminator of `termLength`. */
  function line(text: string, start: number, end: number, termLength: number): void {
    if (start === end) return dispatch();
    frameChars += end - start + termLength;
    if (frameChars > max) return oversize(frameChars);
    // SSE-15: only "data" exactly, at the line start, case-sensitive; SSE-12: other fields ignored.
    if (text.charCodeAt(start) === LOWER_D && text.startsWith("data", start)) {
      let from = start + 4;
      if (from === end || text.charCodeAt(from) === COLON) {
        if (from < end) from++;
        if (from < end && text.charCodeAt(from) === SPACE) from++; // SSE-14: one space only
        const value = text.slice(from, end);
        data = data === undefined ? value : `${data}\n${value}`; // SSE-13
        return;
      }
    }
    ignoredExtra += utf8Extra(text.slice(start, end));
  }

  function keepTail(text: string, from: number): void {
    partial = true;
    if (skipping) return;
    const piece = from === 0 ? text : text.slice(from);
    pieceChars += piece.length;
    if (frameChars + pieceChars > max) {
      const size = frameChars + pieceChars;
      pieces = [];
      pieceChars = 0;
      return oversize(size);
    }
    pieces.push(piece);
  }

  function push(chunk: Uint8Array): void {
    if (ended) return;
    const text = decode(chunk);
    const length = text.length;
    if (length === 0) return;
    let pos = 0;
    if (skipLF) {
      skipLF = false;
      if (text.charCodeAt(0) === LF) {
        pos = 1;
        // The CR ended a content line that was counted as one unit; its LF belongs to the frame.
        if (!skipping && frameChars > 0 && ++frameChars > max) oversize(frameChars);
      }
    }
    // Cached next positions of each terminator: every character is searched at most twice.
    let nextLF = text.indexOf("\n", pos);
    let nextCR = text.indexOf("\r", pos);
    while (pos < length) {
      if (nextLF !== -1 && nextLF < pos) nextLF = text.indexOf("\n", pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf("\r", pos);
      // Fast path for what the server always sends: a whole `data: {...}\n\n` frame in the chunk.
      if (
        nextLF !== -1 &&
        frameChars === 0 &&
        !partial &&
        !skipping &&
        (nextCR === -1 || nextCR > nextLF) &&
        text.charCodeAt(nextLF + 1) === LF &&
        isDataSpace(text, pos) &&
        (nextLF + 1 - pos) * 3 <= max
      ) {
        const start = pos + 6;
        pos = nextLF + 2;
        if (start < nextLF) handlers.onData(text.slice(start, nextLF));
        if (ended) return;
        continue;
      }
      let end: number;
      let next: number;
      if (nextCR === -1 || (nextLF !== -1 && nextLF < nextCR)) {
        if (nextLF === -1) break;
        end = nextLF;
        next = end + 1;
      } else {
        end = nextCR;
        next = end + 1;
        if (next === length) skipLF = true;
        else if (text.charCodeAt(next) === LF) next++;
      }
      if (!partial) {
        if (!skipping) line(text, pos, end, next - end);
        else if (pos === end) skipping = false;
      } else {
        partial = false;
        if (!skipping) {
          pieces.push(text.slice(pos, end));
          const whole = pieces.join("");
          pieces = [];
          pieceChars = 0;
          line(whole, 0, whole.length, next - end);
        }
      }
      pos = next;
      if (ended) return;
    }
    if (pos < length) keepTail(text, pos);
  }

  function end(): void {
    if (ended) return;
    ended = true;
    pieces = [];
    data = undefined;
  }

  return { push, end };
}
