import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { rebuildProjections } from '../../../src/projections/runner/rebuild';
import { Harness, snapshotProjections, startHarness } from './support/harness';
import { invoiceNumberingProblems } from './support/invoice-checks';
import { MarketplaceSim } from './support/marketplace-sim';
import { appendLog } from './support/sim-core';

function runCrashingProjector(
  databaseUrl: string,
  crashAfterEvents: number,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, 'support', 'crashing-projector.ts'),
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          CRASH_AFTER_EVENTS: String(crashAfterEvents),
          TS_NODE_PROJECT: join(__dirname, '../../../tsconfig.json'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('a projector killed mid-batch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('restarts with no duplicate and no missing row, and invoice numbers still gapless', async () => {
    const sim = MarketplaceSim.run(4242, 900);
    await appendLog(h.store, sim.log);
    const invoiceEvents = sim.log.filter((l) =>
      h.projections.find((p) => p.name === 'invoices')!.handles.includes(l.event.type),
    ).length;

    const crash = await runCrashingProjector(h.db.url, Math.floor(invoiceEvents / 2));
    expect(crash.signal).toBe('SIGKILL');
    const line = crash.output.split('\n').find((l) => l.startsWith('CRASH '));
    expect(line).toBeDefined();
    const seen = JSON.parse(line!.slice(6)) as { invoicesInTx: number; invoicesCommitted: number };
    // The killed batch had written invoices that were never committed.
    expect(seen.invoicesInTx).toBeGreaterThan(seen.invoicesCommitted);
    const afterCrash = await h.pool.query('SELECT count(*)::int AS n FROM invoices');
    expect(afterCrash.rows[0].n).toBe(seen.invoicesCommitted);
    expect(await invoiceNumberingProblems(h.pool)).toEqual([]);

    const runner = h.runner();
    runner.start();
    await runner.caughtUp();
    const recovered = await snapshotProjections(h.pool, h.projections);
    expect(await invoiceNumberingProblems(h.pool)).toEqual([]);

    await rebuildProjections(h.store, h.pool, h.projections);
    expect(await snapshotProjections(h.pool, h.projections)).toEqual(recovered);
    expect(recovered['invoices.invoices'].length).toBeGreaterThan(seen.invoicesInTx);
  });

  it('retries a batch that failed before its commit and applies it exactly once', async () => {
    const sim = MarketplaceSim.run(99, 300);
    let failures = 0;
    const runner = h.runner({
      beforeCommit: (name, events) => {
        if ((name === 'ledger' || name === 'invoices') && events.length > 0 && failures < 4) {
          failures++;
          // A serialization failure: transient, so the batch is retried (anything else would stop the projection).
          throw Object.assign(new Error('injected failure after the rows, before the commit'), {
            code: '40001',
          });
        }
      },
    });
    runner.start();
    await appendLog(h.store, sim.log);
    await runner.caughtUp();
    expect(failures).toBe(4);
    const live = await snapshotProjections(h.pool, h.projections);
    await rebuildProjections(h.store, h.pool, h.projections);
    expect(await snapshotProjections(h.pool, h.projections)).toEqual(live);
    expect(await invoiceNumberingProblems(h.pool)).toEqual([]);
  });
});
