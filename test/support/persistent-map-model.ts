/**
 * Shared pieces of the parts-table (PersistentMap) tests: the map's hash, and a model check that
 * replays a run of sets on the map and on a plain Map side by side.
 */
import { expect } from "vitest";
import { PersistentMap } from "../../src/core/reply";

/**
 * The same FNV-1a hash as the map, to build and check colliding keys.
 * @example fnv("k32728") === fnv("k261234") // true: the pair collides
 */
export function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Applies `ops` in turn, each `set` on the map and on a model Map. A set of the value already there
 * must return the very same map. Returns every version with the model's contents at that point.
 * @example for (const [version, snapshot] of replaySets([["a", 1]])) expect(version.get("a")).toBe(snapshot.get("a"));
 */
export function replaySets(ops: readonly (readonly [string, number])[]): [PersistentMap<number>, Map<string, number>][] {
  let map = PersistentMap.empty<number>();
  const model = new Map<string, number>();
  const versions: [PersistentMap<number>, Map<string, number>][] = [];
  for (const [key, value] of ops) {
    const next = map.set(key, value);
    // The same value again changes nothing: the very same map comes back.
    if (model.get(key) === value) expect(next).toBe(map);
    map = next;
    model.set(key, value);
    versions.push([map, new Map(model)]);
  }
  return versions;
}
