/** Test helpers: feed bytes through a fresh SSE parser and collect what comes out. */
import { createSseParser } from "../../src/core/events/sse-parser";

/** What one parser produced: frame data in order, and the sizes of dropped frames. */
export interface FeedResult {
  data: string[];
  oversize: number[];
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text` (no BOM added). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Cuts `bytes` at the given offsets (any order, duplicates and out-of-range ignored). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

/** Cuts `bytes` into chunks of `size` bytes (the last one shorter). */
export function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/** Runs the chunks through one fresh parser (one connection), then ends it. */
export function feed(chunks: readonly Uint8Array[], maxFrameBytes = 1024 * 1024): FeedResult {
  const result: FeedResult = { data: [], oversize: [] };
  const parser = createSseParser(
    { onData: (data) => result.data.push(data), onOversize: (size) => result.oversize.push(size) },
    { maxFrameBytes },
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return result;
}

/**
 * The part of a result that must not depend on chunking: the data, and how many frames were
 * dropped (a dropped frame's reported size is "how far it got", which depends on the chunks).
 */
export function chunkInvariant(result: FeedResult): { data: string[]; dropped: number } {
  return { data: result.data, dropped: result.oversize.length };
}

/** Parses `text` whole, then one byte per chunk, and fails unless both agree (see chunkInvariant). */
export function parseText(text: string | Uint8Array, maxFrameBytes?: number): FeedResult {
  const bytes = typeof text === "string" ? utf8(text) : text;
  const whole = feed([bytes], maxFrameBytes);
  const bytewise = feed(splitEvery(bytes, 1), maxFrameBytes);
  if (JSON.stringify(chunkInvariant(whole)) !== JSON.stringify(chunkInvariant(bytewise))) {
    throw new Error(`whole vs 1-byte chunks differ: ${JSON.stringify(whole)} vs ${JSON.stringify(bytewise)}`);
  }
  return whole;
}
