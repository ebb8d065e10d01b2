import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
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
import { ConcurrencyError, DomainError } from '../../domain/shared/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PG_POOL } from '../database/database.tokens';

interface Running {
  reactor: Reactor;
  subscription: Subscription;
  position: LogPosition;
  handled: number;
  deadLettered: number;
  lastError: string | null;
  /** Since when the current step keeps failing (it is retried until it succeeds). */
  failingSince: Date | null;
  attempts: number;
}

/** How long a reactor waits between two attempts of a step that failed for a transient reason. */
export interface ReactorRetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}
export const REACTOR_RETRY_POLICY = Symbol('REACTOR_RETRY_POLICY');
const DEFAULT_RETRY: ReactorRetryPolicy = { firstDelayMs: 20, maxDelayMs: 30_000 };

const BATCH_ATTEMPTS = 3;

export interface DeadLetter {
  reactor: string;
  eventId: string;
  eventType: string;
  streamName: string;
  position: { commit: string; prepare: string };
  errorCode: string | null;
  errorMessage: string;
  recordedAt: string;
}

/** Thrown out of a reactor's step when the runner shuts down mid-retry: the batch is not checkpointed. */
class ReactorStopped extends Error {}

/**
 * The domain refused the command for good. A lost concurrency race is not a refusal: the same
 * command may pass on the next attempt, so it is retried like any transient failure.
 */
const isRefusal = (error: unknown): error is DomainError =>
  error instanceof DomainError
    ? !(error instanceof ConcurrencyError)
    : typeof (error as { family?: unknown } | null)?.family === 'string';

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Runs every registered reactor on its own catch-up subscription. The checkpoint is saved
 * after each batch, so a crash replays at most one batch; reactors are idempotent.
 *
 * No event is ever skipped for a transient reason: a failing step (the reactor's command, a
 * dead letter, the checkpoint) is retried with capped backoff until it succeeds, and the
 * reactor waits meanwhile (its `status()` says since when and why). Only a command the domain
 * refuses moves the reactor on, and that event is kept in `reactor_dead_letters`.
 */
@Injectable()
export class ReactorRunner
  extends ReactorRegistry
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('Reactors');
  private readonly reactors: Reactor[] = [];
  private readonly running = new Map<string, Running>();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional()
    @Inject(REACTOR_RETRY_POLICY)
    private readonly retry: ReactorRetryPolicy = DEFAULT_RETRY,
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

  /**
   * Before the store, the pool and the queues close (their `onApplicationShutdown`): a reactor
   * waiting out a failure stops now, instead of failing against closed connections meanwhile.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
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
      deadLettered: r.deadLettered,
      lastError: r.lastError,
      failingSince: r.failingSince?.toISOString() ?? null,
      attempts: r.attempts,
    }));
  }

  /** The latest events reactors could not act on, newest first. */
  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<{
      reactor: string;
      event_id: string;
      event_type: string;
      stream_name: string;
      position_commit: string;
      position_prepare: string;
      error_code: string | null;
      error_message: string;
      recorded_at: Date;
    }>(
      `SELECT reactor, event_id, event_type, stream_name, position_commit, position_prepare,
              error_code, error_message, recorded_at
         FROM reactor_dead_letters ORDER BY recorded_at DESC, reactor, event_id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      reactor: r.reactor,
      eventId: r.event_id,
      eventType: r.event_type,
      streamName: r.stream_name,
      position: { commit: r.position_commit, prepare: String(r.position_prepare) },
      errorCode: r.error_code,
      errorMessage: r.error_message,
      recordedAt: r.recorded_at.toISOString(),
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
      deadLettered: 0,
      lastError: null,
      failingSince: null,
      attempts: 0,
      subscription: undefined as unknown as Subscription,
    };
    entry.subscription = this.store.subscribeToAll(
      {
        handle: async (events) => {
          if (!(await this.deliverBatch(entry, events))) {
            for (const event of events) await this.deliver(entry, event);
          }
          const last = events[events.length - 1].position;
          await this.retrying(entry, () =>
            this.pool.query(
              `INSERT INTO subscription_checkpoints (name, commit, prepare) VALUES ($1, $2, $3)
               ON CONFLICT (name) DO UPDATE SET commit = excluded.commit, prepare = excluded.prepare, updated_at = now()`,
              [reactor.name, last.commit.toString(), last.prepare.toString()],
            ),
          );
          entry.position = last;
        },
        onError: (error) => {
          if (!(error instanceof ReactorStopped))
            this.logger.error(`Reactor ${reactor.name} stopped: ${String(error)}`);
        },
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
        entry.lastError = describe(error);
        if (isRefusal(error)) break;
        await this.pause(attempt);
      }
    }
    this.logger.warn(
      `Reactor ${entry.reactor.name} handles ${events.length} events one by one: ${entry.lastError}`,
    );
    return false;
  }

  /** Retried until it succeeds; a command the domain refuses is dead-lettered and the reactor moves on. */
  private async deliver(entry: Running, event: RecordedEvent): Promise<void> {
    try {
      await this.retrying(entry, () => entry.reactor.handle(event));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await this.retrying(entry, () => this.deadLetter(entry.reactor, event, error));
      entry.deadLettered++;
      entry.lastError = describe(error);
      this.logger.error(
        `Reactor ${entry.reactor.name} dead-lettered ${event.type} ${event.id}: ${entry.lastError}`,
      );
    }
    entry.handled++;
  }

  /**
   * Runs `step` until it succeeds, waiting longer after each transient failure (capped). A
   * domain refusal is thrown at once; so is `ReactorStopped` when the runner shuts down.
   */
  private async retrying<T>(entry: Running, step: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (this.stopping.signal.aborted) throw new ReactorStopped('reactors stopping');
      try {
        const result = await step();
        if (entry.failingSince) {
          this.logger.log(
            `Reactor ${entry.reactor.name} recovered after ${entry.attempts} failed attempts`,
          );
        }
        entry.lastError = null;
        entry.failingSince = null;
        entry.attempts = 0;
        return result;
      } catch (error) {
        if (isRefusal(error)) throw error;
        entry.lastError = describe(error);
        entry.failingSince ??= new Date();
        entry.attempts = attempt;
        // Loud at the first failure and then every 10th, not at every attempt of an outage.
        if (attempt % 10 === 1) {
          this.logger.warn(
            `Reactor ${entry.reactor.name} waits (attempt ${attempt}): ${entry.lastError}`,
          );
        }
        await this.pause(attempt);
      }
    }
  }

  private async pause(attempt: number): Promise<void> {
    const { firstDelayMs, maxDelayMs } = this.retry;
    const delay = Math.min(firstDelayMs * 2 ** (attempt - 1), maxDelayMs);
    try {
      await sleep(delay, undefined, { signal: this.stopping.signal });
    } catch {
      throw new ReactorStopped('reactors stopping');
    }
  }

  private async deadLetter(
    reactor: Reactor,
    event: RecordedEvent,
    error: DomainError,
  ): Promise<void> {
    await this.pool.query(
      `INSERT INTO reactor_dead_letters
         (reactor, event_id, event_type, stream_name, position_commit, position_prepare, error_code, error_message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (reactor, event_id) DO NOTHING`,
      [
        reactor.name,
        event.id,
        event.type,
        event.streamName,
        event.position.commit.toString(),
        event.position.prepare.toString(),
        typeof error.code === 'string' ? error.code : null,
        error.message,
      ],
    );
  }
}
