import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import {
  EVENT_STORE,
  EventStore,
  LogPosition,
  RecordedEvent,
  START_POSITION,
  Subscription,
} from '../../application/shared/event-store.port';
import { Reactor, ReactorRegistry } from '../../application/shared/reactor';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PG_POOL } from '../database/database.tokens';

interface Running {
  reactor: Reactor;
  subscription: Subscription;
  position: LogPosition;
  handled: number;
  lastError: string | null;
}

const MAX_ATTEMPTS = 8;
const BATCH_ATTEMPTS = 3;

/**
 * Runs every registered reactor on its own catch-up subscription. The checkpoint is saved
 * after each batch, so a crash replays at most one batch; reactors are idempotent.
 */
@Injectable()
export class ReactorRunner
  extends ReactorRegistry
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('Reactors');
  private readonly reactors: Reactor[] = [];
  private readonly running = new Map<string, Running>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  register(reactor: Reactor): void {
    if (this.reactors.some((r) => r.name === reactor.name))
      throw new Error(`Reactor ${reactor.name} registered twice`);
    this.reactors.push(reactor);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.PROCESS_ROLES.includes('workers')) return;
    for (const reactor of this.reactors) await this.start(reactor);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.subscription.stop()));
    this.running.clear();
  }

  /** Resolves once every reactor has handled every event committed so far, including the ones reactors caused. */
  async settle(maxRounds = 20): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      const before = this.totalHandled();
      await Promise.all([...this.running.values()].map((r) => r.subscription.caughtUp()));
      if (this.totalHandled() === before) return;
    }
  }

  status() {
    return [...this.running.values()].map((r) => ({
      name: r.reactor.name,
      position: { commit: r.position.commit.toString(), prepare: r.position.prepare.toString() },
      handled: r.handled,
      lastError: r.lastError,
    }));
  }

  private totalHandled(): number {
    let n = 0;
    for (const r of this.running.values()) n += r.handled;
    return n;
  }

  private async start(reactor: Reactor): Promise<void> {
    const { rows } = await this.pool.query<{ commit: string; prepare: string }>(
      'SELECT commit, prepare FROM subscription_checkpoints WHERE name = $1',
      [reactor.name],
    );
    const after = rows[0]
      ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) }
      : START_POSITION;
    const entry: Running = {
      reactor,
      position: after,
      handled: 0,
      lastError: null,
      subscription: undefined as unknown as Subscription,
    };
    entry.subscription = this.store.subscribeToAll(
      {
        handle: async (events) => {
          if (!(await this.deliverBatch(entry, events))) {
            for (const event of events) await this.deliver(entry, event);
          }
          const last = events[events.length - 1].position;
          await this.pool.query(
            `INSERT INTO subscription_checkpoints (name, commit, prepare) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET commit = excluded.commit, prepare = excluded.prepare, updated_at = now()`,
            [reactor.name, last.commit.toString(), last.prepare.toString()],
          );
          entry.position = last;
        },
        onError: (error) => this.logger.error(`Reactor ${reactor.name} stopped: ${String(error)}`),
      },
      { after, filter: reactor.filter, batchSize: 100 },
    );
    this.running.set(reactor.name, entry);
  }

  /**
   * For reactors with `handleBatch`: the batch is retried whole on transient failures;
   * false sends it event by event instead (no batch handler, or the batch kept failing).
   */
  private async deliverBatch(entry: Running, events: RecordedEvent[]): Promise<boolean> {
    if (!entry.reactor.handleBatch) return false;
    for (let attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
      try {
        await entry.reactor.handleBatch(events);
        entry.handled += events.length;
        entry.lastError = null;
        return true;
      } catch (error) {
        entry.lastError =
          error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (typeof (error as { family?: unknown }).family === 'string') break;
        await new Promise((r) => setTimeout(r, Math.min(2 ** attempt * 10, 2_000)));
      }
    }
    this.logger.warn(
      `Reactor ${entry.reactor.name} handles ${events.length} events one by one: ${entry.lastError}`,
    );
    return false;
  }

  /** Transient failures are retried with backoff; a command refused by the domain is logged and skipped. */
  private async deliver(entry: Running, event: RecordedEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await entry.reactor.handle(event);
        entry.handled++;
        entry.lastError = null;
        return;
      } catch (error) {
        entry.lastError =
          error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const domainRefusal = typeof (error as { family?: unknown }).family === 'string';
        if (domainRefusal || attempt >= MAX_ATTEMPTS) {
          this.logger.error(
            `Reactor ${entry.reactor.name} skipped ${event.type} ${event.id}: ${entry.lastError}`,
          );
          entry.handled++;
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(2 ** attempt * 10, 2_000)));
      }
    }
  }
}
