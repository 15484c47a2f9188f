/**
 * Client-made ids the server accepts and echoes: the format of OpenCode's `Identifier.ascending`,
 * `<prefix>_` + 12 hex digits (the low 48 bits of `ms * 0x1000 + counter`) + 14 random base62
 * characters, e.g. `msg_20f63b9ec001O82SAH2TesletE`. Ids sort by creation time, which the server
 * relies on (a prompt's user message must sort after every existing message).
 */
import { BASE62, formatId, idTimeValue, nextIdTimeValue, parseIdTime } from "../../core/ids";

let lastMs = 0;
let counter = 0;

function randomBase62(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let text = "";
  for (const byte of bytes) text += BASE62[byte % 62];
  return text;
}

/**
 * A new ascending id. With `after`, the id also sorts after that one even when this machine's
 * clock is behind the server's (the server made `after`).
 * @example ascendingId("msg", newestMessageId(data)) // "msg_20f63d9a1001k3J9..."
 */
export function ascendingId(prefix: "msg" | "prt", after?: string): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    counter = 0;
  }
  counter += 1;
  let value = idTimeValue(now, counter);
  const floor = after === undefined ? undefined : parseIdTime(after, prefix);
  if (floor !== undefined && value <= floor) value = nextIdTimeValue(floor);
  return formatId(prefix, value, randomBase62(14));
}
