import { randomUUID } from 'node:crypto';
import { Notifications } from '../../../src/application/notifications/notifications.port';
import {
  EVENT_STORE,
  EventStore,
  StreamNotFoundError,
} from '../../../src/application/shared/event-store.port';
import { projectFeeChargeId } from '../../../src/application/tenders/tender-ids';
import {
  type ProjectFees,
  projectFeesStream,
  type ProjectTerms,
  projectStream,
} from '../../../src/domain/tenders';
import { definePlan } from '../../support/plan-events';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';
import { eventually, registerAccount } from '../workers/support/helpers';

jest.setTimeout(180_000);

const DAY = 86_400_000;

/**
 * Issue 17, point 4 (seed 003 "commission de mise en relation", "formule R0", "Comment récupérer
 * mes factures ?", a lower amount after signature): the project's contract events are appended
 * straight to `project-<id>` (the projects context builds their routes); the fees are charged by
 * the reactor, paid again over HTTP, invoiced, refunded with a credit note and posted balanced.
 */
describe('project fees: charged at signature, paid again, refunded after a lower amount', () => {
  let t: TestApp;
  let store: EventStore;
  let finance: string;
  let clientId: string;
  let client: string;
  let providerId: string;
  let provider: string;
  let stranger: string;

  const ok = <T extends TestResponse>(res: T, status = 200): T => {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    return res;
  };
  const fees = (projectId: string, token: string) =>
    t.request('GET', `/projects/${projectId}/fees`, { token });
  const pay = (projectId: string, token: string, paymentMethodId: string) =>
    t.request('POST', `/projects/${projectId}/fees/pay`, {
      token,
      body: { paymentMethodId },
      idempotencyKey: randomUUID(),
    });
  const chargesOf = async (chargeId: string) =>
    (
      await t.db.pool.query<{ operation: string; amount: string }>(
        `SELECT operation, request ->> 'amountCents' AS amount FROM simulated_gateway_operations
          WHERE idempotency_key LIKE $1 AND operation = 'charge_saved'`,
        [`project-fee-${chargeId}-%`],
      )
    ).rows;
  const invoicesOf = async (token: string) =>
    ok(await t.request('GET', '/invoices', { token })).body.items as any[];

  const meta = (actorId: string) => {
    const correlationId = randomUUID();
    return { correlationId, causationId: correlationId, actorId, actorRole: 'system' };
  };
  async function signedProject(options: {
    title: string;
    terms: ProjectTerms;
    fees: ProjectFees;
    /** false: the provider is selected, the terms not confirmed yet. */
    signed?: boolean;
  }): Promise<string> {
    const projectId = randomUUID();
    const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
    await store.appendToStream(
      projectStream(projectId),
      [
        {
          id: randomUUID(),
          type: 'ProjectPosted',
          data: {
            projectId,
            clientId,
            title: options.title,
            description: 'Refonte complète du site vitrine.',
            category: 'web',
            budgetMinCents: 300_000,
            budgetMaxCents: 900_000,
            wishedDeadline: at(60).slice(0, 10),
            attachmentFileIds: [],
            postedAt: at(-10),
          },
          metadata: meta(clientId),
        },
        {
          id: randomUUID(),
          type: 'ProjectProviderSelected',
          data: {
            projectId,
            clientId,
            providerId,
            offerId: randomUUID(),
            terms: options.terms,
            selectedAt: at(-2),
          },
          metadata: meta(clientId),
        },
        {
          id: randomUUID(),
          type: 'ProjectTermsConfirmed',
          data: {
            projectId,
            clientId,
            providerId,
            terms: options.terms,
            fees: options.fees,
            confirmedAt: at(-1),
          },
          metadata: meta(providerId),
        },
      ].slice(0, options.signed === false ? 2 : 3),
      { expectedRevision: 'no_stream' },
    );
    await t.settle();
    return projectId;
  }

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    finance = await t.tokenFor({ roles: ['finance'] });
    clientId = await registerAccount(t, ['client']);
    client = await t.tokenFor({ accountId: clientId, roles: ['client'] });
    providerId = await registerAccount(t, ['provider']);
    provider = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    stranger = await t.tokenFor({ roles: ['client'] });
  });
  afterAll(() => t.close());

  let baseProject: string;

  it('records a refused charge when the client has no saved card, and tells them', async () => {
    baseProject = await signedProject({
      title: 'Site vitrine',
      terms: { amountCents: 600_000, delayDays: 30, formula: 'base', feePayer: 'client' },
      fees: { finderFeeCents: 30_000, r0OptionCents: 0 },
    });
    const view = ok(await fees(baseProject, client)).body;
    expect(view).toMatchObject({
      formula: 'base',
      feePayer: 'client',
      payerId: clientId,
      status: 'failed',
      totalDueCents: 30_000,
      totalChargedCents: 0,
    });
    expect(view.lines).toEqual([
      expect.objectContaining({
        kind: 'finder_fee',
        status: 'failed',
        dueCents: 30_000,
        failedAttempts: 1,
        lastFailureCode: 'no_saved_payment_method',
        invoices: [],
      }),
    ]);
    const told = await eventually(async () => {
      const rows = await t.app.get(Notifications).list({
        template: 'tenders.fee_charge_failed',
        recipientAccountId: clientId,
        limit: 10,
      });
      return rows.length > 0 && rows;
    });
    expect(told[0].data).toMatchObject({ projectId: baseProject, amountCents: 30_000 });
  });

  it('lets only the payer pay, records a declined card, then charges a good one once', async () => {
    const notPayer = await pay(baseProject, provider, 'pm_card_visa');
    expect({ status: notPayer.status, code: notPayer.body.code }).toEqual({
      status: 403,
      code: 'PROJECT_FEES_NOT_PAYER',
    });
    const outsider = await pay(baseProject, stranger, 'pm_card_visa');
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({
      status: 404,
      code: 'PROJECT_FEES_NOT_FOUND',
    });
    const declined = await pay(baseProject, client, 'pm_card_declined');
    expect({ status: declined.status, code: declined.body.code }).toEqual({
      status: 422,
      code: 'PAYMENT_DECLINED',
    });
    expect(ok(await fees(baseProject, client)).body.lines[0]).toMatchObject({
      status: 'failed',
      failedAttempts: 2,
      lastFailureCode: 'card_declined',
    });

    const paid = ok(await pay(baseProject, client, 'pm_card_visa')).body;
    expect(paid).toMatchObject({ status: 'paid', totalChargedCents: 30_000 });
    const again = await pay(baseProject, client, 'pm_card_visa');
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'PROJECT_FEES_NOTHING_DUE',
    });
    const chargeId = projectFeeChargeId(baseProject, 'finder_fee');
    expect(await chargesOf(chargeId)).toEqual([{ operation: 'charge_saved', amount: '30000' }]);
  });

  it('gives the client the platform’s invoice of the fee (F series, VAT included), the provider sees the same fees', async () => {
    await t.settle();
    const view = ok(await fees(baseProject, provider)).body;
    expect(view.lines[0].invoices).toEqual([
      expect.objectContaining({ kind: 'invoice', totalTtcCents: 30_000 }),
    ]);
    const invoice = (await invoicesOf(client)).find(
      (i) => i.invoiceId === view.lines[0].invoices[0].invoiceId,
    );
    expect(invoice).toMatchObject({
      kind: 'invoice',
      subject: 'fee',
      description: 'Commission de mise en relation — projet Site vitrine',
      totalTtcCents: 30_000,
      totalHtCents: 25_000,
      vatCents: 5_000,
    });
    expect(invoice.number).toMatch(/^F-\d{4}-\d{6}$/);
    expect((await invoicesOf(provider)).some((i) => i.subject === 'fee')).toBe(false);
    const stranger404 = await fees(baseProject, stranger);
    expect(stranger404.status).toBe(404);
  });

  it('charges nothing before signature: the fees are not due, paying is refused and writes nothing', async () => {
    const projectId = await signedProject({
      title: 'Boutique en ligne',
      terms: { amountCents: 400_000, delayDays: 30, formula: 'base', feePayer: 'client' },
      fees: { finderFeeCents: 20_000, r0OptionCents: 0 },
      signed: false,
    });
    expect(ok(await fees(projectId, client)).body).toMatchObject({
      status: 'not_signed',
      amountCents: null,
      lines: [],
    });
    const early = await pay(projectId, client, 'pm_card_visa');
    expect({
      status: early.status,
      code: early.body.code,
      currentStatus: early.body.currentStatus,
    }).toEqual({ status: 409, code: 'PROJECT_FEES_NOT_SIGNED', currentStatus: 'selected' });
    await expect(store.readStream(projectFeesStream(projectId))).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
    expect(await chargesOf(projectFeeChargeId(projectId, 'finder_fee'))).toEqual([]);
  });

  let r0Project: string;

  it('charges the finder’s fee and the R0 option at signature to the card the client saved', async () => {
    r0Project = await signedProject({
      title: 'Application mobile',
      terms: { amountCents: 1_000_000, delayDays: 90, formula: 'r0', feePayer: 'client' },
      fees: { finderFeeCents: 50_000, r0OptionCents: 12_000 },
    });
    const view = ok(await fees(r0Project, client)).body;
    expect(view).toMatchObject({ status: 'paid', totalChargedCents: 62_000, formula: 'r0' });
    expect(view.lines.map((l: any) => [l.kind, l.status, l.chargedCents])).toEqual([
      ['finder_fee', 'charged', 50_000],
      ['r0_option', 'charged', 12_000],
    ]);
    const descriptions = (await invoicesOf(client))
      .filter((i) => i.subject === 'fee' && i.kind === 'invoice')
      .map((i) => i.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        'Commission de mise en relation — projet Application mobile',
        'Option R0 (risque 0) — projet Application mobile',
      ]),
    );
  });

  it('refunds each fee down to the lower signed amount, with a credit note', async () => {
    const revisionId = randomUUID();
    await store.appendToStream(
      projectStream(r0Project),
      [
        {
          id: randomUUID(),
          type: 'ProjectAmountRevised',
          data: {
            projectId: r0Project,
            revisionId,
            fromCents: 1_000_000,
            toCents: 800_000,
            acceptedBy: providerId,
            fees: { finderFeeCents: 40_000, r0OptionCents: 9_600 },
            previousFees: { finderFeeCents: 50_000, r0OptionCents: 12_000 },
            revisedAt: new Date().toISOString(),
          },
          metadata: meta(providerId),
        },
      ],
      { expectedRevision: 'any' },
    );
    await t.settle();
    const view = ok(await fees(r0Project, client)).body;
    expect(
      view.lines.map((l: any) => [l.kind, l.dueCents, l.chargedCents, l.refundedCents]),
    ).toEqual([
      ['finder_fee', 40_000, 50_000, 10_000],
      ['r0_option', 9_600, 12_000, 2_400],
    ]);
    const finderLine = view.lines[0];
    const credit = finderLine.invoices.find((i: any) => i.kind === 'credit_note');
    expect(credit).toMatchObject({ totalTtcCents: 10_000 });
    expect(credit.number).toMatch(/^A-\d{4}-\d{6}$/);
    const note = (await invoicesOf(client)).find((i) => i.invoiceId === credit.invoiceId);
    const charged = finderLine.invoices.find((i: any) => i.kind === 'invoice');
    expect(note.refersTo).toEqual({ invoiceId: charged.invoiceId, number: charged.number });
    expect(note.description).toContain(`Avoir sur la facture ${charged.number}`);
  });

  let providerProject: string;

  it('charges the provider when both agreed they pay; a card refused off-session is paid again', async () => {
    const plan = await definePlan(t, { kind: 'credits', credits: { offer: 5 } });
    const subscription = ok(
      await t.request('POST', '/me/subscriptions', {
        token: provider,
        body: { planId: plan.planId, paymentMethod: 'pm_card_visa' },
      }),
      201,
    ).body;
    // The card saved on the subscription now is refused off-session.
    ok(
      await t.request('POST', `/me/subscriptions/${subscription.subscriptionId}/payment-method`, {
        token: provider,
        body: { paymentMethod: 'pm_card_chargeCustomerFail' },
      }),
    );
    await t.settle();
    providerProject = await signedProject({
      title: 'Identité visuelle',
      terms: { amountCents: 200_000, delayDays: 20, formula: 'base', feePayer: 'provider' },
      fees: { finderFeeCents: 12_000, r0OptionCents: 0 },
    });
    const failed = ok(await fees(providerProject, client)).body;
    expect(failed).toMatchObject({ feePayer: 'provider', payerId: providerId, status: 'failed' });
    expect(failed.lines[0]).toMatchObject({ lastFailureCode: 'card_declined', failedAttempts: 1 });
    const byClient = await pay(providerProject, client, 'pm_card_visa');
    expect(byClient.status).toBe(403);
    expect(ok(await pay(providerProject, provider, 'pm_card_visa')).body.status).toBe('paid');
    await t.settle();
    const invoice = (await invoicesOf(provider)).find(
      (i) => i.subject === 'fee' && i.saleId === projectFeeChargeId(providerProject, 'finder_fee'),
    );
    expect(invoice).toMatchObject({
      totalTtcCents: 12_000,
      description: 'Commission de mise en relation — projet Identité visuelle',
    });
  });

  it('lists the fees for finance with totals, and the ledger balances', async () => {
    const list = ok(await t.request('GET', '/finance/tender-fees', { token: finance })).body;
    expect(list.total).toBe(4);
    expect(list.totals).toEqual({
      chargedCents: 30_000 + 50_000 + 12_000 + 12_000,
      refundedCents: 10_000 + 2_400,
      netCents: 30_000 + 50_000 + 12_000 + 12_000 - 12_400,
      failedCount: 0,
    });
    const forbidden = await t.request('GET', '/finance/tender-fees', { token: client });
    expect(forbidden.status).toBe(403);

    const tb = ok(await t.request('GET', '/finance/trial-balance', { token: finance })).body;
    const acc = Object.fromEntries(tb.accounts.map((a: any) => [a.account, a.balanceCents]));
    // HT of 30,000 + 50,000 + 12,000 + 12,000 charged, less the credit notes' HT (8,333 + 2,000).
    expect(acc.tender_fee_revenue).toBe(-(25_000 + 41_667 + 10_000 + 10_000 - 8_333 - 2_000));
    expect({ balanced: tb.balanced, total: tb.totals.balanceCents }).toEqual({
      balanced: true,
      total: 0,
    });
  });
});
