/**
 * A small in-process cache whose entries expire, for lookups every request repeats (token
 * checks, the caller's directory entry, a partnership's current policy). Each API process keeps
 * its own, so replicas stay stateless: an entry is at most `ttl` old on any of them, and writes
 * a process sees itself clear it at once. When full, the oldest entry goes first.
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  /** Bumped by every clear or delete, so a load that began before one is not stored after it. */
  private generation = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V, ttlMs: number): void {
    if (!(ttlMs > 0) || this.maxEntries <= 0) return;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, { value, until: this.now() + ttlMs });
  }

  delete(key: K): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /**
   * The cached value, or `load()`'s, kept for `ttlMs` unless it is undefined (misses are never
   * kept, so something created a moment ago is found at once) or the cache was cleared while it
   * loaded (the value may predate that write).
   */
  async through(key: K, ttlMs: number, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation) this.set(key, value, ttlMs);
    return value;
  }
}
