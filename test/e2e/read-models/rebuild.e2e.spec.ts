import { bulkPostgresReader } from '../../../src/projections/runner/bulk-log-reader';
import { rebuildProjections } from '../../../src/projections/runner/rebuild';
import { Harness, snapshotProjections, startHarness } from './support/harness';
import { MarketplaceSim } from './support/marketplace-sim';
import { appendLog } from './support/sim-core';

describe('rebuild from position 0', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('gives rows identical to the live projections after a random scenario, with readers served throughout', async () => {
    const sim = MarketplaceSim.run(20261105, 700);
    const live = h.runner();
    live.start();
    // Appended while the live runner is already consuming, in many small appends and batches.
    await appendLog(h.store, sim.log);
    await live.caughtUp();
    const before = await snapshotProjections(h.pool, h.projections);
    expect(before['ledger.journal_lines'].length).toBeGreaterThan(100);
    expect(before['invoices.invoices'].length).toBeGreaterThan(10);

    let reads = 0;
    let readerError: unknown = null;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        try {
          await h.pool.query('SELECT count(*) FROM rm_orders');
          await h.pool.query('SELECT count(*) FROM journal_lines');
          reads++;
        } catch (error) {
          readerError = error;
        }
      }
    })();
    const results = await rebuildProjections(h.store, h.pool, h.projections, {
      batchSize: 97,
      reader: bulkPostgresReader(h.pool, h.store),
    });
    reading = false;
    await reader;

    expect(readerError).toBeNull();
    expect(reads).toBeGreaterThan(0);
    expect(results.map((r) => r.generation)).toEqual(h.projections.map(() => 2));
    expect(await snapshotProjections(h.pool, h.projections)).toEqual(before);
  });

  it('keeps the live runner going on the new generation after the swap (rebuild read through the port)', async () => {
    const sim = MarketplaceSim.run(77, 150);
    const live = h.runner();
    live.start();
    await appendLog(h.store, sim.log);
    await live.caughtUp();
    const { rows } = await h.pool.query(`SELECT DISTINCT generation FROM projection_checkpoints`);
    expect(rows).toEqual([{ generation: 2 }]);
    const liveRows = await snapshotProjections(h.pool, h.projections);
    await rebuildProjections(h.store, h.pool, h.projections);
    expect(await snapshotProjections(h.pool, h.projections)).toEqual(liveRows);
    const schemas = await h.pool.query(
      `SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name LIKE 'rm\\_%'`,
    );
    expect(schemas.rows[0].n).toBe(h.projections.length);
  });

  it('ignores a redelivered batch: rows and checkpoint stay as they were', async () => {
    const before = await snapshotProjections(h.pool, h.projections);
    const events = await h.store.readAll({ maxCount: 300 });
    const client = await h.pool.connect();
    try {
      await client.query('BEGIN');
      for (const p of h.projections) {
        const { rows } = await client.query(
          'SELECT schema_name FROM public.projection_checkpoints WHERE name = $1',
          [p.name],
        );
        await client.query(`SELECT set_config('search_path', $1, true)`, [rows[0].schema_name]);
        await p.handle(
          events.filter((e) => p.handles.includes(e.type)),
          client,
        );
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await snapshotProjections(h.pool, h.projections)).toEqual(before);
  });
});
