import { CommandBus } from '@nestjs/cqrs';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalletCommandMessage } from '../../../src/application/payouts/wallet.messages';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, meta } from './support/helpers';

jest.setTimeout(180_000);

/** Starts the worker process on the test's database and Redis prefix. */
function startWorker(t: TestApp, extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'support/worker-process.ts')],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: t.db.url,
        PG_POOL_SIZE: '4',
        REDIS_URL: t.config.REDIS_URL,
        REDIS_PREFIX: t.config.REDIS_PREFIX,
        PROCESS_ROLES: 'workers',
        SWAGGER_ENABLED: 'false',
        // A dead worker's job is taken over once its lock lapses.
        WORKER_LOCK_DURATION_MS: '2000',
        WORKER_STALLED_INTERVAL_MS: '1000',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker] ${d}`));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('crash of the worker between the gateway accepting a payout and the job finishing', () => {
  let t: TestApp;
  let store: EventStore;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // This process serves the API only; the workers run in child processes.
    t = await startTestApp({ PROCESS_ROLES: 'api' });
    store = t.app.get(EVENT_STORE);
  });
  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t?.close();
  });

  it('after a restart the seller is paid exactly once', async () => {
    const providerId = randomUUID();
    const token = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    await t.app
      .get(CommandBus)
      .execute(
        new WalletCommandMessage(
          providerId,
          {
            type: 'CreditWallet',
            data: {
              providerId,
              creditId: randomUUID(),
              escrowId: randomUUID(),
              amountCents: 8_000,
            },
            meta: meta(new Date(), 'system', 'system'),
          },
          { correlationId: 'crash-test' },
        ),
      );
    const account = await t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'bank', iban: 'FR7630006000011234567890189', holderName: 'Camille Martin' },
    });
    const requested = await t.request('POST', '/wallet/withdrawals', {
      token,
      body: { amountCents: 8_000, accountId: account.body.account.accountId },
    });
    expect(requested.status).toBe(201);
    const payoutId = requested.body.payoutId as string;
    const gatewayPayouts = async () =>
      (
        await t.db.pool.query(
          `SELECT count(*)::int AS n FROM simulated_gateway_operations WHERE operation = 'payout' AND request ->> 'payoutId' = $1`,
          [payoutId],
        )
      ).rows[0].n as number;

    const marker = join(mkdtempSync(join(tmpdir(), 'mk-crash-')), 'accepted.json');
    const crashing = startWorker(t, { CRASH_AFTER_GATEWAY_PAYOUT: marker });
    children.push(crashing);
    const { signal } = await exited(crashing);
    expect(signal).toBe('SIGKILL');
    expect(existsSync(marker)).toBe(true);
    // The gateway paid, but the job never recorded it.
    expect(await gatewayPayouts()).toBe(1);
    expect((await store.readStream(`payout-${payoutId}`)).map((e) => e.type)).toEqual([
      'PayoutRequested',
    ]);

    const restarted = startWorker(t);
    children.push(restarted);
    const types = await eventually(
      async () => {
        const events = (await store.readStream(`payout-${payoutId}`)).map((e) => e.type);
        return events.includes('PayoutSent') ? events : undefined;
      },
      90_000,
      'the restarted worker to finish the payout',
    );
    expect(types).toEqual(['PayoutRequested', 'PayoutSubmitted', 'PayoutSent']);
    expect(await gatewayPayouts()).toBe(1);
    const wallet = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token });
        return res.body.paidOutCents === 8_000 ? res.body : undefined;
      },
      30_000,
      'the wallet to settle',
    );
    expect(wallet).toMatchObject({ availableCents: 0, inTransitCents: 0, paidOutCents: 8_000 });
    restarted.kill('SIGTERM');
    await exited(restarted);
  });
});
