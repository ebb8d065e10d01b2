import { Logger } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { Clock } from '../../application/shared/clock';
import { BusinessRuleError } from '../../domain/shared';

/** What staff read at `GET /admin/test-clock`. */
export interface TestClockReading {
  /** Platform time: what every deadline, job and date is compared with. */
  now: string;
  /** Real time on this process, for comparison. */
  realNow: string;
  /** How far the platform stands ahead of real time. */
  offsetSeconds: number;
}

/** How the clock is moved: by a number of seconds, or to an instant. */
export type TestClockMove = { seconds: number } | { to: string };

/**
 * The platform clock outside production when TEST_CLOCK_ENABLED: real time plus an offset kept
 * in Postgres (`test_clock`), which only ever grows. `now()` is synchronous, so each process
 * keeps the offset in memory and re-reads it every `refreshMs` (one indexed single-row read):
 * two processes disagree for at most `refreshMs` after an advance. Work that must see an
 * advance at once (a job promoted by it) calls `sync()` first, which reads the row.
 */
export class SharedTestClock extends Clock {
  private readonly logger = new Logger('TestClock');
  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastFailureReport = 0;

  constructor(
    private readonly pool: Pool,
    private readonly refreshMs: number,
  ) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Reads the shared offset once, then keeps reading it every `refreshMs`. */
  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => {
      this.sync().catch((error: unknown) => {
        if (Date.now() - this.lastFailureReport < 60_000) return;
        this.lastFailureReport = Date.now();
        this.logger.warn(
          `Could not re-read the test clock, keeping its last offset: ${String(error)}`,
        );
      });
    }, this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  override async sync(): Promise<void> {
    const { rows } = await this.pool.query<{ offset_ms: string }>(
      `SELECT offset_ms FROM test_clock WHERE id = 1`,
    );
    this.adopt(Number(rows[0]?.offset_ms ?? 0));
  }

  reading(): TestClockReading {
    const real = Date.now();
    return {
      now: new Date(real + this.offsetMs).toISOString(),
      realNow: new Date(real).toISOString(),
      offsetSeconds: Math.floor(this.offsetMs / 1000),
    };
  }

  /**
   * Moves platform time forward for every process; concurrent moves queue on the row's lock.
   * Refuses to go back: events already carry later dates, and deadlines would fire twice.
   */
  async advance(move: TestClockMove): Promise<TestClockReading> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const current = await this.lockedOffset(client);
      const real = Date.now();
      const platformNow = real + current;
      const target = 'seconds' in move ? platformNow + move.seconds * 1000 : Date.parse(move.to);
      if (target < platformNow) {
        throw new BusinessRuleError(
          'TEST_CLOCK_CANNOT_GO_BACK',
          `The test clock only moves forward: it reads ${new Date(platformNow).toISOString()}, later than ${new Date(target).toISOString()}`,
          { now: new Date(platformNow).toISOString(), requested: new Date(target).toISOString() },
        );
      }
      const offset = Math.max(current, target - real);
      await client.query(`UPDATE test_clock SET offset_ms = $1, updated_at = now() WHERE id = 1`, [
        offset,
      ]);
      await client.query('COMMIT');
      this.adopt(offset);
      return this.reading();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async lockedOffset(client: PoolClient): Promise<number> {
    await client.query(
      `INSERT INTO test_clock (id, offset_ms) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`,
    );
    const { rows } = await client.query<{ offset_ms: string }>(
      `SELECT offset_ms FROM test_clock WHERE id = 1 FOR UPDATE`,
    );
    return Number(rows[0].offset_ms);
  }

  /** The offset never shrinks in a process, so its clock never reads earlier than it did. */
  private adopt(offsetMs: number): void {
    this.offsetMs = Math.max(this.offsetMs, offsetMs);
  }
}
