/**
 * Shallow copy of `object` without the keys whose value is `undefined`. Everything else is kept
 * on purpose: `false`, `0`, `""`, `[]` and `null` all carry meaning in OpenCode bodies (EP-03:
 * `permission: []`; EP-05: `noReply: false`, `tools: { bash: false }`; EP-09: `permission: null`).
 * Key order is preserved, so bodies serialise in the order the caller built them.
 * @example compact({ title: "t", agent: undefined, permission: [] }) // { title: "t", permission: [] }
 */
export function compact<T extends object>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) result[key] = value;
  }
  return result as { [K in keyof T]: Exclude<T[K], undefined> };
}
