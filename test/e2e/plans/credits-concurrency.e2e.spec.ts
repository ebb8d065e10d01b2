import { randomUUID } from 'node:crypto';
import { CREDIT_SPENDING, CreditSpending } from '../../../src/application/plans/credits.port';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { DomainError } from '../../../src/domain/shared';
import { creditsStream } from '../../../src/domain/plans';
import { startTestApp, TestApp } from '../../support/test-app';

/** Issue 15 "Done when": 20 parallel spends of a balance of 3 credits → exactly 3 succeed. */
describe('credit ledger: exactly-once spends under concurrency (real app, Postgres)', () => {
  let t: TestApp;
  let spending: CreditSpending;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    spending = t.app.get<CreditSpending>(CREDIT_SPENDING);
    admin = await t.tokenFor({ roles: ['admin'] });
  });
  afterAll(async () => t.close());

  async function providerWith(offer: number): Promise<string> {
    const reg = await t.request('POST', '/auth/register', {
      body: {
        email: `credits-${randomUUID().slice(0, 8)}@example.test`,
        password: 'Str0ng!pass',
        displayName: 'Atelier Crédits',
        roles: ['provider'],
      },
    });
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${reg.text}`);
    const accountId: string = reg.body.accountId;
    const bonus = await t.request('POST', `/admin/accounts/${accountId}/credits/bonus`, {
      token: admin,
      body: { credits: { offer }, reason: 'Test de concurrence' },
    });
    if (bonus.status !== 201) throw new Error(`bonus: ${bonus.status} ${bonus.text}`);
    return accountId;
  }

  const spentEvents = async (accountId: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(creditsStream(accountId))).filter(
      (e) => e.type === 'CreditSpent',
    );

  it('given 3 credits, when 20 spends on different projects race, then exactly 3 succeed and 17 get INSUFFICIENT_CREDITS', async () => {
    const accountId = await providerWith(3);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        spending.spend({ accountId, kind: 'offer', subject: { type: 'project', id: `p-${i}` } }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(3);
    expect(won.every((o) => o.status === 'fulfilled' && o.value.spentNow)).toBe(true);
    expect(lost.map((o) => (o.reason as DomainError).code)).toEqual(
      Array(17).fill('INSUFFICIENT_CREDITS'),
    );
    expect(await spentEvents(accountId)).toHaveLength(3);
    expect(await spending.balance(accountId)).toEqual({
      consultation: 0,
      offer: 0,
      direct_contact: 0,
    });

    await t.settle();
    const token = await t.tokenFor({ accountId, roles: ['provider'] });
    const mine = await t.request('GET', '/me/credits', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.balance.offer).toBe(0);
    expect(mine.body.totals.spent.offer).toBe(3);
  });

  it('given 1 credit, when two spends of it race on two projects, then one wins', async () => {
    const accountId = await providerWith(1);
    const outcomes = await Promise.allSettled(
      ['a', 'b'].map((id) =>
        spending.spend({ accountId, kind: 'offer', subject: { type: 'project', id } }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect((lost?.reason as DomainError).code).toBe('INSUFFICIENT_CREDITS');
    expect(await spentEvents(accountId)).toHaveLength(1);
  });

  it('given 3 credits, when 20 spends of the same project race, then one credit is spent and every answer names that spend', async () => {
    const accountId = await providerWith(3);
    const subject = { type: 'project' as const, id: 'same-project' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => spending.spend({ accountId, kind: 'offer', subject })),
    );
    expect(results.filter((r) => r.spentNow)).toHaveLength(1);
    expect(new Set(results.map((r) => r.spendId)).size).toBe(1);
    expect(await spentEvents(accountId)).toHaveLength(1);
    expect((await spending.balance(accountId)).offer).toBe(2);
    expect(await spending.hasSpent(accountId, 'offer', subject)).toBe(true);
  });
});
