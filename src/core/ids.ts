/**
 * OpenCode's `Identifier.ascending` id format, shared by the client-made ids of the React layer
 * and the fake server of `opencode-react/testing`: `<prefix>_` + 12 hex digits (the low 48 bits
 * of `ms * 0x1000 + counter`) + 14 base62 characters, e.g. `msg_20f63b9ec001O82SAH2TesletE`. Ids
 * sort by creation time, which the server relies on (a prompt must sort after every message).
 */

/** The 62 characters of an id's suffix. */
export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TIME_SPACE = 2 ** 48;
// ms * 0x1000 overflows 2^53 in 2039; taking ms modulo 2^36 first gives the same low 48 bits exactly.
const MS_SPACE = 2 ** 36;

/**
 * The 48-bit time value of an id made at `ms` with a per-millisecond `counter`, wrapped to 48 bits.
 * @example idTimeValue(Date.now(), 1)
 */
export function idTimeValue(ms: number, counter: number): number {
  return ((ms % MS_SPACE) * 0x1000 + counter) % TIME_SPACE;
}

/**
 * The next time value after `value`, wrapped to 48 bits.
 * @example nextIdTimeValue(parseIdTime("msg_20f63b9ec001O82SAH2TesletE", "msg") ?? 0)
 */
export function nextIdTimeValue(value: number): number {
  return (value + 1) % TIME_SPACE;
}

/**
 * Formats an id from its prefix, 48-bit time value and 14-character suffix.
 * @example formatId("msg", idTimeValue(Date.now(), 1), "O82SAH2TesletE")
 */
export function formatId(prefix: string, value: number, suffix: string): string {
  return `${prefix}_${value.toString(16).padStart(12, "0")}${suffix}`;
}

/**
 * The time value of an id of this prefix, or undefined when it is not one.
 * @example parseIdTime("msg_20f63b9ec001O82SAH2TesletE", "msg") // 0x20f63b9ec001
 */
export function parseIdTime(id: string, prefix: string): number | undefined {
  if (!id.startsWith(`${prefix}_`)) return undefined;
  const hex = id.slice(prefix.length + 1, prefix.length + 13);
  return /^[0-9a-f]{12}$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
}
