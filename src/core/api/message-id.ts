import { BASE62, formatId, idTimeValue } from "../ids";

let lastMs = 0;
let counter = 0;

/**
 * A new ascending user-message id (`msg_...`) for routes that need one from the client (`init`).
 * @example newMessageId() // "msg_20f63d9a1001k3J9Qx0aZb1c2D"
 */
export function newMessageId(): string {
  const now = Date.now();
  counter = now === lastMs ? counter + 1 : 1;
  lastMs = now;
  const bytes = new Uint8Array(14);
  globalThis.crypto.getRandomValues(bytes);
  let suffix = "";
  for (const byte of bytes) suffix += BASE62[byte % 62];
  return formatId("msg", idTimeValue(now, counter), suffix);
}
