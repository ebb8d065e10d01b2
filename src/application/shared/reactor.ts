import { RecordedEvent, SubscriptionFilter } from './event-store.port';

/**
 * A process manager fed by a subscription to the log. Delivery is at least once, so
 * `handle` must be idempotent: send commands with ids derived from `event.id`.
 */
export interface Reactor {
  /** Stable name: the checkpoint is stored under it. */
  readonly name: string;
  readonly filter: SubscriptionFilter;
  handle(event: RecordedEvent): Promise<void>;
  /**
   * Optional: one call for a whole batch of the subscription (e.g. one write for all its
   * jobs). A failed batch is retried whole, then falls back to `handle`, event by event.
   */
  handleBatch?(events: RecordedEvent[]): Promise<void>;
}

/** Contexts register their reactors here (in `onModuleInit`); the runner starts them. */
export abstract class ReactorRegistry {
  abstract register(reactor: Reactor): void;
}
