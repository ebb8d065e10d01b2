import { randomUUID } from 'node:crypto';
import { CREDIT_SPENDING, CreditSpending } from '../../../src/application/plans/credits.port';
import { CreditsReactor } from '../../../src/application/plans/credits.reactor';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { creditsStream, subscriptionStream, type CreditAllowance } from '../../../src/domain/plans';
import { DomainError } from '../../../src/domain/shared';
import { startTestApp, TestApp } from '../../support/test-app';

const NONE: CreditAllowance = { consultation: 0, offer: 0, direct_contact: 0 };
const allowance = (c: Partial<CreditAllowance>): CreditAllowance => ({ ...NONE, ...c });
const DAY = 86_400_000;

/** The credit ledger through the real app: subscription facts in the log, the port, the routes. */
describe('credit ledger (issue 15 point 4)', () => {
  let t: TestApp;
  let store: EventStore;
  let spending: CreditSpending;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    spending = t.app.get<CreditSpending>(CREDIT_SPENDING);
    admin = await t.tokenFor({ roles: ['admin'] });
  });
  afterAll(async () => t.close());

  async function provider(): Promise<{ id: string; token: string }> {
    const reg = await t.request('POST', '/auth/register', {
      body: {
        email: `credits-${randomUUID().slice(0, 8)}@example.test`,
        password: 'Str0ng!pass',
        displayName: 'Atelier Crédits',
        roles: ['provider'],
      },
    });
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${reg.text}`);
    return {
      id: reg.body.accountId,
      token: await t.tokenFor({ accountId: reg.body.accountId, roles: ['provider'] }),
    };
  }

  async function append(stream: string, type: string, data: Record<string, unknown>) {
    const id = randomUUID();
    await store.appendToStream(
      stream,
      [
        {
          id,
          type,
          data,
          metadata: {
            correlationId: id,
            causationId: id,
            actorId: 'system',
            actorRole: 'system',
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    await t.settle();
    return id;
  }

  function periodTerms(period: number, credits: Partial<CreditAllowance>) {
    const start = Date.now() + (period - 1) * 30 * DAY;
    return {
      period,
      planVersion: 1,
      priceTtcCents: 2_990,
      periodStartsAt: new Date(start).toISOString(),
      periodEndsAt: new Date(start + 30 * DAY).toISOString(),
      credits: allowance(credits),
      chargeRef: `ch_${randomUUID().slice(0, 8)}`,
    };
  }

  const started = (
    subscriptionId: string,
    accountId: string,
    credits: Partial<CreditAllowance>,
    planKind = 'credits',
  ) =>
    append(subscriptionStream(subscriptionId), 'SubscriptionStarted', {
      ...periodTerms(1, credits),
      subscriptionId,
      accountId,
      planId: 'plan-credits',
      planKind,
      planName: 'Crédits Pro',
      billingPeriod: 'month',
      paymentMethodRef: 'pm_card_visa',
      startedAt: new Date().toISOString(),
    });
  const renewed = (
    subscriptionId: string,
    accountId: string,
    period: number,
    credits: Partial<CreditAllowance>,
    type = 'SubscriptionRenewed',
  ) =>
    append(subscriptionStream(subscriptionId), type, {
      ...periodTerms(period, credits),
      subscriptionId,
      accountId,
      planId: 'plan-credits',
      [type === 'SubscriptionRenewed' ? 'renewedAt' : 'reinstatedAt']: new Date().toISOString(),
    });
  const suspended = (subscriptionId: string, accountId: string) =>
    append(subscriptionStream(subscriptionId), 'SubscriptionSuspended', {
      subscriptionId,
      accountId,
      period: 2,
      reason: 'payment_incident',
      suspendedAt: new Date().toISOString(),
    });

  const mine = async (token: string) => {
    const res = await t.request('GET', '/me/credits', { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const history = async (token: string, query = '') => {
    const res = await t.request('GET', `/me/credits/history${query}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const spend = (
    accountId: string,
    kind: 'offer' | 'consultation' | 'direct_contact',
    project: string,
  ) => spending.spend({ accountId, kind, subject: { type: 'project', id: project } });
  const codeOf = async (p: Promise<unknown>) =>
    p.then(
      () => 'spent',
      (e: DomainError) => e.code,
    );

  it('grants a plan’s allowance at each period start, once per event, and carries unspent credits over', async () => {
    const p = await provider();
    const sub = randomUUID();
    await started(sub, p.id, { consultation: 5, offer: 3, direct_contact: 1 });
    expect((await mine(p.token)).balance).toEqual({ consultation: 5, offer: 3, direct_contact: 1 });

    // A redelivered period start grants nothing twice.
    const [start] = await store.readStream(subscriptionStream(sub));
    await t.app.get(CreditsReactor).handle(start);
    await t.settle();
    expect((await mine(p.token)).balance.offer).toBe(3);

    await spend(p.id, 'offer', 'p-1');
    await spend(p.id, 'offer', 'p-2');
    await renewed(sub, p.id, 2, { consultation: 5, offer: 3, direct_contact: 1 });
    const view = await mine(p.token);
    expect(view.balance).toEqual({ consultation: 10, offer: 4, direct_contact: 2 });
    expect(view.totals.granted).toEqual({ consultation: 10, offer: 6, direct_contact: 2 });
    expect(view.totals.spent).toEqual(allowance({ offer: 2 }));
    expect(view.kinds.find((k: { kind: string }) => k.kind === 'offer')).toMatchObject({
      label: 'Offre',
      balance: 4,
    });
    expect(view.frozen).toBe(false);
    expect(view.carryOver).toMatch(/reportés/);

    const h = await history(p.token, '?kind=offer');
    expect(
      h.items.map((i: { entry: string; amount: number; balanceAfter: number }) => [
        i.entry,
        i.amount,
        i.balanceAfter,
      ]),
    ).toEqual([
      ['grant', 3, 4],
      ['spend', -1, 1],
      ['spend', -1, 2],
      ['grant', 3, 3],
    ]);
    expect(h.items[1]).toMatchObject({
      kindLabel: 'Offre',
      subject: { type: 'project', id: 'p-2' },
      label: 'Crédit utilisé',
    });
    expect(h.items[0]).toMatchObject({ source: 'subscription', subscriptionId: sub, period: 2 });
  });

  it('grants nothing for a zero allowance (a Pro subscription)', async () => {
    const p = await provider();
    await started(randomUUID(), p.id, {}, 'pro');
    expect(await t.app.get<EventStore>(EVENT_STORE).streamRevision(creditsStream(p.id))).toBeNull();
    expect((await mine(p.token)).balance).toEqual(NONE);
  });

  it('spends once per kind and subject: the same spend again returns the first', async () => {
    const p = await provider();
    await started(randomUUID(), p.id, { offer: 2, consultation: 1 });
    const first = await spend(p.id, 'offer', 'p-1');
    const again = await spend(p.id, 'offer', 'p-1');
    expect(first.spentNow).toBe(true);
    expect(again).toEqual({
      spendId: first.spendId,
      spentNow: false,
      balance: allowance({ offer: 1, consultation: 1 }),
    });
    expect((await spend(p.id, 'consultation', 'p-1')).spentNow).toBe(true);
    await spend(p.id, 'offer', 'p-2');
    expect(await codeOf(spend(p.id, 'offer', 'p-3'))).toBe('INSUFFICIENT_CREDITS');
  });

  it('freezes the credits on a payment incident, keeps the balance, and unfreezes at reinstatement', async () => {
    const p = await provider();
    const sub = randomUUID();
    await started(sub, p.id, { offer: 3 });
    await suspended(sub, p.id);
    const frozen = await mine(p.token);
    expect(frozen).toMatchObject({ frozen: true, balance: allowance({ offer: 3 }) });
    expect(frozen.frozenSince).toEqual(expect.any(String));
    expect(await codeOf(spend(p.id, 'offer', 'p-1'))).toBe('CREDITS_FROZEN');
    expect((await history(p.token)).items[0]).toMatchObject({
      entry: 'freeze',
      kind: null,
      reason: 'payment_incident',
    });

    await renewed(sub, p.id, 2, { offer: 3 }, 'SubscriptionReinstated');
    const back = await mine(p.token);
    expect(back).toMatchObject({
      frozen: false,
      frozenSince: null,
      balance: allowance({ offer: 6 }),
    });
    expect(
      (await history(p.token)).items.slice(0, 2).map((i: { entry: string }) => i.entry),
    ).toEqual(['grant', 'unfreeze']);
    expect((await spend(p.id, 'offer', 'p-1')).spentNow).toBe(true);
  });

  it('unfreezes when a renewal goes through after the incident', async () => {
    const p = await provider();
    const sub = randomUUID();
    await started(sub, p.id, { offer: 1 });
    await suspended(sub, p.id);
    expect((await mine(p.token)).frozen).toBe(true);
    await renewed(sub, p.id, 2, { offer: 1 });
    expect(await mine(p.token)).toMatchObject({ frozen: false, balance: allowance({ offer: 2 }) });
  });

  it('does not freeze the credits when a Pro subscription is suspended', async () => {
    const p = await provider();
    await started(randomUUID(), p.id, { offer: 2 });
    const pro = randomUUID();
    await started(pro, p.id, {}, 'pro');
    await suspended(pro, p.id);
    expect((await mine(p.token)).frozen).toBe(false);
  });

  it('leaves the credits usable after a cancellation (they were paid for)', async () => {
    const p = await provider();
    const sub = randomUUID();
    await started(sub, p.id, { offer: 1 });
    await append(subscriptionStream(sub), 'SubscriptionCancelled', {
      subscriptionId: sub,
      accountId: p.id,
      planKind: 'credits',
      reason: 'owner_request',
      cancelledBy: p.id,
      endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
      cancelledAt: new Date().toISOString(),
    });
    expect((await spend(p.id, 'offer', 'p-1')).spentNow).toBe(true);
  });

  it('lets an admin refund a spend once, with its reason; the credit comes back', async () => {
    const p = await provider();
    await started(randomUUID(), p.id, { offer: 1 });
    const { spendId } = await spend(p.id, 'offer', 'p-1');
    const url = `/admin/accounts/${p.id}/credits/refunds`;
    const body = {
      spendId,
      reason: 'project_no_longer_current',
      note: 'Projet clos par le client',
    };

    const finance = await t.tokenFor({ roles: ['finance'] });
    expect((await t.request('POST', url, { token: finance, body })).status).toBe(403);

    const res = await t.request('POST', url, { token: admin, body, idempotencyKey: 'refund-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      spendId,
      kind: 'offer',
      reason: 'project_no_longer_current',
      subject: { type: 'project', id: 'p-1' },
    });
    expect(res.body.ledger.balance.offer).toBe(1);
    const replay = await t.request('POST', url, { token: admin, body, idempotencyKey: 'refund-1' });
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const twice = await t.request('POST', url, {
      token: admin,
      body: { ...body, reason: 'spent_twice' },
    });
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'CREDIT_ALREADY_REFUNDED',
    });
    const unknown = await t.request('POST', url, {
      token: admin,
      body: { ...body, spendId: randomUUID() },
    });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'CREDIT_SPEND_NOT_FOUND',
    });
    const noNote = await t.request('POST', url, {
      token: admin,
      body: { spendId, reason: 'other' },
    });
    expect(noNote.status).toBe(400);
    const badReason = await t.request('POST', url, {
      token: admin,
      body: { spendId, reason: 'because' },
    });
    expect(badReason.status).toBe(400);

    // Refunded, the project can be spent on again.
    expect(await spending.hasSpent(p.id, 'offer', { type: 'project', id: 'p-1' })).toBe(false);
    const again = await spend(p.id, 'offer', 'p-1');
    expect(again.spentNow).toBe(true);
    expect(again.spendId).not.toBe(spendId);

    await t.settle();
    const h = await history(p.token);
    expect(h.items.map((i: { entry: string }) => i.entry)).toEqual([
      'spend',
      'refund',
      'spend',
      'grant',
    ]);
    expect(h.items[1]).toMatchObject({
      reason: 'project_no_longer_current',
      note: 'Projet clos par le client',
      spendId,
    });
    const view = await mine(p.token);
    expect(view.totals.refunded.offer).toBe(1);
  });

  it('lets an admin grant bonus credits with a reason, once per Idempotency-Key', async () => {
    const p = await provider();
    const url = `/admin/accounts/${p.id}/credits/bonus`;
    const body = { credits: { direct_contact: 2 }, reason: 'Article promouvant la plateforme' };
    const res = await t.request('POST', url, { token: admin, body, idempotencyKey: 'bonus-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      credits: allowance({ direct_contact: 2 }),
      reason: body.reason,
    });
    expect(res.body.ledger.balance.direct_contact).toBe(2);
    await t.request('POST', url, { token: admin, body, idempotencyKey: 'bonus-1' });
    await t.settle();
    expect((await mine(p.token)).balance.direct_contact).toBe(2);
    expect((await history(p.token)).items[0]).toMatchObject({
      entry: 'bonus',
      source: 'bonus',
      reason: body.reason,
      label: 'Crédits offerts',
    });

    for (const bad of [
      { credits: {}, reason: 'x' },
      { credits: { offer: 0 }, reason: 'x' },
      { credits: { offer: 1001 }, reason: 'x' },
      { credits: { offer: -1 }, reason: 'x' },
      { credits: { offer: 1 } },
      { credits: { offer: 1 }, reason: '' },
      { credits: { offer: 1 }, reason: 'x'.repeat(201) },
      { credits: { tokens: 1 }, reason: 'x' },
    ]) {
      const refused = await t.request('POST', url, { token: admin, body: bad });
      expect({ bad, status: refused.status }).toEqual({ bad, status: 400 });
    }
    const nobody = await t.request('POST', `/admin/accounts/${randomUUID()}/credits/bonus`, {
      token: admin,
      body,
    });
    expect({ status: nobody.status, code: nobody.body.code }).toEqual({
      status: 404,
      code: 'ACCOUNT_NOT_FOUND',
    });
    const provider2 = await t.request('POST', url, { token: p.token, body });
    expect(provider2.status).toBe(403);
  });

  it('forfeits what is left when the account is closed', async () => {
    const p = await provider();
    await started(randomUUID(), p.id, { offer: 3, consultation: 2 });
    await spend(p.id, 'offer', 'p-1');
    await append(`account-${p.id}`, 'AccountClosed', {
      accountId: p.id,
      closedAt: new Date().toISOString(),
    });
    const view = await mine(p.token);
    expect(view).toMatchObject({ closed: true, balance: NONE });
    expect(view.totals.forfeited).toEqual(allowance({ offer: 2, consultation: 2 }));
    expect(
      (await history(p.token)).items.filter((i: { entry: string }) => i.entry === 'forfeit'),
    ).toHaveLength(2);
    expect(await codeOf(spend(p.id, 'consultation', 'p-9'))).toBe('CREDITS_ACCOUNT_CLOSED');
    const bonus = await t.request('POST', `/admin/accounts/${p.id}/credits/bonus`, {
      token: admin,
      body: { credits: { offer: 1 }, reason: 'Geste commercial' },
    });
    expect({ status: bonus.status, code: bonus.body.code }).toEqual({
      status: 409,
      code: 'CREDITS_ACCOUNT_CLOSED',
    });
  });

  it('shows each provider their own credits; staff read any account’s, history paged by cursor', async () => {
    const p = await provider();
    const other = await provider();
    await started(randomUUID(), p.id, { consultation: 3, offer: 2, direct_contact: 2 });
    for (const id of ['a', 'b', 'c']) await spend(p.id, 'consultation', id);
    await t.settle();
    expect((await mine(other.token)).balance).toEqual(NONE);
    expect((await history(other.token)).items).toEqual([]);

    for (const role of ['admin', 'finance', 'mediator'] as const) {
      const token = await t.tokenFor({ roles: [role] });
      const res = await t.request('GET', `/admin/accounts/${p.id}/credits`, { token });
      expect(res.status).toBe(200);
      expect(res.body.balance).toEqual({ consultation: 0, offer: 2, direct_contact: 2 });
    }
    const client = await t.tokenFor({ roles: ['client'] });
    expect((await t.request('GET', '/me/credits', { token: client })).status).toBe(403);

    const first = await t.request('GET', `/admin/accounts/${p.id}/credits/history?limit=2`, {
      token: admin,
    });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.request(
      'GET',
      `/admin/accounts/${p.id}/credits/history?limit=10&cursor=${first.body.nextCursor}`,
      { token: admin },
    );
    const all = [...first.body.items, ...second.body.items];
    expect(second.body.nextCursor).toBeNull();
    expect(all.map((i: { entry: string; kind: string }) => `${i.entry}:${i.kind}`)).toEqual([
      'spend:consultation',
      'spend:consultation',
      'spend:consultation',
      'grant:direct_contact',
      'grant:offer',
      'grant:consultation',
    ]);
    expect(
      (await t.request('GET', '/me/credits/history?limit=500', { token: p.token })).status,
    ).toBe(400);
    expect(
      (await t.request('GET', '/me/credits/history?kind=gold', { token: p.token })).status,
    ).toBe(400);
    expect(
      (await t.request('GET', '/me/credits/history?cursor=abc', { token: p.token })).status,
    ).toBe(400);
    expect(
      (await t.request('GET', '/admin/accounts/not-a-uuid/credits', { token: admin })).status,
    ).toBe(400);
  });
});
