import { randomUUID } from 'node:crypto';
import { ReactorRunner } from '../../../src/infrastructure/subscriptions/reactor-runner';
import { samplePng, uploadFile } from '../../support/files';
import { startTestApp, TestApp } from '../../support/test-app';
import {
  account,
  Account,
  deliveredOrder,
  gatewayOperations,
  walletCredits,
} from './dispute-fixtures';

const PRICE = 45_000;
const REFUND = 15_000;
const RELEASED = PRICE - REFUND;
/** 10 % catalog commission, on the released part only. */
const COMMISSION = 3_000;
const NOTE = 'Le vendeur a livré deux des trois formats ; vérifier les horodatages.';

describe('a contested order, from placement to a partial-refund decision', () => {
  let t: TestApp;
  let buyer: Account;
  let seller: Account;
  let mediator: Account;
  let outsider: Account;
  let orderId: string;
  let escrowId: string;
  let disputeId: string;
  let frozenPosition: string;
  let frozenTime: string;

  beforeAll(async () => {
    t = await startTestApp();
    [buyer, seller, mediator, outsider] = await Promise.all([
      account(t, 'client'),
      account(t, 'provider'),
      account(t, 'mediator'),
      account(t, 'client'),
    ]);
    ({ orderId, escrowId } = await deliveredOrder(t, buyer, seller, PRICE));
    const message = await t.request('POST', `/orders/${orderId}/messages`, {
      token: buyer.token,
      body: { text: 'Il manque la version vectorielle du logo.' },
    });
    expect(message.status).toBe(201);
  });
  afterAll(async () => t.close());

  it('lets the buyer contest: the order is Contesté and its escrow frozen', async () => {
    const res = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
      body: {
        reason: 'not_as_described',
        statement: 'Le format vectoriel promis manque.',
        evidenceRefs: [
          await uploadFile(t, buyer.token, 'dispute_evidence', undefined, 'commande.pdf'),
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      statusLabel: 'Ouvert',
      order: { status: 'contested', statusLabel: 'Contesté' },
      escrow: { status: 'frozen', heldCents: PRICE },
      effects: 'done',
    });
    disputeId = res.body.disputeId;
  });

  it('answers 409 ORDER_FROZEN to every other command on the order', async () => {
    const accept = await t.request('POST', `/orders/${orderId}/accept`, { token: buyer.token });
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({ code: 'ORDER_FROZEN', currentStatus: 'contested' });
    const deliver = await t.request('POST', `/orders/${orderId}/deliveries`, {
      token: seller.token,
      body: {
        message: 'Nouvelle version',
        fileRefs: [await uploadFile(t, seller.token, 'deliverable', samplePng(), 'logo-v2.png')],
      },
    });
    expect(deliver).toMatchObject({ status: 409, body: { code: 'ORDER_FROZEN' } });
    const second = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: seller.token,
      body: { reason: 'other', statement: 'Moi aussi' },
    });
    expect(second).toMatchObject({
      status: 409,
      body: { code: 'DISPUTE_ALREADY_OPENED', disputeId },
    });
  });

  it('records the seller’s response, the mediator taking the case and an internal note', async () => {
    const response = await t.request('POST', `/disputes/${disputeId}/statements`, {
      token: seller.token,
      body: {
        text: 'Le fichier vectoriel était dans l’archive.',
        evidenceRefs: [
          await uploadFile(t, seller.token, 'dispute_evidence', undefined, 'archive.pdf'),
        ],
      },
    });
    expect(response).toMatchObject({ status: 200, body: { events: ['DisputeStatementAdded'] } });
    const take = await t.request('POST', `/disputes/${disputeId}/assign`, {
      token: mediator.token,
      body: {},
    });
    expect(take).toMatchObject({ status: 200, body: { status: 'under_review' } });
    const note = await t.request('POST', `/disputes/${disputeId}/notes`, {
      token: mediator.token,
      body: { text: NOTE },
    });
    expect(note).toMatchObject({ status: 200, body: { events: ['DisputeInternalNoteAdded'] } });

    const history = await t.request('GET', `/cases/${orderId}/history`, { token: mediator.token });
    expect(history.status).toBe(200);
    const last = history.body.timeline[history.body.timeline.length - 1];
    expect(last.type).toBe('DisputeInternalNoteAdded');
    frozenPosition = last.position;
    frozenTime = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
  });

  it('refuses a decision above what the escrow holds with 422 and moves nothing', async () => {
    const res = await t.request('POST', `/disputes/${disputeId}/decision`, {
      token: mediator.token,
      body: { outcome: 'partial_refund', refundCents: PRICE + 1, reasoning: 'Trop' },
    });
    expect(res).toMatchObject({
      status: 422,
      body: { code: 'DECISION_EXCEEDS_HELD', heldCents: PRICE },
    });
  });

  it('decides a partial refund: the escrow refunds the buyer and releases the rest, the order is Résolu', async () => {
    const res = await t.request('POST', `/disputes/${disputeId}/decision`, {
      token: mediator.token,
      idempotencyKey: randomUUID(),
      body: {
        outcome: 'partial_refund',
        refundCents: REFUND,
        reasoning: 'Deux formats sur trois livrés.',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'resolved',
      statusLabel: 'Résolu',
      order: { status: 'resolved', statusLabel: 'Résolu' },
      escrow: { status: 'closed', heldCents: 0 },
      effects: 'done',
    });
    await t.settle();

    const order = await t.request('GET', `/orders/${orderId}`, { token: buyer.token });
    expect(order.body).toMatchObject({ status: 'resolved', statusLabel: 'Résolu' });
    const escrow = await t.request('GET', `/orders/${orderId}/escrow`, { token: buyer.token });
    expect(escrow.body).toMatchObject({
      fundedCents: PRICE,
      refundedCents: REFUND,
      releasedCents: RELEASED,
      heldCents: 0,
    });
  });

  it('refunds the buyer and pays the seller at the gateway, and credits the seller net of commission', async () => {
    const operations = await gatewayOperations(t, escrowId);
    const refunds = operations.filter((o) => o.operation === 'refund');
    const releases = operations.filter((o) => o.operation === 'release');
    expect(refunds.map((o) => o.request.amountCents)).toEqual([REFUND]);
    expect(releases.map((o) => [o.request.amountCents, o.request.payeeNetCents])).toEqual([
      [RELEASED, RELEASED - COMMISSION],
    ]);
    expect(await walletCredits(t, seller.id)).toBe(RELEASED - COMMISSION);

    const history = await t.request('GET', `/cases/${orderId}/history`, { token: mediator.token });
    const released = history.body.timeline.find((e: any) => e.type === 'EscrowReleased');
    expect(released.event.data).toMatchObject({
      amountCents: RELEASED,
      commissionCents: COMMISSION,
      payeeNetCents: RELEASED - COMMISSION,
      reason: 'decision',
      disputeId,
    });
    const decided = history.body.timeline.find((e: any) => e.type === 'DisputeDecided');
    expect(decided).toMatchObject({
      actor: { id: mediator.id, caseRole: 'mediator' },
      description:
        'Mediator decided: partial refund (€150.00 refunded to the buyer, €300.00 released to the seller)',
      event: {
        data: {
          decidedBy: mediator.id,
          reasoning: 'Deux formats sur trois livrés.',
          refundCents: REFUND,
          releaseCents: RELEASED,
        },
      },
    });
  });

  it('lets the disputes reactor re-deliver every dispute event without an error or a second write', async () => {
    await t.settle();
    const reactor = t.app
      .get(ReactorRunner)
      .status()
      .find((r) => r.name === 'disputes.case-effects');
    expect(reactor).toMatchObject({ lastError: null });
    expect(reactor!.handled).toBeGreaterThanOrEqual(5);
    const history = await t.request('GET', `/cases/${orderId}/history`, { token: mediator.token });
    const types: string[] = history.body.timeline.map((e: any) => e.type);
    for (const once of [
      'OrderContested',
      'EscrowFrozen',
      'EscrowRefunded',
      'EscrowReleased',
      'OrderResolved',
    ]) {
      expect(types.filter((type) => type === once)).toHaveLength(1);
    }
  });

  it('replays the case as it stood before the decision: frozen', async () => {
    for (const at of [frozenPosition, frozenTime]) {
      const res = await t.request('GET', `/cases/${orderId}/history?at=${encodeURIComponent(at)}`, {
        token: buyer.token,
      });
      expect(res.status).toBe(200);
      expect(res.body.state.order).toMatchObject({
        status: 'contested',
        statusLabel: 'Contesté',
        contest: { disputeId },
      });
      expect(res.body.state.escrow).toMatchObject({
        status: 'frozen',
        frozenBy: disputeId,
        heldCents: PRICE,
        refundedCents: 0,
        releasedCents: 0,
      });
      expect(res.body.state.disputes).toEqual([
        expect.objectContaining({
          disputeId,
          state: expect.objectContaining({ status: 'under_review' }),
        }),
      ]);
      expect(res.body.timeline.some((e: any) => e.type === 'DisputeDecided')).toBe(false);
    }
  });

  it('gives both parties the whole timeline in order, without the internal note', async () => {
    for (const party of [buyer, seller]) {
      const res = await t.request('GET', `/cases/${orderId}/history`, { token: party.token });
      expect(res.status).toBe(200);
      const types: string[] = res.body.timeline.map((e: any) => e.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'OrderPlaced',
          'EscrowFunded',
          'OrderMessagePosted',
          'DisputeOpened',
          'OrderContested',
          'EscrowFrozen',
          'DisputeDecided',
          'EscrowRefunded',
          'EscrowReleased',
          'OrderResolved',
        ]),
      );
      expect(types.indexOf('OrderPlaced')).toBeLessThan(types.indexOf('DisputeOpened'));
      expect(types.indexOf('DisputeDecided')).toBeLessThan(types.indexOf('OrderResolved'));
      expect(types).not.toContain('DisputeInternalNoteAdded');
      expect(res.text).not.toContain(NOTE);
    }
    const staff = await t.request('GET', `/cases/${orderId}/history`, { token: mediator.token });
    expect(staff.text).toContain(NOTE);
  });

  it('answers 404 to someone who is not a party, on the case and on the dispute', async () => {
    const history = await t.request('GET', `/cases/${orderId}/history`, { token: outsider.token });
    expect(history).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
    const dispute = await t.request('GET', `/disputes/${disputeId}`, { token: outsider.token });
    expect(dispute).toMatchObject({ status: 404, body: { code: 'DISPUTE_NOT_FOUND' } });
    const contest = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: outsider.token,
      body: { reason: 'other', statement: 'x' },
    });
    expect(contest).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_FOUND' } });
  });

  it('refuses a malformed `at` with 400', async () => {
    const res = await t.request('GET', `/cases/${orderId}/history?at=yesterday`, {
      token: buyer.token,
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'CASE_AT_INVALID' } });
  });
});
