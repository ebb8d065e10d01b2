import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '../application/shared/event-store.port';
import { APP_CONFIG, AppConfig } from '../infrastructure/config/config';
import { PG_POOL } from '../infrastructure/database/database.tokens';
import { HealthContributor, HealthController } from '../interfaces/http/health/health.controller';
import { allProjections } from './all-projections';
import { bulkPostgresReader } from './runner/bulk-log-reader';
import { clearHalt, ProjectionHalt, readHalts } from './runner/halts';
import { ProjectionStatus, readProjectionStatus } from './runner/log-stats';
import { LiveProjectionInfo, ProjectionRunner } from './runner/projection-runner';

export type ProjectionReport = ProjectionStatus & {
  state: LiveProjectionInfo['state'] | 'not_running_here';
  lastError: string | null;
  /** The event it stopped on and why, read from the database (so every process reports it). */
  haltedOn: ProjectionHalt | null;
};

/** How long a retry waits for the projection to catch up or stop again before answering. */
const RETRY_WAIT_MS = 5_000;

/** Starts the projection runner in processes with the `projectors` role and reports every projection's position and lag. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  readonly projections = allProjections();
  private runner: ProjectionRunner | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
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
    let health: HealthController;
    try {
      health = this.moduleRef.get(HealthController, { strict: false });
    } catch {
      this.logger.warn('No HealthController: projections are not reported on /health');
      return;
    }
    const contributor: HealthContributor = {
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
    };
    health.register(contributor);
  }
}
