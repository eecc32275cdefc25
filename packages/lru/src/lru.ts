export interface LruOptions<K, V> {
  /**
   * Generations (default 2). An entry survives at least (g−1)/g of `max` later insertions,
   * so more generations come closer to a true LRU, for a list of keys per generation. Where the
   * working set is a little larger than the memory and is walked round and round (an alert
   * re-reading every entry of its system), two generations keep almost nothing: the vault
   * memory missed 6.5 times a signal at 100,000 entries, eight generations 5.2 (at 150,000: 3.4 and 1.3).
   */
  readonly generations?: number;
  /** What an entry counts against `max` (default 1: `max` is a number of entries; bytes, say). */
  readonly weight?: (key: K, value: V) => number;
}

/** An entry: its value, the generation it last counted in, and what it weighs there. */
interface Slot<V> {
  value: V;
  gen: number;
  w: number;
}

/** Not yet counted in any generation (a number no generation ever has). */
const MOVING = -1;

/**
 * A bounded map that forgets the least recently used entries, in O(1) per operation.
 *
 * Why not one Map with "delete the first key" eviction: V8's Map keeps deleted slots
 * until it rehashes, and `keys().next()` walks over them, so at 50,000 entries each
 * eviction cost ~19 µs — 8 % of the consent service's CPU. Here entries are counted in
 * generations instead: reads and writes count in the youngest; when it holds max/g it
 * becomes the next older one and the oldest is dropped whole. A read of an older entry
 * counts it in the youngest again. So at most `max` is kept, and every entry survives at
 * least (g−1)·max/g later insertions (new keys, or older entries read again).
 *
 * One Map holds every entry with its generation's number, and each generation lists the
 * keys counted in it (a key read again is listed twice; dropping a generation deletes only
 * the keys still counted there). A Map per generation cost a lookup in each on a miss and
 * on every write: ~4 µs per miss with eight of ~10,000 keys (docs/history/performance-rounds.md).
 */
export class Lru<K, V> {
  private readonly map = new Map<K, Slot<V>>();
  /** Keys counted in generation n are in lists[n % g]. */
  private readonly lists: K[][];
  /** The youngest generation's number; starts at g so that no live generation's is negative. */
  private gen: number;
  private youngWeight = 0;
  private readonly g: number;
  private readonly generation: number;
  private readonly weight: ((key: K, value: V) => number) | undefined;

  constructor(
    readonly max: number,
    o: LruOptions<K, V> = {},
  ) {
    const g = o.generations ?? 2;
    if (!Number.isInteger(g) || g < 2) throw new RangeError('an Lru has at least 2 generations');
    if (!Number.isInteger(max) || max < g) throw new RangeError(`an Lru holds at least ${g} entries`);
    this.g = g;
    this.gen = g;
    this.generation = Math.floor(max / g);
    this.lists = Array.from({ length: g }, () => []);
    this.weight = o.weight;
  }

  get size(): number {
    return this.map.size;
  }

  /** The value, now counting as recently used; undefined when absent. */
  get(key: K): V | undefined {
    const s = this.map.get(key);
    if (s === undefined) return undefined;
    if (s.gen !== this.gen) this.place(key, s);
    return s.value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    const w = this.weight ? this.weight(key, value) : 1;
    const s = this.map.get(key);
    if (s === undefined) {
      const slot: Slot<V> = { value, gen: MOVING, w };
      this.place(key, slot);
      this.map.set(key, slot);
    } else if (s.gen === this.gen) {
      this.youngWeight += w - s.w;
      s.value = value;
      s.w = w;
    } else {
      s.value = value;
      s.w = w;
      this.place(key, s);
    }
    return this;
  }

  delete(key: K): boolean {
    const s = this.map.get(key);
    if (s === undefined) return false;
    if (s.gen === this.gen) this.youngWeight -= s.w;
    return this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
    for (let i = 0; i < this.g; i++) this.lists[i] = [];
    this.youngWeight = 0;
  }

  /**
   * Forgets the older half of the generations at once (what a memory gives up when the heap
   * runs short): entries counted in the younger half stay. Returns how many were forgotten.
   */
  shrink(): number {
    const before = this.map.size;
    for (let i = Math.ceil(this.g / 2); i > 0; i--) this.rotate();
    return before - this.map.size;
  }

  /** Counts an entry in the youngest generation, starting a new one (and dropping the oldest) when it is full. */
  private place(key: K, s: Slot<V>): void {
    s.gen = MOVING; // so that dropping the oldest generation cannot drop this entry
    const young = this.lists[this.gen % this.g]!;
    if (this.youngWeight + s.w > this.generation && young.length > 0) this.rotate();
    s.gen = this.gen;
    this.lists[this.gen % this.g]!.push(key);
    this.youngWeight += s.w;
  }

  private rotate(): void {
    this.gen++;
    const dropped = this.gen - this.g;
    const i = this.gen % this.g;
    for (const k of this.lists[i]!) if (this.map.get(k)?.gen === dropped) this.map.delete(k);
    this.lists[i] = [];
    this.youngWeight = 0;
  }
}
