import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '../../../application/shared/event-store.port';
import { HealthContributors } from '../../../application/shared/health';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { REDIS } from '../../../infrastructure/infrastructure.module';
import { Public } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly contributors: HealthContributors,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness of Postgres, Redis, the event store, the projections and the reactors',
    description: 'Public; 200 when every dependency is up, 503 with the failing ones otherwise.',
  })
  async check() {
    try {
      return await this.runChecks();
    } catch (error) {
      throw error instanceof ServiceUnavailableException ? unhealthy(error) : error;
    }
  }

  private runChecks() {
    return this.health.check([
      () => this.probe('postgres', async () => ({ ok: (await this.pool.query('SELECT 1 AS ok')).rows[0].ok === 1 })),
      () => this.probe('redis', async () => ({ ok: (await this.redis.ping()) === 'PONG' })),
      () => this.probe('eventStore', async () => ({ ok: Array.isArray(await this.store.readAll({ maxCount: 1 })) })),
      ...this.contributors.list().map((c) => () =>
        this.probe(c.key, async () => {
          const r = await c.check();
          return { ok: r.healthy, ...r.details };
        }),
      ),
    ]);
  }

  private async probe(key: string, run: () => Promise<{ ok: boolean } & Record<string, unknown>>) {
    const indicator = this.indicators.check(key);
    try {
      const { ok, ...details } = await withTimeout(run(), 2_000);
      return ok ? indicator.up(details) : indicator.down(details);
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** A 503 that still says what is down and why (`info`, `error`, `details` as on a 200). */
function unhealthy(error: ServiceUnavailableException): ProblemException {
  const { info, error: down = {}, details } = error.getResponse() as HealthCheckResult;
  const halted = (down.projections as { halted?: string[] } | undefined)?.halted ?? [];
  const detail =
    `Down: ${Object.keys(down).join(', ')}` +
    (halted.length ? `; projections stopped on an event they cannot apply: ${halted.join(', ')}` : '');
  return new ProblemException(503, 'SERVICE_UNHEALTHY', detail, { info, error: down, details });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}
