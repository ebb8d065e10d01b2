import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { WalletCommandMessage } from '../../../src/application/payouts/wallet.messages';
import {
  MISSION_PAYMENTS,
  MissionPayments,
} from '../../../src/application/missions/mission-payments.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { divideHalfEven } from '../../../src/domain/shared/money';
import { monthEnd, parisMonthOf, previousMonth } from '../../../src/domain/solidarity';
import {
  appendMissionEvents,
  missionConfirmed,
  missionRequested,
  missionValidated,
} from '../../support/mission-events';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually } from '../workers/support/helpers';
import { deliveredOrder, party, publishedGig } from '../orders/marketplace-fixtures';

/**
 * Issue 18, points 4–6 on the test clock: a month of orders and missions, votes, the close run by
 * the calendar job at the first instant of the next Paris month, the payouts, the published
 * report; the close run again (by staff) changes nothing.
 */
describe('the monthly solidarity pot on the test clock', () => {
  let t: TestApp;
  let admin: string;
  let store: EventStore;
  const restos = `assoc-${randomUUID()}`;
  const secours = `assoc-${randomUUID()}`;

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK_ENABLED: 'true' });
    admin = await t.tokenFor({ roles: ['admin'] });
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.close());

  const grant = async (associationId: string, name: string) =>
    store.appendToStream(
      `partnership-${associationId}`,
      [
        {
          id: randomUUID(),
          type: 'AssociationPartnershipGranted',
          data: {
            associationId,
            name,
            note: null,
            grantedBy: 'seed-admin',
            grantedAt: new Date().toISOString(),
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  const registerBank = (associationId: string) =>
    t.app.get(CommandBus).execute(
      new WalletCommandMessage(
        associationId,
        {
          type: 'RegisterWithdrawalAccount',
          data: {
            providerId: associationId,
            accountId: 'main',
            kind: 'bank',
            iban: 'FR7630006000011234567890189',
            holderName: 'Association',
          },
          meta: { now: new Date().toISOString(), actorId: associationId, actorRole: 'association' },
        },
        { correlationId: randomUUID() },
      ),
    );
  const vote = (token: string, associationId: string) =>
    t.request('POST', '/solidarity/votes', {
      token,
      body: { associationId },
      idempotencyKey: randomUUID(),
    });
  const revenueLines = async (month: string) => {
    const { rows } = await t.db.pool.query(
      `SELECT l.account, sum(l.credit_cents - l.debit_cents)::bigint AS net
         FROM journal_entries e JOIN journal_lines l USING (entry_id)
        WHERE e.paris_month = $1 GROUP BY l.account`,
      [month],
    );
    return Object.fromEntries(rows.map((r) => [r.account, Number(r.net)]));
  };
  const balances = async () => {
    const { rows } = await t.db.pool.query(
      `SELECT account, party_id, sum(debit_cents - credit_cents)::bigint AS balance
         FROM journal_lines WHERE account IN ('solidarity_expense', 'association_payable')
        GROUP BY account, party_id`,
    );
    return rows.map((r) => ({
      account: r.account,
      partyId: r.party_id,
      balance: Number(r.balance),
    }));
  };

  it('shares 5 % of the month’s revenue by the votes, pays the associations and publishes the report', async () => {
    const now = new Date();
    const month = parisMonthOf(now.toISOString());
    await grant(restos, 'Les Restos du Cœur');
    await grant(secours, 'Secours populaire');
    await registerBank(restos);

    // A month of business: an order completed by its buyer, a mission validated by its client.
    const seller = await party(t, 'provider');
    const buyer = await party(t, 'client');
    const gigId = await publishedGig(t, seller);
    const orderId = await deliveredOrder(t, buyer, seller, gigId);
    const accepted = await t.request('POST', `/orders/${orderId}/accept`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
    });
    expect(accepted.status).toBe(200);

    const m = missionRequested({ now: new Date(now.getTime() - 60_000), startsInDays: 1 });
    const { paymentMethodRef } = await t.app.get<MissionPayments>(MISSION_PAYMENTS).secure({
      missionId: m.missionId,
      escrowId: m.escrowId,
      clientId: m.clientId,
      amountCents: m.requested.data.reservedCents,
      paymentMethod: 'pm_card_visa',
      plan: m.requested.data.paymentPlan,
      idempotencyKey: randomUUID(),
    });
    m.requested.data.paymentMethodRef = paymentMethodRef;
    await appendMissionEvents(t, m.missionId, [m.requested]);
    await t.settle();
    await appendMissionEvents(t, m.missionId, [
      missionConfirmed(m, new Date(now.getTime() - 30_000)),
      missionValidated(m, new Date(now.getTime() - 10_000)),
    ]);
    await t.settle();
    const client = {
      id: m.clientId,
      token: await t.tokenFor({ accountId: m.clientId, roles: ['client'] }),
    };
    await eventually(
      async () => (await revenueLines(month)).commission_revenue > 0,
      20_000,
      'the commissions in the ledger',
    );

    // Votes: eligible accounts, one each, changeable; the others are refused.
    const stranger = await party(t, 'client');
    const refused = await vote(stranger.token, restos);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'NOT_ELIGIBLE_TO_VOTE',
    });
    const notPartner = await vote(buyer.token, `assoc-${randomUUID()}`);
    expect({ status: notPartner.status, code: notPartner.body.code }).toEqual({
      status: 422,
      code: 'ASSOCIATION_NOT_PARTNER',
    });
    expect((await vote(buyer.token, restos)).body).toEqual({
      month,
      associationId: restos,
      changed: true,
    });
    expect((await vote(client.token, restos)).status).toBe(200);
    expect((await vote(client.token, secours)).body).toMatchObject({ changed: true });
    expect((await vote(client.token, secours)).body).toMatchObject({ changed: false });
    await t.settle();
    const mine = await t.request('GET', '/me/solidarity/vote', { token: client.token });
    expect(mine.body).toMatchObject({
      month,
      closesAt: monthEnd(month),
      eligible: true,
      vote: { associationId: secours, associationName: 'Secours populaire' },
    });
    expect(
      (await t.request('GET', '/me/solidarity/vote', { token: stranger.token })).body,
    ).toMatchObject({ eligible: false, vote: null });
    const early = await t.request('GET', `/solidarity/reports/${month}`);
    expect(early.status).toBe(404);

    // The calendar: at the first instant of the next Paris month the close job runs.
    const lines = await revenueLines(month);
    const revenue =
      (lines.commission_revenue ?? 0) +
      (lines.payout_fee_revenue ?? 0) +
      (lines.subscription_revenue ?? 0) +
      (lines.hour_pack_revenue ?? 0) +
      (lines.hour_pack_missions ?? 0);
    const pot = Number(divideHalfEven(BigInt(revenue) * 500n, 10_000n));
    expect(pot).toBeGreaterThan(0);
    const advanced = await t.request('POST', '/admin/test-clock/advance', {
      token: admin,
      body: { to: monthEnd(month) },
    });
    expect(advanced.status).toBe(200);
    await eventually(
      async () => (await t.request('GET', `/solidarity/reports/${month}`)).status === 200,
      30_000,
      'the monthly close',
    );
    await eventually(
      async () => {
        const r = await t.request('GET', `/solidarity/reports/${month}`);
        return (
          r.body.associations.every((a: { status: string }) =>
            ['paid', 'in_wallet'].includes(a.status),
          ) && r.body.associations.some((a: { status: string }) => a.status === 'paid')
        );
      },
      30_000,
      'the payouts',
    );
    const report = (await t.request('GET', `/solidarity/reports/${month}`)).body;
    const half = Number(divideHalfEven(BigInt(pot), 2n));
    const [first, second] = [restos, secours].sort();
    const expectedShare = (id: string) => (id === first ? half : pot - half);
    expect(report).toMatchObject({
      month,
      revenueCents: revenue,
      rateBp: 500,
      potCents: pot,
      carriedInCents: 0,
      distributedCents: pot,
      carriedOverCents: 0,
      rule: 'votes',
      votesCounted: 2,
      votesVoid: 0,
    });
    expect(
      [...report.associations].sort((a: { associationId: string }, b: { associationId: string }) =>
        a.associationId < b.associationId ? -1 : 1,
      ),
    ).toEqual(
      [first, second].map((id) => ({
        associationId: id,
        name: id === restos ? 'Les Restos du Cœur' : 'Secours populaire',
        votes: 1,
        amountCents: expectedShare(id),
        // Secours populaire has no withdrawal account: its share stays in its wallet.
        status: id === restos ? 'paid' : 'in_wallet',
        paid: id === restos,
      })),
    );
    const list = await t.request('GET', '/solidarity/reports');
    expect(list.body.items.map((r: { month: string }) => r.month)).toEqual([month]);

    // Closed by the calendar job, not by a person.
    const [closed] = await store.readStream(`solidarity_month-${month}`, { maxCount: 1 });
    expect(closed).toMatchObject({ type: 'SolidarityMonthClosed', revision: 0n });
    expect(closed.data).toMatchObject({ closedBy: 'system' });
    const closedAt = Date.parse((closed.data as { closedAt: string }).closedAt);
    expect(closedAt).toBeGreaterThanOrEqual(Date.parse(monthEnd(month)));
    expect(closedAt).toBeLessThan(Date.parse(monthEnd(month)) + 60_000);

    // The votes are frozen: the ballot is closed.
    const ballot = await store.readStream(`ballot-${month}`);
    expect(ballot.map((e) => e.type).slice(-1)).toEqual(['SolidarityBallotClosed']);

    // The ledger: expense → association payable → the wallet; everything balances.
    expect(await balances()).toEqual(
      expect.arrayContaining([
        { account: 'solidarity_expense', partyId: null, balance: pot },
        { account: 'association_payable', partyId: restos, balance: 0 },
        { account: 'association_payable', partyId: secours, balance: 0 },
      ]),
    );
    const { rows: unbalanced } = await t.db.pool.query(
      `SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit_cents) <> sum(credit_cents)`,
    );
    expect(unbalanced).toEqual([]);

    // The close again (staff): nothing changes.
    const monthEvents = (await store.readStream(`solidarity_month-${month}`)).length;
    const entries = Number(
      (await t.db.pool.query(`SELECT count(*) AS n FROM journal_entries`)).rows[0].n,
    );
    const again = await t.request('POST', `/admin/solidarity/months/${month}/close`, {
      token: admin,
      idempotencyKey: randomUUID(),
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ month, closedNow: false, potCents: pot, rule: 'votes' });
    await t.settle();
    expect((await store.readStream(`solidarity_month-${month}`)).length).toBe(monthEvents);
    expect(
      Number((await t.db.pool.query(`SELECT count(*) AS n FROM journal_entries`)).rows[0].n),
    ).toBe(entries);

    // Secours populaire registers an account: its share kept in the wallet is paid out.
    await registerBank(secours);
    await eventually(
      async () => {
        const r = await t.request('GET', `/solidarity/reports/${month}`);
        return r.body.associations.every((a: { status: string }) => a.status === 'paid');
      },
      30_000,
      'the payout of the share kept in the wallet',
    );
  }, 120_000);

  it('refuses to close a month that is not over, and answers 400 on a malformed month', async () => {
    const now = (await t.request('GET', '/admin/test-clock', { token: admin })).body.now as string;
    const current = parisMonthOf(now);
    const res = await t.request('POST', `/admin/solidarity/months/${current}/close`, {
      token: admin,
      idempotencyKey: randomUUID(),
    });
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 409,
      code: 'SOLIDARITY_MONTH_NOT_OVER',
    });
    const bad = await t.request('GET', '/solidarity/reports/2026-13');
    expect({ status: bad.status, code: bad.body.code }).toEqual({
      status: 400,
      code: 'SOLIDARITY_INVALID_FIELD',
    });
  });

  it('closes a past month once when staff ask several times at once', async () => {
    const now = (await t.request('GET', '/admin/test-clock', { token: admin })).body.now as string;
    const past = previousMonth(previousMonth(parisMonthOf(now)));
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        t.request('POST', `/admin/solidarity/months/${past}/close`, {
          token: admin,
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.body.closedNow)).toHaveLength(1);
    const events = await store.readStream(`solidarity_month-${past}`);
    expect(events.map((e) => e.type)).toEqual(['SolidarityMonthClosed']);
    await t.settle();
    // No partner is missing here: the two partners share equally a pot of 0 (no revenue that month).
    const report = await t.request('GET', `/solidarity/reports/${past}`);
    expect(report.body).toMatchObject({
      month: past,
      revenueCents: 0,
      potCents: 0,
      rule: 'equal_shares',
    });
  });
});
