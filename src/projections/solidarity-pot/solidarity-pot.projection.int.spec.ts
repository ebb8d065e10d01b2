import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '../../infrastructure/event-store/postgres/postgres-event-store';
import { snapshotProjections } from '../../../test/e2e/read-models/support/harness';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import {
  closedEvent,
  MONTH,
  RESTOS,
  SECOURS,
} from '../../domain/solidarity/solidarity-pot.fixtures.spec';
import { ProjectionRunner } from '../runner/projection-runner';
import { rebuildProjections } from '../runner/rebuild';
import { SolidarityPotProjection } from './solidarity-pot.projection';
import {
  currentPartners,
  monthlyReport,
  monthsKeptInWallet,
  voteOf,
  voterQualifiedAt,
} from './solidarity-pot.queries';

describe('solidarity_pot read model, on real events', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  const projections = () => [new SolidarityPotProjection()];
  const append = async (stream: string, type: string, data: unknown, occurredAt: string) =>
    store.appendToStream(stream, [{ id: randomUUID(), type, data, metadata: { occurredAt } }], {
      expectedRevision: 'any',
    });
  const grant = (associationId: string, name: string, at: string) =>
    append(
      `partnership-${associationId}`,
      'AssociationPartnershipGranted',
      { associationId, name, note: null, grantedBy: 'admin', grantedAt: at },
      at,
    );

  beforeAll(async () => {
    db = await createTestDatabase('mk_solidarity_pot');
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new PostgresEventStore(pool, { connectionString: db.url, pollIntervalMs: 50 });
    runner = new ProjectionRunner(store, pool, projections(), { batchSize: 3 });
    runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await pool.end();
    await db.drop();
  });

  it('folds partners, eligibility, votes and the report with what became of each share', async () => {
    await grant(RESTOS, 'Les Restos du Cœur', '2026-10-01T08:00:00.000Z');
    await grant(SECOURS, 'Secours populaire', '2026-10-01T08:00:00.000Z');
    await grant('acc_gone', 'Partie', '2026-10-01T08:00:00.000Z');
    await append(
      'partnership-acc_gone',
      'AssociationPartnershipEnded',
      {
        associationId: 'acc_gone',
        reason: 'dissolved',
        endedBy: 'admin',
        endedAt: '2026-11-02T08:00:00.000Z',
      },
      '2026-11-02T08:00:00.000Z',
    );
    // The first qualifying fact counts, whichever arrives first.
    await append(
      'mission-m2',
      'MissionValidated',
      {
        missionId: 'm2',
        clientId: 'acc_voter',
        providerId: 'p',
        validatedBy: 'client',
        priceCents: 1,
        commissionCents: 0,
        providerNetCents: 1,
        validatedAt: '2026-11-10T08:00:00.000Z',
      },
      '2026-11-10T08:00:00.000Z',
    );
    await append(
      'order-o1',
      'OrderCompleted',
      {
        orderId: 'o1',
        escrowId: 'e',
        buyerId: 'acc_voter',
        sellerId: 's',
        completedAt: '2026-11-05T08:00:00.000Z',
        auto: false,
        amountCents: 1,
        commissionCents: 0,
      },
      '2026-11-05T08:00:00.000Z',
    );
    for (const [associationId, prev] of [
      [RESTOS, null],
      [SECOURS, RESTOS],
    ])
      await append(
        `ballot-${MONTH}`,
        'SolidarityVoteCast',
        {
          month: MONTH,
          voterId: 'acc_voter',
          associationId,
          previousAssociationId: prev,
          castAt: '2026-11-12T08:00:00.000Z',
        },
        '2026-11-12T08:00:00.000Z',
      );
    const stream = `solidarity_month-${MONTH}`;
    const at = '2026-12-01T00:00:01.000Z';
    await append(stream, 'SolidarityMonthClosed', closedEvent().data, at);
    for (const associationId of [RESTOS, SECOURS])
      await append(
        stream,
        'SolidarityShareCredited',
        { month: MONTH, associationId, amountCents: 1, creditId: 'c', creditedAt: at },
        at,
      );
    await append(
      stream,
      'SolidarityShareKeptInWallet',
      {
        month: MONTH,
        associationId: SECOURS,
        amountCents: 1_667,
        reason: 'NO_WITHDRAWAL_ACCOUNT',
        at,
      },
      at,
    );
    // The payout is sent before its request is projected: the report still ends as paid.
    await append(
      'payout-po1',
      'PayoutSent',
      { payoutId: 'po1', providerId: RESTOS, amountCents: 3_333 },
      at,
    );
    await append(
      stream,
      'SolidaritySharePayoutRequested',
      {
        month: MONTH,
        associationId: RESTOS,
        amountCents: 3_333,
        payoutId: 'po1',
        accountId: 'main',
        requestedAt: at,
      },
      at,
    );
    await runner.caughtUp();

    expect(await currentPartners(pool)).toEqual([
      { associationId: RESTOS, name: 'Les Restos du Cœur' },
      { associationId: SECOURS, name: 'Secours populaire' },
    ]);
    expect(await voterQualifiedAt(pool, 'acc_voter')).toBe('2026-11-05T08:00:00.000Z');
    expect(await voterQualifiedAt(pool, 'acc_nobody')).toBeNull();
    expect(await voteOf(pool, MONTH, 'acc_voter')).toEqual({
      associationId: SECOURS,
      associationName: 'Secours populaire',
      castAt: '2026-11-12T08:00:00.000Z',
    });
    const report = await monthlyReport(pool, MONTH);
    expect(report).toMatchObject({
      month: MONTH,
      potCents: 5_000,
      distributedCents: 5_000,
      rule: 'votes',
    });
    expect(report?.associations).toEqual([
      {
        associationId: RESTOS,
        name: 'Les Restos du Cœur',
        votes: 2,
        amountCents: 3_333,
        status: 'paid',
        paid: true,
      },
      {
        associationId: SECOURS,
        name: 'Secours populaire',
        votes: 1,
        amountCents: 1_667,
        status: 'in_wallet',
        paid: false,
      },
    ]);
    expect(await monthsKeptInWallet(pool, SECOURS)).toEqual([MONTH]);
    expect(await monthlyReport(pool, '2026-10')).toBeNull();
  });

  it('rebuilds to the same rows', async () => {
    const before = await snapshotProjections(pool, projections());
    await runner.stop();
    await rebuildProjections(store, pool, projections());
    expect(await snapshotProjections(pool, projections())).toEqual(before);
    runner = new ProjectionRunner(store, pool, projections(), { batchSize: 3 });
    runner.start();
    await runner.caughtUp();
  });
});
