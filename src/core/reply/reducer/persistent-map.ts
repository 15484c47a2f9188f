/**
 * A persistent (immutable, structurally shared) string-keyed map: a hash array mapped trie.
 *
 * Why not a plain object spread per update: a reply receives one event per model chunk, and
 * `{ ...parts, [id]: part }` costs O(number of parts) per delta. Here `set` copies only the path
 * from the root to the entry (at most 7 nodes of at most 32 slots, in practice 1 or 2), and the
 * entry set last is kept beside the trie, so a run of deltas into one part costs O(1) each: as
 * much with 1,000 parts as with one. Every old version stays valid (the reducer stays pure).
 */

const BITS = 5;
const MASK = 31;

interface Leaf<V> {
  readonly kind: 0;
  readonly hash: number;
  readonly key: string;
  readonly value: V;
}
interface Branch<V> {
  readonly kind: 1;
  readonly bitmap: number;
  readonly children: readonly Node<V>[];
}
/** Two or more keys with the same 32-bit hash. */
interface Collision<V> {
  readonly kind: 2;
  readonly hash: number;
  readonly leaves: readonly Leaf<V>[];
}
type Node<V> = Leaf<V> | Branch<V> | Collision<V>;

let lastKey = "";
let lastHash = 0x811c9dc5;

/** FNV-1a: cheap and well spread for the time-ordered ids OpenCode uses (`prt_20f6...`). */
function hashOf(key: string): number {
  // A delta looks its part up and then stores it, and deltas come in runs for one part: comparing
  // with the previous key is much cheaper than hashing ~30 characters again.
  if (key === lastKey) return lastHash;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  lastKey = key;
  lastHash = h >>> 0;
  return lastHash;
}

function popcount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function withChild<V>(children: readonly Node<V>[], index: number, child: Node<V>): Node<V>[] {
  const copy = children.slice();
  copy[index] = child;
  return copy;
}

/** A branch holding two nodes whose hashes differ (they differ in some 5-bit fragment). */
function pair<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Branch<V> {
  const fa = (a.hash >>> shift) & MASK;
  const fb = (b.hash >>> shift) & MASK;
  if (fa === fb) return { kind: 1, bitmap: 1 << fa, children: [pair(a, b, shift + BITS)] };
  return { kind: 1, bitmap: (1 << fa) | (1 << fb), children: fa < fb ? [a, b] : [b, a] };
}

function insert<V>(node: Branch<V>, leaf: Leaf<V>, shift: number): Branch<V> {
  const bit = 1 << ((leaf.hash >>> shift) & MASK);
  const index = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) {
    const children = node.children.slice();
    children.splice(index, 0, leaf);
    return { kind: 1, bitmap: node.bitmap | bit, children };
  }
  const child = node.children[index] as Node<V>;
  let next: Node<V>;
  if (child.kind === 1) {
    next = insert(child, leaf, shift + BITS);
  } else if (child.hash !== leaf.hash) {
    next = pair(child, leaf, shift + BITS);
  } else if (child.kind === 0) {
    if (child.key === leaf.key) next = child.value === leaf.value ? child : leaf;
    else next = { kind: 2, hash: leaf.hash, leaves: [child, leaf] };
  } else {
    const at = child.leaves.findIndex((l) => l.key === leaf.key);
    if (at >= 0 && (child.leaves[at] as Leaf<V>).value === leaf.value) next = child;
    else {
      const leaves = child.leaves.slice();
      if (at < 0) leaves.push(leaf);
      else leaves[at] = leaf;
      next = { kind: 2, hash: leaf.hash, leaves };
    }
  }
  return next === child ? node : { kind: 1, bitmap: node.bitmap, children: withChild(node.children, index, next) };
}

function* walk<V>(node: Node<V>): Generator<[string, V]> {
  if (node.kind === 0) yield [node.key, node.value];
  else if (node.kind === 2) for (const leaf of node.leaves) yield [leaf.key, leaf.value];
  else for (const child of node.children) yield* walk(child);
}

/** Looks `key` up in the trie under `root`. */
function lookup<V>(root: Branch<V>, key: string): V | undefined {
  const hash = hashOf(key);
  let node: Node<V> = root;
  for (let shift = 0; ; shift += BITS) {
    if (node.kind === 0) return node.key === key ? node.value : undefined;
    if (node.kind === 2) return node.leaves.find((l) => l.key === key)?.value;
    const bit = 1 << ((hash >>> shift) & MASK);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[popcount(node.bitmap & (bit - 1))] as Node<V>;
  }
}

/**
 * Immutable string-keyed map with O(log32 n) `get` and `set`; `set` returns a new map sharing all
 * untouched nodes (or the same map when the value is already there).
 *
 * The entry set last is kept beside the trie (the "hot" entry) and only written into it when
 * another key is set: a reply streams into one part at a time, so a run of deltas costs O(1) per
 * delta however many parts the reply has, instead of a copy of the path (two 32-slot nodes at
 * 1,000 parts) per delta.
 * @example
 * const a = PersistentMap.empty<number>().set("x", 1);
 * const b = a.set("y", 2); // a.get("y") === undefined, b.get("x") === 1
 */
export class PersistentMap<V> {
  private static readonly EMPTY = new PersistentMap<never>({ kind: 1, bitmap: 0, children: [] }, 0, undefined, undefined);

  private constructor(
    /** Every entry but the hot one (which it may hold an older value of). */
    private readonly root: Branch<V>,
    /** Number of keys. */
    readonly size: number,
    private readonly hotKey: string | undefined,
    private readonly hotValue: V | undefined,
  ) {}

  /** The empty map (one shared instance). */
  static empty<V>(): PersistentMap<V> {
    return PersistentMap.EMPTY as PersistentMap<V>;
  }

  /** A map of the given entries (later duplicates win). */
  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  /** The value stored under `key`, or undefined. */
  get(key: string): V | undefined {
    return key === this.hotKey ? this.hotValue : lookup(this.root, key);
  }

  /** True when `key` is present. */
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A map with `key` set to `value`; `this` when it already holds that exact value. */
  set(key: string, value: V): PersistentMap<V> {
    if (key === this.hotKey) {
      return value === this.hotValue ? this : new PersistentMap(this.root, this.size, key, value);
    }
    const current = lookup(this.root, key);
    if (current === value && current !== undefined) return this;
    // The previous hot entry goes into the trie; `key` becomes the hot one.
    const hot = this.hotKey;
    const root = hot === undefined ? this.root : insert(this.root, { kind: 0, hash: hashOf(hot), key: hot, value: this.hotValue as V }, 0);
    return new PersistentMap(root, current === undefined ? this.size + 1 : this.size, key, value);
  }

  /** Every entry, in no particular order (use the reply's `partIds` for emission order). */
  *entries(): IterableIterator<[string, V]> {
    const hot = this.hotKey;
    for (const entry of walk(this.root)) if (entry[0] !== hot) yield entry;
    if (hot !== undefined) yield [hot, this.hotValue as V];
  }
}
