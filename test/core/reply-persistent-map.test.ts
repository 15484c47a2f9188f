import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PersistentMap } from "../../src/core/reply";
import { fnv, replaySets } from "../support/persistent-map-model";

/** A birthday search: two keys with one hash, found in a few 100k tries. */
function findCollision(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `k${i}`;
    const previous = seen.get(fnv(key));
    if (previous !== undefined) return [previous, key];
    seen.set(fnv(key), key);
  }
}

describe("PersistentMap (the parts table)", () => {
  test("behaves like a Map, and every old version stays as it was", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 300 }), (ops) => {
        for (const [version, snapshot] of replaySets(ops)) {
          expect(version.size).toBe(snapshot.size);
          for (const [key, value] of snapshot) expect(version.get(key)).toBe(value);
          expect(new Map(version.entries())).toEqual(snapshot);
        }
      }),
    );
  });

  test("a few keys set in turn (the last one is kept beside the trie): every version still reads right", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), (ops) => {
        for (const [version, snapshot] of replaySets(ops)) {
          expect([version.size, new Map(version.entries())]).toEqual([snapshot.size, snapshot]);
          for (const key of ["a", "b", "c"]) expect(version.get(key)).toBe(snapshot.get(key));
        }
      }),
    );
  });

  test("setting the value already there returns the same map", () => {
    const value = { a: 1 };
    const map = PersistentMap.empty<object>().set("k", value);
    expect(map.set("k", value)).toBe(map);
    expect(map.set("k", { a: 1 })).not.toBe(map);
  });

  test("keys whose 32-bit hashes collide are kept apart", () => {
    const [a, b] = findCollision();
    const map = PersistentMap.empty<string>().set(a, "A").set(b, "B").set("other", "O");
    expect([map.get(a), map.get(b), map.get("other"), map.size]).toEqual(["A", "B", "O", 3]);
    const updated = map.set(b, "B2");
    expect([updated.get(a), updated.get(b), updated.size, map.get(b)]).toEqual(["A", "B2", 3, "B"]);
    expect(updated.set(b, "B2")).toBe(updated);
  });

  test("20,000 keys (deep tries) are all found", () => {
    const entries = Array.from({ length: 20000 }, (_, i) => [`prt_${i.toString(36)}`, i] as const);
    const map = PersistentMap.from(entries);
    expect(map.size).toBe(20000);
    for (const [key, value] of entries) expect(map.get(key)).toBe(value);
    expect(map.get("absent")).toBeUndefined();
    expect(map.has("prt_0")).toBe(true);
  });
});
