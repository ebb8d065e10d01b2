/** Injection token of the process-wide `AggregateCache`. */
export const AGGREGATE_CACHE = Symbol('AGGREGATE_CACHE');

interface Entry {
  /** The folding function the state belongs to: one stream may be folded by several deciders. */
  owner: object;
  state: unknown;
  revision: bigint;
  storedAt: number;
}

export interface AggregateCacheOptions {
  /** Most streams kept; the least recently used goes first. 0 disables the cache. */
  maxEntries: number;
  /** An entry older than this is read again from the store. */
  maxAgeMs: number;
}

/**
 * The last state this process decided on, per stream, so that the next command on a hot
 * aggregate skips reading and folding its stream. It is only a guess: the append that
 * follows carries the cached revision as its expected revision, so a stream moved on by
 * another process (or a job) fails the append, the entry is dropped and the command is
 * decided again on a fresh read. Query paths never use it; they must see the store.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Entry>();
  private hitCount = 0;
  private missCount = 0;

  constructor(private readonly options: AggregateCacheOptions) {}

  get enabled(): boolean {
    return this.options.maxEntries > 0;
  }

  get(
    owner: object,
    stream: string,
    now = Date.now(),
  ): { state: unknown; revision: bigint } | undefined {
    const entry = this.entries.get(stream);
    if (!entry || entry.owner !== owner || now - entry.storedAt > this.options.maxAgeMs) {
      if (entry) this.entries.delete(stream);
      this.missCount++;
      return undefined;
    }
    // Re-inserting keeps the Map's iteration order least-recently-used first.
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    this.hitCount++;
    return entry;
  }

  set(owner: object, stream: string, state: unknown, revision: bigint, now = Date.now()): void {
    if (!this.enabled) return;
    this.entries.delete(stream);
    this.entries.set(stream, { owner, state, revision, storedAt: now });
    if (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  invalidate(stream: string): void {
    this.entries.delete(stream);
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): { entries: number; hits: number; misses: number } {
    return { entries: this.entries.size, hits: this.hitCount, misses: this.missCount };
  }
}
