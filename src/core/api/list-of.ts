/**
 * The value when it is an array, else `[]`: a list route that answers something else (an old
 * server, a proxy) gives an empty list rather than a crash in `.map`.
 * @example listOf<string>(["a"]) // ["a"]; listOf<string>(null) // []
 */
export function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
