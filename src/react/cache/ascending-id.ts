/**
 * Client-made ids the server accepts and echoes: the format of OpenCode's `Identifier.ascending`,
 * `<prefix>_` + 12 hex digits (the low 48 bits of `ms * 0x1000 + counter`) + 14 random base62
 * characters, e.g. `msg_20f63b9ec001O82SAH2TesletE`. Ids sort by creation time, which the server
 * relies on (a prompt's user message must sort after every existing message).
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TIME_SPACE = 2 ** 48;
// ms * 0x1000 overflows 2^53 in 2039; taking ms modulo 2^36 first gives the same low 48 bits exactly.
const MS_SPACE = 2 ** 36;

let lastMs = 0;
let counter = 0;

function randomBase62(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let text = "";
  for (const byte of bytes) text += BASE62[byte % 62];
  return text;
}

/** The 48-bit time value of an id of this prefix, or undefined when it is not one. */
function timeValue(id: string, prefix: string): number | undefined {
  if (!id.startsWith(`${prefix}_`)) return undefined;
  const hex = id.slice(prefix.length + 1, prefix.length + 13);
  return /^[0-9a-f]{12}$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
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
  let value = ((now % MS_SPACE) * 0x1000 + counter) % TIME_SPACE;
  const floor = after === undefined ? undefined : timeValue(after, prefix);
  if (floor !== undefined && value <= floor) value = (floor + 1) % TIME_SPACE;
  return `${prefix}_${value.toString(16).padStart(12, "0")}${randomBase62(14)}`;
}
