import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../../src/application/shared/event-store.port';
import { PaymentRequestPayoutReactor } from '../../../src/application/tenders/payment-request-payout.reactor';
import { projectEscrowId } from '../../../src/application/tenders/tender-ids';
import type { EscrowEvent, EscrowSubjectKind, ReleaseReason } from '../../../src/domain/escrow';
import { uploadFile, samplePdf } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually, ibanWithCheckDigits } from '../workers/support/helpers';

const GOOD_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
// The simulated gateway refuses a bank account whose IBAN ends in 0000.
const REFUSED_IBAN = ibanWithCheckDigits('FR', '30006000011234567890000');

describe('payment requests: a project release is paid once finance accepts the provider’s invoice', () => {
  let t: TestApp;
  let store: EventStore;
  let finance: string;
  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
    finance = await t.tokenFor({ roles: ['finance'] });
  });
  afterAll(async () => t?.close());

  const meta = (at: string) => ({
    correlationId: randomUUID(),
    actorId: 'system',
    actorRole: 'system',
    occurredAt: at,
  });

  /** An escrow funded with 2 000 € and released `amountCents` to its provider (appended as the escrow would). */
  async function releasedEscrow(options: {
    kind?: EscrowSubjectKind;
    amountCents?: number;
    reason?: ReleaseReason;
    title?: string;
  }) {
    const providerId = randomUUID();
    const clientId = randomUUID();
    const subjectId = randomUUID();
    const kind = options.kind ?? 'project';
    const escrowId = kind === 'project' ? projectEscrowId(subjectId) : randomUUID();
    const releaseId = randomUUID();
    const amountCents = options.amountCents ?? 120_000;
    const at = new Date().toISOString();
    if (kind === 'project')
      await store.appendToStream(`project-${subjectId}`, [
        {
          id: randomUUID(),
          type: 'ProjectPosted',
          data: {
            projectId: subjectId,
            clientId,
            title: options.title ?? 'Refonte du site vitrine',
            description: 'Un site de 5 pages',
            category: 'web',
            budgetMinCents: 100_000,
            budgetMaxCents: 300_000,
            wishedDeadline: '2026-12-31',
            attachmentFileIds: [],
            postedAt: at,
          },
          metadata: meta(at),
        },
      ]);
    const events: EscrowEvent[] = [
      {
        type: 'EscrowOpened',
        data: {
          escrowId,
          subject: { kind, id: subjectId },
          payerId: clientId,
          payeeId: providerId,
          commissionRateBp: 0,
        },
      },
      {
        type: 'EscrowFunded',
        data: {
          escrowId,
          trancheId: 'tranche-1',
          amountCents: 200_000,
          paymentRef: `pi_${randomUUID()}`,
          fundedTotalCents: 200_000,
        },
      },
      {
        type: 'EscrowReleased',
        data: {
          escrowId,
          releaseId,
          payeeId: providerId,
          amountCents,
          commissionCents: 0,
          vatOnCommissionCents: 0,
          payeeNetCents: amountCents,
          reason: options.reason ?? 'tranche_released',
        },
      },
    ];
    await store.appendToStream(
      `escrow-${escrowId}`,
      events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: meta(at) })),
    );
    await t.settle();
    const token = await t.tokenFor({ accountId: providerId, roles: ['provider'] });
    return { providerId, token, projectId: subjectId, escrowId, releaseId, amountCents };
  }

  async function submit(
    token: string,
    projectId: string,
    body: Record<string, unknown>,
    key = randomUUID(),
  ) {
    return t.request('POST', `/projects/${projectId}/payment-requests`, {
      token,
      body,
      idempotencyKey: key,
    });
  }

  const invoice = async (token: string, text: string) =>
    uploadFile(t, token, 'provider_invoice', await samplePdf(text), 'facture.pdf');

  const bankAccount = (token: string, iban = GOOD_IBAN) =>
    t.request('POST', '/wallet/withdrawal-accounts', {
      token,
      body: { kind: 'bank', iban, holderName: 'Camille Martin' },
    });

  const detail = (requestId: string) =>
    t.request('GET', `/finance/payment-requests/${requestId}`, { token: finance });

  /** The invoice `invoiceFileId` numbered `invoiceNumber`, sent (by `token`, the payee by default) for `p`'s release. */
  const sendInvoice = (
    p: { token: string; projectId: string; releaseId: string },
    invoiceFileId: string,
    invoiceNumber: string,
    token = p.token,
  ) => submit(token, p.projectId, { releaseId: p.releaseId, invoiceFileId, invoiceNumber });

  /** Finance (or `token`) approves or refuses the request. */
  const decide = (
    requestId: string,
    action: 'approve' | 'refuse',
    options: { body?: Record<string, unknown>; token?: string } = {},
  ) =>
    t.request('POST', `/finance/payment-requests/${requestId}/${action}`, {
      token: options.token ?? finance,
      ...(options.body ? { body: options.body } : {}),
      idempotencyKey: randomUUID(),
    });

  /**
   * Finance's list in `status`, its last page: oldest first, so the requests just made are at its
   * end whatever earlier runs left in the database.
   */
  const financeList = async (status: string) => {
    const path = `/finance/payment-requests?status=${status}`;
    const { total } = (await t.request('GET', `${path}&limit=1`, { token: finance })).body;
    const offset = Math.max(0, Number(total) - 200);
    return t.request('GET', `${path}&limit=200&offset=${offset}`, { token: finance });
  };

  it('releases, invoice, refusal, corrected invoice, approval, transfer: the whole way, with both dashboards', async () => {
    const p = await releasedEscrow({});

    // Released, yet not withdrawable: the wallet holds nothing until finance accepts an invoice.
    const walletBefore = await t.request('GET', '/wallet', { token: p.token });
    expect(walletBefore.body).toMatchObject({ creditedCents: 0, availableCents: 0 });
    const mine = await t.request('GET', '/me/payment-requests', { token: p.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        releaseId: p.releaseId,
        projectId: p.projectId,
        projectTitle: 'Refonte du site vitrine',
        amountCents: 120_000,
        releaseReason: 'tranche_released',
        status: 'awaiting_invoice',
        statusLabel: 'En attente de votre facture',
        request: null,
      }),
    ]);
    expect(mine.body.totalsCents).toMatchObject({ awaiting_invoice: 120_000, paid: 0 });
    // "Comment faire ma facture ?": the page says what the invoice must show.
    expect(mine.body.invoiceGuidance.join(' ')).toContain('SIRET');

    // The first invoice is sent, then checked by finance.
    const first = await invoice(p.token, 'Facture F-2026/042 sans SIRET');
    const sent = await sendInvoice(p, first, ' F-2026/042 ');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'submitted',
      statusLabel: 'Facture en cours de vérification',
      amountCents: 120_000,
      providerId: p.providerId,
      invoice: { fileId: first, invoiceNumber: 'F-2026/042' },
      submissions: 1,
    });
    const requestId = sent.body.requestId as string;

    const other = await invoice(p.token, 'Une autre facture');
    const whilePending = await sendInvoice(p, other, 'F-2026/099');
    expect(whilePending.status).toBe(409);
    expect(whilePending.body).toMatchObject({
      code: 'PAYMENT_REQUEST_PENDING',
      currentStatus: 'submitted',
    });

    // Another provider cannot invoice this release, even with their own upload.
    const stranger = await t.tokenFor({ roles: ['provider'] });
    const theirs = await invoice(stranger, 'Facture usurpée');
    const foreign = await sendInvoice(p, theirs, 'X-1', stranger);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('PROJECT_RELEASE_NOT_FOUND');
    // ...nor name someone else's file.
    const notMine = await sendInvoice(p, theirs, 'X-1');
    expect(notMine.status).toBe(422);
    expect(notMine.body.code).toBe('FILE_NOT_FOUND');

    await t.settle();
    const queue = await financeList('submitted');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({
        requestId,
        providerId: p.providerId,
        projectTitle: 'Refonte du site vitrine',
        amountCents: 120_000,
        invoiceNumber: 'F-2026/042',
        status: 'submitted',
      }),
    );
    expect(queue.body.totals).toContainEqual(
      expect.objectContaining({ status: 'submitted', count: queue.body.total }),
    );

    // Finance opens the invoice through its link.
    const opened = await detail(requestId);
    expect(opened.status).toBe(200);
    expect(opened.body.invoice.linkPath).toBe(`/files/${first}/link`);
    const link = await t.request('GET', opened.body.invoice.linkPath, { token: finance });
    expect(link.status).toBe(200);
    const pdf = await t.request('GET', link.body.url, {
      uncheckedBecause: 'binary PDF download',
    });
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);

    // Refused with a reason the provider reads.
    const refused = await decide(requestId, 'refuse', {
      body: { reason: 'Le numéro SIRET manque sur la facture.' },
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      refusals: [{ invoiceNumber: 'F-2026/042', reason: 'Le numéro SIRET manque sur la facture.' }],
    });
    await t.settle();
    const afterRefusal = await t.request('GET', '/me/payment-requests', { token: p.token });
    expect(afterRefusal.body.items[0]).toMatchObject({
      status: 'refused',
      statusLabel: 'Facture refusée : envoyez une facture corrigée',
      request: { refusalReason: 'Le numéro SIRET manque sur la facture.' },
    });

    // The refused file cannot come back; a corrected invoice goes to the same request.
    const again = await sendInvoice(p, first, 'F-2026/042');
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('INVOICE_ALREADY_REFUSED');
    const corrected = await invoice(p.token, 'Facture F-2026/043 avec SIRET');
    const resent = await sendInvoice(p, corrected, 'F-2026/043');
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({ requestId, status: 'submitted', submissions: 2 });

    // No withdrawal account yet: finance is told so.
    const noAccount = await decide(requestId, 'approve');
    expect(noAccount.status).toBe(422);
    expect(noAccount.body.code).toBe('PROVIDER_HAS_NO_WITHDRAWAL_ACCOUNT');

    expect((await bankAccount(p.token)).status).toBe(201);
    const approved = await decide(requestId, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', payoutId: expect.any(String) });
    const payoutId = approved.body.payoutId as string;
    const twice = await decide(requestId, 'approve');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PAYMENT_REQUEST_NOT_PENDING');

    // The transfer to the provider's account is sent by the payout worker (simulated gateway).
    const payout = await eventually(
      async () => {
        const res = await t.request('GET', `/payouts/${payoutId}`, { token: p.token });
        return res.body?.status === 'sent' ? res.body : undefined;
      },
      20_000,
      'the transfer to be sent',
    );
    expect(payout).toMatchObject({
      amountCents: 120_000,
      providerId: p.providerId,
      account: { kind: 'bank', ibanMasked: 'FR76 **** 0189' },
    });
    const paid = await eventually(
      async () => {
        const res = await detail(requestId);
        return res.body.status === 'paid' ? res.body : undefined;
      },
      15_000,
      'the request to be paid',
    );
    expect(paid.paidAt).toEqual(expect.any(String));
    const wallet = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token: p.token });
        return res.body.paidOutCents === 120_000 ? res.body : undefined;
      },
      10_000,
      'the wallet to settle',
    );
    expect(wallet).toMatchObject({ creditedCents: 120_000, availableCents: 0, inTransitCents: 0 });

    // A redelivered approval credits and pays nothing twice.
    const approval = (await store.readStream(`payment_request-${requestId}`)).find(
      (e) => e.type === 'PaymentRequestApproved',
    );
    await t.app.get(PaymentRequestPayoutReactor).handle(approval!);
    await t.settle();
    const replayed = await t.request('GET', '/wallet', { token: p.token });
    expect(replayed.body).toMatchObject({ creditedCents: 120_000, paidOutCents: 120_000 });
    expect(replayed.body.payouts).toHaveLength(1);

    await t.settle();
    const board = await t.request('GET', '/me/payment-requests', { token: p.token });
    expect(board.body.items[0]).toMatchObject({
      status: 'paid',
      statusLabel: 'Payé par virement',
      request: { requestId, invoiceNumber: 'F-2026/043', submissions: 2, payoutId },
    });
    expect(board.body.totalsCents).toMatchObject({ awaiting_invoice: 0, paid: 120_000 });
    const paidList = await financeList('paid');
    expect(paidList.body.items.map((i: { requestId: string }) => i.requestId)).toContain(requestId);
  });

  it('a mediator’s decision on a project is invoiced the same way; an order’s release is still credited at once', async () => {
    const decided = await releasedEscrow({ reason: 'decision', amountCents: 45_000 });
    expect((await t.request('GET', '/wallet', { token: decided.token })).body.creditedCents).toBe(
      0,
    );
    const board = await t.request('GET', '/me/payment-requests', { token: decided.token });
    expect(board.body.items).toEqual([
      expect.objectContaining({ releaseReason: 'decision', status: 'awaiting_invoice' }),
    ]);

    const order = await releasedEscrow({ kind: 'order', amountCents: 30_000 });
    const credited = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token: order.token });
        return res.body.creditedCents === 30_000 ? res.body : undefined;
      },
      10_000,
      "the order's release to be credited",
    );
    expect(credited.availableCents).toBe(30_000);
    expect(
      (await t.request('GET', '/me/payment-requests', { token: order.token })).body.items,
    ).toEqual([]);
    // An order's release is no project's: it cannot be invoiced here.
    const file = await invoice(order.token, 'Facture commande');
    const refused = await sendInvoice(order, file, 'C-1');
    expect(refused.status).toBe(404);
  });

  it('a transfer the bank refuses leaves the approved amount withdrawable in the wallet', async () => {
    const p = await releasedEscrow({ amountCents: 80_000 });
    expect((await bankAccount(p.token, REFUSED_IBAN)).status).toBe(201);
    const file = await invoice(p.token, 'Facture F-7');
    const sent = await sendInvoice(p, file, 'F-7');
    const approved = await decide(sent.body.requestId, 'approve');
    expect(approved.status).toBe(200);
    const failed = await eventually(
      async () => {
        const res = await detail(sent.body.requestId);
        return res.body.status === 'payout_failed' ? res.body : undefined;
      },
      20_000,
      'the transfer to fail',
    );
    expect(failed.failureCode).toBe('account_closed');
    const wallet = await eventually(
      async () => {
        const res = await t.request('GET', '/wallet', { token: p.token });
        return res.body.availableCents === 80_000 ? res.body : undefined;
      },
      10_000,
      'the money to come back',
    );
    expect(wallet).toMatchObject({ creditedCents: 80_000, inTransitCents: 0, paidOutCents: 0 });
  });

  it('finance only decides; an unknown request is 404', async () => {
    const p = await releasedEscrow({ amountCents: 10_000 });
    const file = await invoice(p.token, 'Facture F-8');
    const sent = await sendInvoice(p, file, 'F-8');
    const byProvider = await decide(sent.body.requestId, 'approve', { token: p.token });
    expect(byProvider.status).toBe(403);
    const blank = await decide(sent.body.requestId, 'refuse', { body: { reason: '   ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('PAYMENT_REQUEST_REASON_REQUIRED');
    // Neither refusal wrote anything: the request is still waiting at the revision it was sent at.
    expect((await detail(sent.body.requestId)).body).toMatchObject({
      status: 'submitted',
      revision: sent.body.revision,
    });
    const unknown = await detail(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PAYMENT_REQUEST_NOT_FOUND');
  });
});
