/**
 * A projector process that kills itself (SIGKILL, no cleanup) inside an invoices batch, after
 * the rows are written and before the commit. Env: DATABASE_URL, CRASH_AFTER_EVENTS.
 */
import { Pool } from 'pg';
import { PostgresEventStore } from '../../../../src/infrastructure/event-store/postgres/postgres-event-store';
import { allProjections } from '../../../../src/projections/all-projections';
import { ProjectionRunner } from '../../../../src/projections/runner/projection-runner';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const crashAfter = Number(process.env.CRASH_AFTER_EVENTS);
  const pool = new Pool({ connectionString: url, max: 10 });
  const store = new PostgresEventStore(pool, { connectionString: url, pollIntervalMs: 100 });
  let applied = 0;
  const runner = new ProjectionRunner(store, pool, allProjections(), {
    batchSize: 40,
    async beforeCommit(name, events, tx) {
      if (name !== 'invoices' || events.length === 0) return;
      applied += events.length;
      if (applied < crashAfter) return;
      const inTx = await tx.query('SELECT count(*)::int AS n FROM invoices');
      const committed = await pool.query('SELECT count(*)::int AS n FROM invoices');
      process.stdout.write(
        `CRASH ${JSON.stringify({ batch: events.length, invoicesInTx: inTx.rows[0].n, invoicesCommitted: committed.rows[0].n })}\n`,
      );
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    },
  });
  runner.start();
  await runner.caughtUp();
  process.stdout.write('CAUGHT_UP\n');
  process.exit(0);
}

void main();
