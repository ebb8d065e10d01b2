import { randomBytes, randomUUID } from 'node:crypto';
import { renderNotification } from '../../../src/infrastructure/notifications/notification-templates';
import { samplePdf, uploadFile } from '../../support/files';
import type { TestResponse } from '../../support/test-app';
import {
  IdentityTestApp,
  registerAndLogin,
  startIdentityTestApp,
} from '../identity/identity-test-app';
import { eventually } from '../workers/support/helpers';
import { grantCredits } from './bids-fixtures';

jest.setTimeout(240_000);

const DAY = 86_400_000;
const AGREED = 500_000;
const TRANCHE_1 = 150_000;
const TRANCHE_2 = 200_000;
const DECIDED_RELEASE = 120_000;
const DECIDED_REFUND = 80_000;

interface User {
  id: string;
  token: string;
  email: string;
  displayName: string;
}

/**
 * Issue 17, "Done when": the whole seed 003 through the public HTTP routes, as its users would:
 * post → consult → offer ×2 → contact → read receipts → select R0 (loser told, winner told) →
 * confirm → fees paid → fund 2 tranches → release 1 → dispute → a decision bounded by the
 * account → payment requests with an uploaded invoice → payout, both dashboards. Cents only.
 */
describe('tenders: the whole seed 003 journey over HTTP', () => {
  let t: IdentityTestApp;
  let client: User;
  let p1: User;
  let p2: User;
  let mediator: string;
  let finance: string;
  let projectId: string;
  let firstTranche: string;
  let secondTranche: string;
  let disputeId: string;
  const word = `zq${randomBytes(4).toString('hex').replace(/\d/g, 'x')}`;
  const title = `Refonte du site vitrine ${word}`;

  const ok = <T extends TestResponse>(res: T, status = 200): T => {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
    return res;
  };
  const post = (url: string, token: string, body: object = {}) =>
    t.request('POST', url, { token, body, idempotencyKey: randomUUID() });
  const get = (url: string, token: string) => t.request('GET', url, { token });
  const url = (path = '') => `/projects/${projectId}${path}`;
  const mails = (to: User, template: string) => {
    const { subject } = renderNotification(template, { projectTitle: title, title });
    return t.mailbox.to(to.email).filter((m) => m.subject === subject);
  };
  const mailed = (to: User, template: string, count = 1) =>
    eventually(
      async () => {
        const found = mails(to, template);
        return found.length >= count ? found : undefined;
      },
      15_000,
      `${count} ${template} to ${to.email}`,
    );
  const credits = async (who: User) => {
    await t.settle();
    return ok(await get('/me/credits', who.token)).body.balance;
  };
  const openIds = async (who: User) =>
    (ok(await get(`/projects?q=${word}`, who.token)).body.items as { projectId: string }[]).map(
      (i) => i.projectId,
    );

  async function user(role: 'client' | 'provider', displayName: string): Promise<User> {
    const email = `${role}.${randomBytes(4).toString('hex')}@example.fr`;
    const r = await registerAndLogin(t, { email, displayName, roles: [role] });
    return { id: r.accountId, token: r.accessToken, email, displayName };
  }

  beforeAll(async () => {
    t = await startIdentityTestApp();
    client = await user('client', 'Camille Martin');
    ok(await t.request('PATCH', '/me', { token: client.token, body: { phone: '06 71 42 93 58' } }));
    p1 = await user('provider', 'Atelier Dupont');
    p2 = await user('provider', 'Studio Lefèvre');
    await grantCredits(t, p1.id, { consultation: 1, offer: 1, direct_contact: 1 });
    await grantCredits(t, p2.id, { offer: 1 });
    mediator = await t.tokenFor({ roles: ['mediator'] });
    finance = await t.tokenFor({ roles: ['finance'] });
  });
  afterAll(async () => t?.close());

  it('the client posts a project; it is in "projets disponibles"', async () => {
    const wishedDeadline = new Date(t.clock.now().getTime() + 90 * DAY).toISOString().slice(0, 10);
    const posted = ok(
      await post('/projects', client.token, {
        title,
        description: 'Un site de cinq pages responsive, avec formulaire de contact et blog.',
        category: 'web-development',
        budgetMinCents: 300_000,
        budgetMaxCents: 600_000,
        wishedDeadline,
      }),
      201,
    );
    expect(posted.body).toMatchObject({ status: 'open', statusLabel: "En attente d'offres" });
    projectId = posted.body.projectId as string;
    await t.settle();
    expect(await openIds(p1)).toContain(projectId);
    expect(ok(await get(url(), p2.token)).body).toMatchObject({
      title,
      creditsSpent: { consultation: false, offer: false, directContact: false },
    });
  });

  it('P1 consults (one credit) and reads the report; both providers make an offer', async () => {
    const consulted = ok(await post(url('/consultation'), p1.token));
    expect(consulted.body).toMatchObject({
      spentNow: true,
      report: {
        access: 'full',
        status: 'open',
        brief: { title, budgetMaxCents: 600_000 },
        myCredits: { consultation: true, offer: false, direct_contact: false },
      },
    });
    expect((await credits(p1)).consultation).toBe(0);

    const offer1 = ok(
      await post(url('/offers'), p1.token, {
        amountCents: AGREED,
        delayDays: 60,
        message: 'Je réalise votre site en deux mois, maquettes et recette comprises.',
      }),
      201,
    );
    expect(offer1.body).toMatchObject({
      spentNow: true,
      offer: { amountCents: AGREED, readByClient: false },
    });
    ok(
      await post(url('/offers'), p2.token, {
        amountCents: 450_000,
        delayDays: 75,
        message: 'Site vitrine complet livré en dix semaines avec un blog.',
      }),
      201,
    );
    expect((await credits(p1)).offer).toBe(0);
    expect((await credits(p2)).offer).toBe(0);
    await t.settle();
    const report = ok(await get(url('/report'), p1.token)).body;
    expect(report.offers).toHaveLength(2);
  });

  it('P1 spends "contact direct" and sees the client’s name, e-mail and phone', async () => {
    const contact = ok(await post(url('/contact'), p1.token));
    expect(contact.body).toMatchObject({
      clientId: client.id,
      name: 'Camille Martin',
      email: client.email,
      phone: expect.stringContaining('71'),
    });
    expect((await credits(p1)).direct_contact).toBe(0);
  });

  it('the client reads the offers; P1 sees the read receipt', async () => {
    const offers = ok(await get(url('/offers'), client.token)).body;
    expect(offers.items.map((o: { providerId: string }) => o.providerId).sort()).toEqual(
      [p1.id, p2.id].sort(),
    );
    await t.settle();
    const mine = ok(await get(url('/offers/mine'), p1.token)).body;
    expect(mine).toMatchObject({ readByClient: true, readAt: expect.any(String) });
  });

  it('the client selects P1 with R0: off the open list, P2 told they lost with advice, P1 told they won', async () => {
    const selected = ok(
      await post(url('/selection'), client.token, { providerId: p1.id, formula: 'r0' }),
    );
    expect(selected.body).toMatchObject({
      status: 'selected',
      providerId: p1.id,
      terms: { amountCents: AGREED, delayDays: 60, formula: 'r0', feePayer: 'client' },
    });
    await t.settle();
    expect(await openIds(p2)).not.toContain(projectId);
    // Off the list, the project opens for its parties only.
    expect((await get(url(), p2.token)).body.code).toBe('PROJECT_NOT_FOUND');
    expect(ok(await get(url(), p1.token)).body).toMatchObject({ status: 'selected' });
    const [lost] = await mailed(p2, 'tenders.offer_lost');
    expect(lost.text).toContain('recommandations');
    expect(lost.text).toContain('contact direct');
    const [won] = await mailed(p1, 'tenders.offer_won');
    expect(won.text).toContain('R0');
    expect(mails(p1, 'tenders.offer_lost')).toEqual([]);
    expect(mails(p2, 'tenders.offer_won')).toEqual([]);
  });

  it('P1 confirms the terms; the fees are due and the client pays them', async () => {
    const signed = ok(await post(url('/terms/confirm'), p1.token));
    expect(signed.body).toMatchObject({
      status: 'signed',
      statusLabel: 'En cours de réalisation',
      terms: { amountCents: AGREED, formula: 'r0', feePayer: 'client' },
      // 5 % and 2 % of 5 000,00 €.
      fees: { finderFeeCents: 25_000, r0OptionCents: 10_000 },
    });
    await t.settle();
    const mine = (ok(await get('/me/projects', client.token)).body.items as any[]).find(
      (p) => p.projectId === projectId,
    );
    expect(mine).toMatchObject({
      status: 'signed',
      providerId: p1.id,
      terms: { amountCents: AGREED, delayDays: 60, formula: 'r0' },
      fees: { finderFeeCents: 25_000, r0OptionCents: 10_000 },
    });

    // No card saved yet: the charge at signature fails and the client pays from the fees page.
    const due = await eventually(
      async () => {
        const res = ok(await get(url('/fees'), client.token)).body;
        return res.status === 'failed' ? res : undefined;
      },
      15_000,
      'the fee charge at signature to be recorded',
    );
    expect(due).toMatchObject({ payerId: client.id, totalDueCents: 35_000, totalChargedCents: 0 });
    const paid = ok(
      await post(url('/fees/pay'), client.token, { paymentMethodId: 'pm_card_visa' }),
    );
    expect(paid.body).toMatchObject({ status: 'paid', totalChargedCents: 35_000 });
  });

  it('the client funds 2 tranches; P1 is e-mailed each time and "gestion paiements" is right', async () => {
    const fund = (amountCents: number, label: string) =>
      post(url('/account/tranches'), client.token, {
        amountCents,
        label,
        paymentMethodId: 'pm_card_visa',
      });
    const one = ok(await fund(TRANCHE_1, 'Maquettes'), 201);
    firstTranche = one.body.tranches[0].trancheId as string;
    const two = ok(await fund(TRANCHE_2, 'Développement'), 201);
    secondTranche = two.body.tranches[1].trancheId as string;

    const told = await mailed(p1, 'tenders.r0_funded', 2);
    expect(told).toHaveLength(2);
    expect(told.map((m) => m.text).join(' ')).toContain('Maquettes');
    expect(told.map((m) => m.text).join(' ')).toContain('Développement');

    await t.settle();
    const seen = ok(await get(url('/account'), p1.token)).body;
    expect(seen).toMatchObject({
      formula: 'r0',
      agreedCents: AGREED,
      fundedCents: TRANCHE_1 + TRANCHE_2,
      releasedCents: 0,
      refundedCents: 0,
      heldCents: TRANCHE_1 + TRANCHE_2,
      unfundedCents: AGREED - TRANCHE_1 - TRANCHE_2,
      frozen: false,
      tranches: [
        { trancheId: firstTranche, amountCents: TRANCHE_1, status: 'funded' },
        { trancheId: secondTranche, amountCents: TRANCHE_2, status: 'funded' },
      ],
    });
  });

  it('the client releases tranche 1: every cent to P1, no commission', async () => {
    const released = ok(await post(url(`/account/tranches/${firstTranche}/release`), client.token));
    expect(released.body).toMatchObject({
      fundedCents: 350_000,
      releasedCents: TRANCHE_1,
      heldCents: TRANCHE_2,
      tranches: [
        { trancheId: firstTranche, status: 'released' },
        { trancheId: secondTranche, status: 'funded' },
      ],
    });
    await t.settle();
    const board = await eventually(
      async () => {
        const res = ok(await get('/me/payment-requests', p1.token)).body;
        return res.items.length === 1 ? res : undefined;
      },
      15_000,
      'the release on the payment requests board',
    );
    // The whole tranche is due to P1: the platform takes nothing from project releases.
    expect(board.items[0]).toMatchObject({
      projectId,
      amountCents: TRANCHE_1,
      releaseReason: 'tranche_released',
      status: 'awaiting_invoice',
    });
  });

  it('P1 opens a dispute; funding is refused while the account is frozen', async () => {
    const opened = ok(
      await post(url('/disputes'), p1.token, {
        statement: 'Le client refuse de libérer la tranche 2 pourtant livrée.',
      }),
      201,
    );
    disputeId = opened.body.disputeId as string;
    expect(opened.body).toMatchObject({
      status: 'open',
      subject: { kind: 'project', id: projectId },
      escrow: { status: 'frozen', heldCents: TRANCHE_2 },
    });
    const frozen = await post(url('/account/tranches'), client.token, {
      amountCents: 10_000,
      label: 'Complément',
      paymentMethodId: 'pm_card_visa',
    });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'PROJECT_ACCOUNT_FROZEN']);
    await t.settle();
    expect(ok(await get(url('/account'), client.token)).body).toMatchObject({
      frozen: true,
      disputeId,
      fundedCents: 350_000,
    });
  });

  it('a mediator decides: more than the account held is refused; a bounded split moves the money', async () => {
    ok(await post(`/disputes/${disputeId}/assign`, mediator));
    const asksMore = await post(`/disputes/${disputeId}/decision`, mediator, {
      outcome: 'pay_seller',
      releaseCents: AGREED - TRANCHE_1,
      reasoning: 'Projet entièrement livré.',
    });
    expect(asksMore.status).toBe(422);
    expect(asksMore.body).toMatchObject({ code: 'DECISION_EXCEEDS_HELD', heldCents: TRANCHE_2 });
    const decided = ok(
      await post(`/disputes/${disputeId}/decision`, mediator, {
        outcome: 'split',
        releaseCents: DECIDED_RELEASE,
        refundCents: DECIDED_REFUND,
        reasoning: 'Développement livré aux trois cinquièmes.',
      }),
    );
    expect(decided.body).toMatchObject({
      status: 'resolved',
      escrow: { status: 'closed', heldCents: 0 },
    });
    await t.settle();
    for (const who of [client, p1]) {
      const account = ok(await get(url('/account'), who.token)).body;
      expect(account).toMatchObject({
        fundedCents: 350_000,
        releasedCents: TRANCHE_1 + DECIDED_RELEASE,
        refundedCents: DECIDED_REFUND,
        heldCents: 0,
        unfundedCents: AGREED - 350_000,
        frozen: false,
        tranches: [
          { trancheId: firstTranche, status: 'released' },
          {
            trancheId: secondTranche,
            status: 'split',
            releasedCents: DECIDED_RELEASE,
            refundedCents: DECIDED_REFUND,
          },
        ],
      });
      // Money conserved: funded = released + refunded + held.
      expect(account.fundedCents).toBe(
        account.releasedCents + account.refundedCents + account.heldCents,
      );
    }
  });

  it('P1 invoices both releases, finance approves, the transfers reach P1’s bank account', async () => {
    const board = await eventually(
      async () => {
        const res = ok(await get('/me/payment-requests', p1.token)).body;
        return res.items.length === 2 ? res : undefined;
      },
      15_000,
      'both releases on the payment requests board',
    );
    const releases = board.items as {
      releaseId: string;
      amountCents: number;
      releaseReason: string;
    }[];
    expect(releases.map((r) => [r.releaseReason, r.amountCents]).sort()).toEqual([
      ['decision', DECIDED_RELEASE],
      ['tranche_released', TRANCHE_1],
    ]);
    expect(board.totalsCents).toMatchObject({
      awaiting_invoice: TRANCHE_1 + DECIDED_RELEASE,
      paid: 0,
    });
    // Released, not yet withdrawable: nothing in the wallet until finance accepts an invoice.
    expect(ok(await get('/wallet', p1.token)).body).toMatchObject({ availableCents: 0 });

    ok(
      await post('/wallet/withdrawal-accounts', p1.token, {
        kind: 'bank',
        iban: 'FR76 3000 6000 0112 3456 7890 189',
        holderName: 'Atelier Dupont',
      }),
      201,
    );

    const requestIds: string[] = [];
    for (const [n, release] of releases.entries()) {
      const invoiceFileId = await uploadFile(
        t,
        p1.token,
        'provider_invoice',
        await samplePdf(`Facture F-2026/10${n} SIRET 123 456 789 00012`),
        'facture.pdf',
      );
      const sent = ok(
        await post(url('/payment-requests'), p1.token, {
          releaseId: release.releaseId,
          invoiceFileId,
          invoiceNumber: `F-2026/10${n}`,
        }),
        201,
      );
      expect(sent.body).toMatchObject({
        status: 'submitted',
        amountCents: release.amountCents,
        providerId: p1.id,
        invoice: { fileId: invoiceFileId },
      });
      requestIds.push(sent.body.requestId as string);
    }
    await t.settle();
    const queue = ok(await get('/finance/payment-requests?status=submitted', finance)).body;
    expect(queue.items.map((i: { requestId: string }) => i.requestId)).toEqual(
      expect.arrayContaining(requestIds),
    );

    // Finance refuses the first invoice with a reason: P1 is e-mailed it and sends a corrected one.
    const reason = 'Le numéro de TVA intracommunautaire manque.';
    ok(await post(`/finance/payment-requests/${requestIds[0]}/refuse`, finance, { reason }));
    const refusal = await eventually(
      async () => t.mailbox.to(p1.email).find((m) => m.subject === 'Facture refusée : F-2026/100'),
      20_000,
      'the refusal e-mail',
    );
    expect(refusal.text).toContain(reason);
    const corrected = await uploadFile(
      t,
      p1.token,
      'provider_invoice',
      await samplePdf('Facture F-2026/100-bis SIRET 123 456 789 00012 TVA FR12123456789'),
      'facture-corrigee.pdf',
    );
    const resent = ok(
      await post(url('/payment-requests'), p1.token, {
        releaseId: releases[0].releaseId,
        invoiceFileId: corrected,
        invoiceNumber: 'F-2026/100-bis',
      }),
      201,
    );
    expect(resent.body).toMatchObject({ requestId: requestIds[0], status: 'submitted' });

    const payoutIds: string[] = [];
    for (const requestId of requestIds) {
      const approved = ok(await post(`/finance/payment-requests/${requestId}/approve`, finance));
      expect(approved.body).toMatchObject({ status: 'approved', payoutId: expect.any(String) });
      payoutIds.push(approved.body.payoutId as string);
    }
    const amounts: number[] = [];
    for (const payoutId of payoutIds) {
      const payout = await eventually(
        async () => {
          const res = await get(`/payouts/${payoutId}`, p1.token);
          return res.body?.status === 'sent' ? res.body : undefined;
        },
        20_000,
        'the transfer to be sent',
      );
      expect(payout).toMatchObject({
        providerId: p1.id,
        account: { kind: 'bank', ibanMasked: 'FR76 **** 0189' },
      });
      amounts.push(payout.amountCents as number);
    }
    expect(amounts.sort((a, b) => a - b)).toEqual([DECIDED_RELEASE, TRANCHE_1]);

    for (const requestId of requestIds)
      await eventually(
        async () => {
          const res = await get(`/finance/payment-requests/${requestId}`, finance);
          return res.body.status === 'paid' ? res.body : undefined;
        },
        20_000,
        'the request to be paid',
      );
    const wallet = await eventually(
      async () => {
        const res = await get('/wallet', p1.token);
        return res.body.paidOutCents === TRANCHE_1 + DECIDED_RELEASE ? res.body : undefined;
      },
      15_000,
      'the wallet to settle',
    );
    expect(wallet).toMatchObject({
      creditedCents: TRANCHE_1 + DECIDED_RELEASE,
      availableCents: 0,
      inTransitCents: 0,
    });

    // P1 is told of each transfer.
    const transfers = await eventually(
      async () => {
        const sent = t.mailbox.to(p1.email).filter((m) => m.subject.startsWith('Virement envoyé'));
        return sent.length >= 2 ? sent : undefined;
      },
      20_000,
      'the two transfer e-mails',
    );
    expect(transfers.map((m) => m.text).join('\n')).toContain('F-2026/100-bis');

    await t.settle();
    const mine = ok(await get('/me/payment-requests', p1.token)).body;
    expect(mine.items.every((i: { status: string }) => i.status === 'paid')).toBe(true);
    expect(mine.totalsCents).toMatchObject({
      awaiting_invoice: 0,
      paid: TRANCHE_1 + DECIDED_RELEASE,
    });
    const paidList = ok(await get('/finance/payment-requests?status=paid', finance)).body;
    expect(paidList.items.map((i: { requestId: string }) => i.requestId)).toEqual(
      expect.arrayContaining(requestIds),
    );
  });
});
