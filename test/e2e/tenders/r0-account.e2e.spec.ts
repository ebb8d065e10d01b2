import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { projectEscrowId } from '../../../src/application/tenders/tender-ids';
import type { ProjectFormula } from '../../../src/domain/tenders';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';
import { account, Account } from '../disputes/dispute-fixtures';
import { seedVerifiedProvider } from '../orders/marketplace-fixtures';
import { registerAccount } from '../workers/support/helpers';

jest.setTimeout(180_000);

const AGREED = 500_000;

/**
 * A project written straight to its stream as the projects context would: posted by `client`,
 * `provider` selected with the terms, then the terms confirmed (signed) unless `stage` stops at
 * the selection.
 */
async function signedProject(
  t: TestApp,
  client: Account,
  provider: Account,
  formula: ProjectFormula = 'r0',
  stage: 'selected' | 'signed' = 'signed',
): Promise<string> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const projectId = randomUUID();
  const at = new Date().toISOString();
  const terms = { amountCents: AGREED, delayDays: 60, formula, feePayer: 'client' as const };
  const append = (type: string, data: unknown, actorId: string, actorRole: string) =>
    store.appendToStream(`project-${projectId}`, [
      {
        id: randomUUID(),
        type,
        data,
        metadata: { actorId, actorRole, correlationId: projectId, occurredAt: at },
      },
    ]);
  await append(
    'ProjectPosted',
    {
      projectId,
      clientId: client.id,
      title: 'Refonte du site vitrine',
      description: 'Un site vitrine de cinq pages avec formulaire de contact.',
      category: 'developpement-web',
      budgetMinCents: 300_000,
      budgetMaxCents: 600_000,
      wishedDeadline: '2027-03-01',
      attachmentFileIds: [],
      postedAt: at,
    },
    client.id,
    'client',
  );
  await append(
    'ProjectProviderSelected',
    {
      projectId,
      clientId: client.id,
      providerId: provider.id,
      offerId: randomUUID(),
      terms,
      selectedAt: at,
    },
    client.id,
    'client',
  );
  if (stage === 'signed')
    await append(
      'ProjectTermsConfirmed',
      {
        projectId,
        clientId: client.id,
        providerId: provider.id,
        terms,
        fees: { finderFeeCents: 25_000, r0OptionCents: formula === 'r0' ? 9_900 : 0 },
        confirmedAt: at,
      },
      provider.id,
      'provider',
    );
  return projectId;
}

/**
 * Issue 17, point 5 (seed 003 "Formule R0"): the client funds the project's internal account in
 * two tranches (the provider e-mailed each time), both read "gestion paiements", one tranche is
 * released, funding past the agreed amount is refused, then a dispute freezes the account and the
 * SMA's decision distributes what the account held, never more.
 */
describe('tenders: the R0 account of a project, funded by tranches, released, disputed', () => {
  let t: TestApp;
  let client: Account;
  let provider: Account;
  let stranger: Account;
  let mediator: Account;
  let admin: string;
  let projectId: string;
  let escrowId: string;
  let first: string;
  let second: string;

  const ok = <T extends TestResponse>(res: T, status = 200): T => {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    return res;
  };
  const fund = (
    body: { amountCents: number; label: string; paymentMethodId?: string },
    key = randomUUID(),
    who = client,
    project = projectId,
  ) =>
    t.request('POST', `/projects/${project}/account/tranches`, {
      token: who.token,
      body: { paymentMethodId: 'pm_card_visa', ...body },
      idempotencyKey: key,
    });
  const release = (trancheId: string, who = client) =>
    t.request('POST', `/projects/${projectId}/account/tranches/${trancheId}/release`, {
      token: who.token,
      idempotencyKey: randomUUID(),
    });
  const accountOf = (who: Account) =>
    t.request('GET', `/projects/${projectId}/account`, { token: who.token });
  const fundingOps = async () =>
    (
      await t.db.pool.query<{ operation: string; idempotency_key: string }>(
        `SELECT operation, idempotency_key FROM simulated_gateway_operations
          WHERE request ->> 'escrowId' = $1 ORDER BY created_at, idempotency_key`,
        [escrowId],
      )
    ).rows;
  const escrowEvents = async () =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(`escrow-${escrowId}`)).map((e) => ({
      type: e.type,
      data: e.data as Record<string, unknown>,
    }));

  beforeAll(async () => {
    t = await startTestApp();
    client = await account(t, 'client');
    // A registered provider, so the funding e-mails find their address.
    const providerId = await registerAccount(t, ['provider']);
    await seedVerifiedProvider(t, providerId);
    provider = {
      id: providerId,
      token: await t.tokenFor({ accountId: providerId, roles: ['provider'] }),
    };
    stranger = await account(t, 'provider');
    mediator = await account(t, 'mediator');
    admin = await t.tokenFor({ roles: ['admin'] });
    projectId = await signedProject(t, client, provider);
    escrowId = projectEscrowId(projectId);
  });
  afterAll(async () => t?.close());

  it('opens only on a signed R0 project: a base-formula or unsigned project has no account', async () => {
    const base = await signedProject(t, client, provider, 'base');
    const refused = await fund({ amountCents: 1_000, label: 'Acompte' }, undefined, client, base);
    expect([refused.status, refused.body.code]).toEqual([422, 'PROJECT_ACCOUNT_NOT_R0']);
    const unsigned = await signedProject(t, client, provider, 'r0', 'selected');
    const early = await fund({ amountCents: 1_000, label: 'Acompte' }, undefined, client, unsigned);
    expect([early.status, early.body.code]).toEqual([409, 'PROJECT_ACCOUNT_NOT_SIGNED']);
    const byOther = await t.request('POST', `/projects/${projectId}/account/tranches`, {
      token: (await account(t, 'client')).token,
      body: { amountCents: 1_000, label: 'Acompte', paymentMethodId: 'pm_card_visa' },
    });
    expect([byOther.status, byOther.body.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
  });

  it('a declined card funds nothing; a bank transfer is not accepted', async () => {
    const declined = await fund({
      amountCents: 150_000,
      label: 'Maquettes',
      paymentMethodId: 'pm_card_declined',
    });
    expect([declined.status, declined.body.code]).toEqual([422, 'PAYMENT_DECLINED']);
    const wire = await fund({
      amountCents: 150_000,
      label: 'Maquettes',
      paymentMethodId: 'bank_transfer',
    });
    expect([wire.status, wire.body.code]).toEqual([422, 'PAYMENT_METHOD_NOT_ACCEPTED']);
    expect(await fundingOps()).toEqual([]);
    expect(ok(await accountOf(provider)).body).toMatchObject({
      agreedCents: AGREED,
      fundedCents: 0,
      heldCents: 0,
      unfundedCents: AGREED,
      tranches: [],
    });
  });

  it('funds two tranches: charged once each, the provider e-mailed twice, gestion paiements right', async () => {
    const key = randomUUID();
    const one = ok(await fund({ amountCents: 150_000, label: 'Maquettes' }, key), 201);
    expect(one.body).toMatchObject({
      fundedCents: 150_000,
      heldCents: 150_000,
      unfundedCents: 350_000,
      tranches: [{ label: 'Maquettes', amountCents: 150_000, status: 'funded' }],
    });
    first = one.body.tranches[0].trancheId;
    // The same request again: the same tranche, no second charge.
    const again = ok(await fund({ amountCents: 150_000, label: 'Maquettes' }, key), 201);
    expect(again.body.fundedCents).toBe(150_000);
    const two = ok(await fund({ amountCents: 200_000, label: 'Développement' }), 201);
    second = two.body.tranches[1].trancheId;
    expect((await fundingOps()).map((o) => o.operation)).toEqual(['fund_escrow', 'fund_escrow']);

    const told = ok(
      await t.request(
        'GET',
        `/admin/notifications?accountId=${provider.id}&template=tenders.r0_funded`,
        { token: admin },
      ),
    );
    expect(told.body.items).toHaveLength(2);
    expect(
      told.body.items.map((n: { data: { amountCents: number } }) => n.data.amountCents).sort(),
    ).toEqual([150_000, 200_000]);

    await t.settle();
    for (const who of [client, provider]) {
      const seen = ok(await accountOf(who)).body;
      expect(seen).toMatchObject({
        projectId,
        formula: 'r0',
        agreedCents: AGREED,
        fundedCents: 350_000,
        releasedCents: 0,
        refundedCents: 0,
        heldCents: 350_000,
        unfundedCents: 150_000,
        frozen: false,
        statusLabel: 'Alimenté',
        tranches: [
          { trancheId: first, label: 'Maquettes', status: 'funded', statusLabel: 'Sur le compte' },
          { trancheId: second, label: 'Développement', status: 'funded' },
        ],
      });
    }
    const outsider = await accountOf(stranger);
    expect([outsider.status, outsider.body.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
  });

  it('refuses funding beyond the agreed amount and keeps the card uncharged', async () => {
    const over = await fund({ amountCents: 150_001, label: 'Recette' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: 'PROJECT_ACCOUNT_OVERFUNDED',
      agreedCents: AGREED,
      fundedCents: 350_000,
      unfundedCents: 150_000,
    });
    expect(await fundingOps()).toHaveLength(2);
    // A blank label is bad input: refused before any charge, not charged then given back.
    const blank = await fund({ amountCents: 1_000, label: '   ' });
    expect(blank.status).toBe(400);
    expect(await fundingOps()).toHaveLength(2);
  });

  it('the client releases a tranche on receipt of its deliverable, every cent to the provider', async () => {
    const byProvider = await release(first, provider);
    expect([byProvider.status, byProvider.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const released = ok(await release(first));
    expect(released.body).toMatchObject({
      fundedCents: 350_000,
      releasedCents: 150_000,
      heldCents: 200_000,
      tranches: [
        { trancheId: first, status: 'released', statusLabel: 'Libérée' },
        { trancheId: second, status: 'funded' },
      ],
    });
    // Released once: a repeat answers the same account.
    expect(ok(await release(first)).body.releasedCents).toBe(150_000);
    const releases = (await escrowEvents()).filter((e) => e.type === 'EscrowReleased');
    expect(releases.map((e) => e.data)).toEqual([
      expect.objectContaining({
        amountCents: 150_000,
        commissionCents: 0,
        payeeNetCents: 150_000,
        reason: 'tranche_released',
        trancheId: first,
      }),
    ]);
    const unknown = await release(randomUUID());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PROJECT_TRANCHE_NOT_FOUND']);
  });

  it('a dispute freezes the account; the SMA decides only over what the account held', async () => {
    const opened = ok(
      await t.request('POST', `/projects/${projectId}/disputes`, {
        token: provider.token,
        body: { statement: 'Le client refuse de libérer la tranche 2 livrée.' },
        idempotencyKey: randomUUID(),
      }),
      201,
    );
    const disputeId = opened.body.disputeId as string;
    expect(opened.body).toMatchObject({
      status: 'open',
      subject: { kind: 'project', id: projectId },
      orderId: null,
      escrow: { status: 'frozen', heldCents: 200_000 },
      effects: 'done',
    });
    const twice = await t.request('POST', `/projects/${projectId}/disputes`, {
      token: client.token,
      body: { statement: 'Je conteste aussi.' },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'DISPUTE_ALREADY_OPENED']);

    // Frozen: no funding (the card is not charged), no release.
    const frozenFunding = await fund({ amountCents: 10_000, label: 'Complément' });
    expect([frozenFunding.status, frozenFunding.body.code]).toEqual([
      409,
      'PROJECT_ACCOUNT_FROZEN',
    ]);
    expect(await fundingOps()).toHaveLength(2);
    const frozenRelease = await release(second);
    expect([frozenRelease.status, frozenRelease.body.code]).toEqual([
      409,
      'PROJECT_ACCOUNT_FROZEN',
    ]);
    await t.settle();
    expect(ok(await accountOf(client)).body).toMatchObject({ frozen: true, disputeId });

    // Mediators see it in the existing views.
    const queue = ok(
      await t.request('GET', '/mediation/queue?subject=project', { token: mediator.token }),
    );
    expect(queue.body.items.map((i: { disputeId: string }) => i.disputeId)).toContain(disputeId);

    ok(
      await t.request('POST', `/disputes/${disputeId}/assign`, {
        token: mediator.token,
        body: {},
      }),
    );
    // The provider did the whole project, but only what is on the account can be distributed.
    const asksMore = await t.request('POST', `/disputes/${disputeId}/decision`, {
      token: mediator.token,
      body: {
        outcome: 'pay_seller',
        releaseCents: 350_000,
        reasoning: 'Projet entièrement livré.',
      },
    });
    expect(asksMore).toMatchObject({
      status: 422,
      body: { code: 'DECISION_EXCEEDS_HELD', heldCents: 200_000 },
    });
    const decided = ok(
      await t.request('POST', `/disputes/${disputeId}/decision`, {
        token: mediator.token,
        body: {
          outcome: 'split',
          refundCents: 50_000,
          releaseCents: 150_000,
          reasoning: 'Tranche 2 livrée aux trois quarts.',
        },
      }),
    );
    expect(decided.body).toMatchObject({
      status: 'resolved',
      escrow: { status: 'closed', heldCents: 0 },
      effects: 'done',
    });
    await t.settle();

    expect(ok(await accountOf(provider)).body).toMatchObject({
      agreedCents: AGREED,
      fundedCents: 350_000,
      releasedCents: 300_000,
      refundedCents: 50_000,
      heldCents: 0,
      unfundedCents: 150_000,
      frozen: false,
      tranches: [
        { trancheId: first, status: 'released' },
        {
          trancheId: second,
          status: 'split',
          statusLabel: 'Répartie par le SMA',
          releasedCents: 150_000,
          refundedCents: 50_000,
        },
      ],
    });
    const events = await escrowEvents();
    expect(
      events.filter((e) => e.type === 'EscrowReleased').map((e) => e.data.commissionCents),
    ).toEqual([0, 0]);
    // The refund gives back part of the second tranche's own charge; releases wait for the payment request.
    const ops = await fundingOps();
    expect(ops.filter((o) => o.operation === 'refund')).toHaveLength(1);
    expect(ops.filter((o) => o.operation === 'release')).toEqual([]);

    const history = ok(
      await t.request('GET', `/cases/${projectId}/history`, { token: mediator.token }),
    );
    expect(history.body).toMatchObject({
      subject: { kind: 'project', id: projectId },
      orderId: null,
      disputeIds: [disputeId],
    });
  });

  it('after the decision the rest is funded again; a withdrawn dispute unfreezes the account', async () => {
    const third = ok(await fund({ amountCents: 150_000, label: 'Recette et mise en ligne' }), 201);
    expect(third.body).toMatchObject({
      fundedCents: 500_000,
      heldCents: 150_000,
      unfundedCents: 0,
    });
    const trancheId = third.body.tranches[2].trancheId as string;
    const opened = ok(
      await t.request('POST', `/projects/${projectId}/disputes`, {
        token: client.token,
        body: { statement: 'La mise en ligne est en retard.', reason: 'late_delivery' },
      }),
      201,
    );
    const disputeId = opened.body.disputeId as string;
    expect(opened.body.escrow).toMatchObject({ status: 'frozen', heldCents: 150_000 });
    const byOther = await t.request('POST', `/disputes/${disputeId}/withdraw`, {
      token: provider.token,
      body: {},
    });
    expect(byOther.status).toBe(403);
    const withdrawn = ok(
      await t.request('POST', `/disputes/${disputeId}/withdraw`, { token: client.token, body: {} }),
    );
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      escrow: { status: 'held', heldCents: 150_000 },
      effects: 'done',
    });
    const released = ok(await release(trancheId));
    expect(released.body).toMatchObject({
      fundedCents: 500_000,
      releasedCents: 450_000,
      refundedCents: 50_000,
      heldCents: 0,
      frozen: false,
    });
  });
});
