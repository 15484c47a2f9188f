/**
 * UTF-8 helpers of the SSE parser: chunk-by-chunk decoding and exact sizes.
 *
 * Why not `TextDecoder#decode(chunk, { stream: true })`: Node routes streaming calls through a
 * generic converter that is 2-5x slower than its one-shot UTF-8 path, and decoding is a large
 * share of the feed's cost. So chunks are decoded one-shot, and the 1-3 bytes of a character cut
 * by the chunk boundary are held back and put in front of the next chunk.
 */

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const BOM = 0xfeff;

/** How many trailing bytes of `bytes` start a UTF-8 character that the chunk does not finish. */
function incompleteTail(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: the lead byte is further back
    const need = byte >= 0xf8 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0; // three continuation bytes in a row: invalid anyway, the decoder replaces them
}

/**
 * Creates a decoder for one byte stream: each call returns the text of the characters completed
 * so far. A BOM is removed only at the very start of the stream (SSE-19); invalid bytes become
 * U+FFFD, as with `TextDecoder`.
 * @example
 * const decode = createUtf8Stream()
 * decode(new Uint8Array([0xc3])) + decode(new Uint8Array([0xa9])) // "é"
 */
export function createUtf8Stream(): (chunk: Uint8Array) => string {
  let carry: Uint8Array | undefined;
  let atStart = true;
  return (chunk) => {
    let bytes = chunk;
    if (carry !== undefined) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
      carry = undefined;
    }
    const hold = incompleteTail(bytes);
    if (hold > 0) {
      carry = bytes.slice(bytes.length - hold);
      bytes = bytes.subarray(0, bytes.length - hold);
    }
    const text = bytes.length === 0 ? "" : decoder.decode(bytes);
    if (!atStart || text.length === 0) return text;
    atStart = false;
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
  };
}

const NON_ASCII = /[\u0080-\uffff]/;
const encoder = new TextEncoder();

/**
 * UTF-8 bytes of `text` beyond one per UTF-16 code unit (0 for ASCII). Encodes the text, so the
 * parser runs it only on rare lines and on frames near the cap.
 * @example utf8Extra("é😀") // 3: 6 bytes for 3 code units
 */
export function utf8Extra(text: string): number {
  return NON_ASCII.test(text) ? encoder.encode(text).byteLength - text.length : 0;
}
