/**
 * A small TTL cache for hot lookups (API keys, sessions, memberships). Entries are dropped by tag
 * (`invalidate`), and an invalidation bus carries that to other API processes so a revoked key
 * stops working at once everywhere.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number; tags: string[] }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(ttlMs: number, maxEntries = 10_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, tags: string[] = []): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs, tags });
  }

  invalidate(tag: string): void {
    for (const [key, entry] of this.entries)
      if (key === tag || entry.tags.includes(tag)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
