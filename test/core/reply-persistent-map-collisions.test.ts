// The parts table (reducer/persistent-map.ts) where its tries get interesting, kept fast enough
// for mutation testing (reply-persistent-map.test.ts searches its collision and walks 20,000 keys,
// 2.5 s per run): a chain of three keys with one 32-bit hash, grown, updated and read through every
// version; keys that share a hash's first fragments; a small model check of set/get/entries.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PersistentMap } from "../../src/core/reply";
import { fnv, replaySets } from "../support/persistent-map-model";


// Found once by a birthday search (k0, k1, ... until three keys share a hash).
const TRIPLE = ["k2244691", "k7085677", "k11150750"] as const;
const PAIRS = [["k32728", "k261234"], ["k32729", "k261235"]] as const;

/** Every entry of a map, as a plain Map (order aside). */
const contents = <V,>(map: PersistentMap<V>): Map<string, V> => new Map(map.entries());

describe("PersistentMap: hash collisions and shared fragments", () => {
  test("the empty map has no entries and no keys", () => {
    const empty = PersistentMap.empty<string>();
    expect([...empty.entries()]).toEqual([]);
    expect([empty.size, empty.get(""), empty.has("x")]).toEqual([0, undefined, false]);
  });

  test("the keys below collide (the test data is what it claims)", () => {
    expect(new Set(TRIPLE.map(fnv)).size).toBe(1);
    for (const [a, b] of PAIRS) expect(fnv(a)).toBe(fnv(b));
  });

  test("three keys with one hash: each set kept apart, updated in place, every older version intact", () => {
    const [a, b, c] = TRIPLE;
    const v1 = PersistentMap.empty<string>().set(a, "A").set("x", "X");
    const v2 = v1.set(b, "B").set("y", "Y");
    const v3 = v2.set(c, "C").set("z", "Z");
    const v4 = v3.set(b, "B2").set("x", "X2");
    const v5 = v4.set(a, "A2").set("y", "Y2");
    expect(contents(v1)).toEqual(new Map([[a, "A"], ["x", "X"]]));
    expect(contents(v2)).toEqual(new Map([[a, "A"], [b, "B"], ["x", "X"], ["y", "Y"]]));
    expect(contents(v3)).toEqual(new Map([[a, "A"], [b, "B"], [c, "C"], ["x", "X"], ["y", "Y"], ["z", "Z"]]));
    expect(contents(v5)).toEqual(new Map([[a, "A2"], [b, "B2"], [c, "C"], ["x", "X2"], ["y", "Y2"], ["z", "Z"]]));
    expect([v1.size, v2.size, v3.size, v4.size, v5.size]).toEqual([2, 4, 6, 6, 6]);
    expect(TRIPLE.map((key) => v5.has(key))).toEqual([true, true, true]);
    expect([v5.get(a), v5.get(b), v5.get(c), v2.get(c), v2.has(c)]).toEqual(["A2", "B2", "C", undefined, false]);
    // The value already in a chain: the same map back, whether the key is hot or in the trie.
    const settled = v5.set("w", "W");
    expect(settled.set(b, "B2")).toBe(settled);
    expect(settled.set(c, "C")).toBe(settled);
    expect(settled.set(a, "A3").get(a)).toBe("A3");
  });

  test("two colliding pairs beside each other and beside keys of other hashes", () => {
    let map = PersistentMap.empty<number>();
    const keys = [...PAIRS.flat(), ...Array.from({ length: 200 }, (_, i) => `prt_${i}`)];
    keys.forEach((key, i) => {
      map = map.set(key, i);
    });
    expect(map.size).toBe(keys.length);
    keys.forEach((key, i) => expect(map.get(key)).toBe(i));
    expect(contents(map)).toEqual(new Map(keys.map((key, i) => [key, i])));
    expect(map.get("prt_absent")).toBeUndefined();
    expect(map.get(`${PAIRS[0][0]}x`)).toBeUndefined();
  });

  test("2,000 keys (three trie levels) are all found, and 2,000 more versions share the old ones", () => {
    const entries = Array.from({ length: 2000 }, (_, i) => [`prt_${i.toString(36)}`, i] as const);
    const map = PersistentMap.from(entries);
    expect(map.size).toBe(2000);
    for (const [key, value] of entries) expect(map.get(key)).toBe(value);
    const doubled = PersistentMap.from(entries.map(([key, value]) => [key, value * 2] as const));
    let rewritten = map;
    for (const [key, value] of entries) rewritten = rewritten.set(key, value * 2);
    expect(contents(rewritten)).toEqual(contents(doubled));
    for (const [key, value] of entries) expect(map.get(key)).toBe(value);
  });

  test("a model check: any run of sets reads like a Map in every version", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", ...TRIPLE, ...PAIRS[0]), fc.integer({ min: 0, max: 2 })), { maxLength: 40 }), (ops) => {
        for (const [version, snapshot] of replaySets(ops)) {
          expect(version.size).toBe(snapshot.size);
          // Each key once: the trie may still hold an older value of the entry set last.
          expect([...version.entries()].length).toBe(snapshot.size);
          expect(contents(version)).toEqual(snapshot);
          for (const [key, value] of snapshot) expect(version.get(key)).toBe(value);
        }
      }),
      { numRuns: 60 },
    );
  });
});
