import { EventStore, RecordedEvent, StreamNotFoundError } from '../../shared/event-store.port';

export interface CaseStreamCacheOptions {
  /** How long a stream read stays reusable before it is read in full again; 0 disables the cache. */
  ttlMs: number;
  /** Upper bound on the events kept in memory, across streams; the least recently used go first. */
  maxEvents: number;
}

export const CASE_STREAM_CACHE_OPTIONS = Symbol('CASE_STREAM_CACHE_OPTIONS');
export const DEFAULT_CASE_STREAM_CACHE: CaseStreamCacheOptions = {
  ttlMs: 30_000,
  maxEvents: 20_000,
};

interface Cached {
  events: RecordedEvent[];
  revision: bigint;
  loadedAt: number;
}

/**
 * Keeps recent stream reads of the case history in memory: events never change once written, so a
 * replay only asks the log for what came after the last revision it holds. Every read still goes to
 * the log (never stale on appends); the TTL bounds how long a deletion, a truncation or an erased
 * person's decrypted data can outlive its change, and the bound on events bounds the memory.
 */
export class CaseStreamCache {
  private readonly streams = new Map<string, Cached>();
  private cachedEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: CaseStreamCacheOptions = DEFAULT_CASE_STREAM_CACHE,
    private readonly clock: () => number = Date.now,
  ) {}

  async read(stream: string): Promise<RecordedEvent[]> {
    const cached = this.streams.get(stream);
    if (cached && this.clock() - cached.loadedAt < this.options.ttlMs) {
      this.streams.delete(stream);
      let fresh: RecordedEvent[];
      try {
        fresh = await this.store.readStream(stream, { fromRevision: cached.revision + 1n });
      } catch (error) {
        this.forget(stream, cached);
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      const entry = fresh.length
        ? {
            ...cached,
            events: [...cached.events, ...fresh],
            revision: fresh[fresh.length - 1].revision,
          }
        : cached;
      this.cachedEvents += fresh.length;
      this.streams.set(stream, entry);
      this.evict();
      return entry.events;
    }
    if (cached) this.forget(stream, cached);
    let events: RecordedEvent[];
    try {
      events = await this.store.readStream(stream);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    if (this.options.ttlMs > 0 && events.length > 0) {
      this.streams.set(stream, {
        events,
        revision: events[events.length - 1].revision,
        loadedAt: this.clock(),
      });
      this.cachedEvents += events.length;
      this.evict();
    }
    return events;
  }

  private forget(stream: string, cached: Cached): void {
    if (this.streams.get(stream) === cached) this.streams.delete(stream);
    this.cachedEvents -= cached.events.length;
  }

  /** Map iteration follows insertion order, and each read re-inserts its stream: the first is the least recent. */
  private evict(): void {
    for (const [stream, cached] of this.streams) {
      if (this.cachedEvents <= this.options.maxEvents) return;
      this.forget(stream, cached);
    }
  }
}
