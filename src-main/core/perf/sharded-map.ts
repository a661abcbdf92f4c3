const SHARDS = 16;
const MASK = SHARDS - 1;

/**
 * A Map kept as sixteen smaller ones, for maps of one entry per image. A V8
 * Map grows by rehashing its whole table in one step: at 100,000 images one
 * `set` held the main thread for 40–56 ms, however finely the loop around it
 * was sliced. Split sixteen ways, each growth is a sixteenth of that.
 * Iteration visits shard by shard, not in insertion order.
 */
export class ShardedMap<K extends string | number, V> {
  private readonly shards: Map<K, V>[] = Array.from({ length: SHARDS }, () => new Map<K, V>());

  get size(): number {
    let n = 0;
    for (const shard of this.shards) n += shard.size;
    return n;
  }

  get(key: K): V | undefined {
    return this.shardOf(key).get(key);
  }

  has(key: K): boolean {
    return this.shardOf(key).has(key);
  }

  set(key: K, value: V): this {
    this.shardOf(key).set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.shardOf(key).delete(key);
  }

  clear(): void {
    for (const shard of this.shards) shard.clear();
  }

  *keys(): IterableIterator<K> {
    for (const shard of this.shards) yield* shard.keys();
  }

  *values(): IterableIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }

  private shardOf(key: K): Map<K, V> {
    return this.shards[(typeof key === 'number' ? key : tailHash(key)) & MASK]!;
  }
}

/** a hash of the last characters: the paths of one dataset differ at their ends (img_000123.txt) */
function tailHash(s: string): number {
  let h = s.length;
  for (let i = Math.max(0, s.length - 16); i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h ^ (h >>> 7);
}
