import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '../application/shared/event-store.port';
import { HealthRegistry } from '../application/shared/health';
import { APP_CONFIG, AppConfig } from '../infrastructure/config/config';
import { PG_POOL } from '../infrastructure/database/database.tokens';
import { allProjections } from './all-projections';
import { ProjectionRegistry } from './projection-registry';
import { bulkPostgresReader } from './runner/bulk-log-reader';
import { clearHalt, ProjectionHalt, readHalts } from './runner/halts';
import { ProjectionStatus, readProjectionStatus } from './runner/log-stats';
import { Projection } from './runner/projection';
import { LiveProjectionInfo, ProjectionRunner } from './runner/projection-runner';

export type ProjectionReport = ProjectionStatus & {
  state: LiveProjectionInfo['state'] | 'not_running_here';
  lastError: string | null;
  /** The event it stopped on and why, read from the database (so every process reports it). */
  haltedOn: ProjectionHalt | null;
};

/** How long a retry waits for the projection to catch up or stop again before answering. */
const RETRY_WAIT_MS = 5_000;

/**
 * Runs the projections the context modules registered (in processes with the `projectors` role)
 * and reports every projection's position and lag.
 */
@Injectable()
export class ProjectionsService
  extends ProjectionRegistry
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('Projections');
  private readonly registered: Projection[] = [];
  private ordered: Projection[] | null = null;
  private runner: ProjectionRunner | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthRegistry,
  ) {
    super();
  }

  register(projection: Projection): void {
    if (this.ordered) throw new Error(`Projection ${projection.name} registered after start`);
    this.registered.push(projection);
  }

  /** The registered projections, in the order of the one list the read-model migration also reads. */
  get projections(): Projection[] {
    this.ordered ??= inListOrder(this.registered);
    return this.ordered;
  }

  onApplicationBootstrap(): void {
    // Every context module has registered by now: a mismatch with the list fails the start.
    void this.projections;
    this.registerHealth();
    if (!this.config.PROCESS_ROLES.includes('projectors')) return;
    this.runner = new ProjectionRunner(this.store, this.pool, this.projections, {
      rebuildReader:
        this.config.EVENT_STORE === 'postgres'
          ? bulkPostgresReader(this.pool, this.store)
          : undefined,
      logger: { log: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
    });
    this.runner.start();
  }

  /** Before the store and the pool close, so no batch is cut off mid-way. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }

  /** Resolves once every projection run here has applied everything committed so far. */
  async settle(): Promise<void> {
    await this.runner?.caughtUp();
  }

  async status(): Promise<ProjectionReport[]> {
    const stored = await readProjectionStatus(
      this.pool,
      this.store,
      this.projections,
      this.config.EVENT_STORE === 'postgres',
    );
    const halts = new Map((await readHalts(this.pool)).map((h) => [h.name, h]));
    const live = new Map((this.runner?.info() ?? []).map((i) => [i.name, i]));
    return stored.map((s) => ({
      ...s,
      state: live.get(s.name)?.state ?? 'not_running_here',
      lastError: live.get(s.name)?.lastError ?? halts.get(s.name)?.error ?? null,
      haltedOn: halts.get(s.name) ?? null,
    }));
  }

  /**
   * Clears a projection's stop so it tries its event again: here at once (answering once it
   * has caught up or stopped again, or after a few seconds), in other processes within their
   * poll interval. Null when the projection was not stopped.
   */
  async retry(name: string): Promise<ProjectionReport | null> {
    let retried: boolean;
    if (this.runner) {
      const outcome = this.runner.retry(name);
      retried = await Promise.race([
        outcome,
        new Promise<boolean>((r) => setTimeout(() => r(true), RETRY_WAIT_MS).unref()),
      ]);
      outcome.catch(() => undefined);
    } else retried = (await clearHalt(this.pool, name)) !== null;
    if (!retried) return null;
    return (await this.status()).find((r) => r.name === name) ?? null;
  }

  private registerHealth(): void {
    this.health.register({
      key: 'projections',
      check: async () => {
        const reports = await this.status();
        const healthy = reports.every(
          (r) => r.current && !r.haltedOn && r.state !== 'failed' && r.state !== 'retrying',
        );
        const halted = reports.filter((r) => r.haltedOn).map((r) => r.name);
        return {
          healthy,
          details: {
            ...(halted.length ? { halted } : {}),
            projections: reports.map((r) => ({
              name: r.name,
              version: r.version,
              state: r.state,
              position: r.position,
              behind: r.behind,
              lagMs: r.lagMs,
              lastEventAgeMs: r.lastEventAgeMs,
              ...(r.lastError ? { lastError: r.lastError } : {}),
              ...(r.haltedOn ? { haltedOn: r.haltedOn } : {}),
            })),
          },
        };
      },
    });
  }
}

/**
 * Orders the registered projections as `allProjections()` lists them, and refuses a mismatch: a
 * projection missing from the list has no tables (the migration reads the list), and a listed
 * one that no module registered would never be kept up to date.
 */
function inListOrder(registered: Projection[]): Projection[] {
  const listed = allProjections().map((p) => p.name);
  const names = registered.map((p) => p.name);
  const unlisted = names.filter((n) => !listed.includes(n));
  const unregistered = listed.filter((n) => !names.includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (unlisted.length || unregistered.length || repeated.length)
    throw new Error(
      `Registered projections do not match src/projections/all-projections.ts: ` +
        JSON.stringify({ unlisted, unregistered, repeated }),
    );
  return [...registered].sort((a, b) => listed.indexOf(a.name) - listed.indexOf(b.name));
}
