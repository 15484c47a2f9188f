/**
 * The one "plain JSON object" guard of the core (the HTTP, API and feed decoders share it).
 */

/**
 * True for a non-null, non-array object: what a decoded JSON object is.
 * @example isRecord(JSON.parse('{"a":1}')) // true; isRecord([]) // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
