/**
 * Server-side ids in OpenCode's `Identifier.ascending` shape (`msg_20f63b9ec001O82SAH2TesletE`):
 * the prefix, 12 hex digits of `ms * 0x1000 + counter`, 14 base62 characters. The fake makes its
 * ids this way because the hooks (and the server they stand in for) sort messages by id: a reply
 * must sort after its prompt, and after any id the client made itself a moment earlier.
 */

import { BASE62, formatId, idTimeValue, nextIdTimeValue } from "../core/ids";

let lastValue = 0;
let serial = 0;

/** Deterministic filler (no crypto needed): ids only have to be unique, not unguessable. */
function filler(n: number): string {
  let text = "";
  let rest = n;
  for (let i = 0; i < 14; i += 1) {
    text = BASE62[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text;
}

/**
 * A new id that sorts after every id this module made before (even within one millisecond).
 * @param prefix "msg", "prt", "per", "que", "ses", "call"…
 * @example fakeId("msg") // "msg_20f63b9ec80000000000000001" (12 hex digits of time, 14 base62 characters)
 */
export function fakeId(prefix: string): string {
  // + 0x800: above the per-millisecond counter of ids a client made in the same millisecond.
  const value = Math.max(idTimeValue(Date.now(), 0x800), nextIdTimeValue(lastValue));
  lastValue = value;
  serial += 1;
  return formatId(prefix, value, filler(serial));
}
