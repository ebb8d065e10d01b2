import { disputeEffectIds } from '../deterministic-id';
import {
  AMOUNT,
  commandBusOver,
  decidedCase,
  deliveredOrder,
  ids,
  InMemoryEventStore,
} from '../disputes.fixtures.spec';
import { parseCaseMoment } from './case-at';
import { CaseHistory } from './case-history';

const disputeId = disputeEffectIds.dispute(ids.order, 0);
const staffViewer = { accountId: ids.mediator, roles: ['mediator'] };
const buyerViewer = { accountId: ids.buyer, roles: ['client'] };
const sellerViewer = { accountId: ids.seller, roles: ['provider'] };

describe('case history', () => {
  it('merges the order, its conversation, its escrow and its dispute in log order, in plain words', async () => {
    const { history, store } = await decidedCase();
    const result = await history.load(ids.order, staffViewer);
    expect(result.timeline).toHaveLength(store.log.length);
    expect(result.timeline.map((e) => e.type)).toEqual(store.log.map((e) => e.type));
    expect(result.timeline.map((e) => e.seq)).toEqual(store.log.map((_, i) => i + 1));
    const lines = result.timeline.map((e) => `${e.actor.caseRole}: ${e.description}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'seller: Seller wrote: “Here is a first draft, tell me what you think.”',
        'buyer: Buyer opened a dispute: not as described',
        'buyer: Buyer contested the order; it is frozen until the dispute ends',
        'buyer: Escrow frozen by the dispute: no money moves until it ends',
        'mediator: Mediator took the case',
        'mediator: Mediator added an internal note',
        'mediator: Mediator decided: partial refund (€40.00 refunded to the buyer, €60.00 released to the seller)',
        'mediator: €60.00 released to the seller by decision (commission €6.00, seller receives €54.00)',
        'mediator: Order resolved: €40.00 refunded to the buyer, €60.00 released to the seller (commission €6.00)',
      ]),
    );
    const decided = result.timeline.find((e) => e.type === 'DisputeDecided')!;
    expect(decided.event.data).toMatchObject({
      reasoning: 'Partly delivered.',
      decidedBy: ids.mediator,
    });
    expect(decided.actor).toEqual({ id: ids.mediator, role: 'mediator', caseRole: 'mediator' });
    expect(result).toMatchObject({
      access: 'staff',
      disputeIds: [disputeId],
      escrowId: ids.escrow,
      asOf: null,
    });
    expect(result.state).toBeUndefined();
  });

  it('never shows internal notes to either party, while staff see them', async () => {
    const { history } = await decidedCase();
    for (const viewer of [buyerViewer, sellerViewer]) {
      const party = await history.load(ids.order, viewer);
      expect(party.access).toBe('party');
      expect(party.timeline.some((e) => e.type === 'DisputeInternalNoteAdded')).toBe(false);
      expect(JSON.stringify(party)).not.toContain('Seller seems right.');
    }
    const staff = await history.load(ids.order, staffViewer);
    expect(staff.timeline.some((e) => e.type === 'DisputeInternalNoteAdded')).toBe(true);
  });

  it('shows finance the case without internal notes', async () => {
    const { history } = await decidedCase();
    const finance = await history.load(ids.order, { accountId: 'fin-1', roles: ['finance'] });
    expect(finance.access).toBe('auditor');
    expect(finance.timeline.some((e) => e.type === 'DisputeInternalNoteAdded')).toBe(false);
  });

  it('answers CASE_NOT_FOUND to a non-party, exactly as for an unknown order', async () => {
    const { history } = await decidedCase();
    await expect(
      history.load(ids.order, { accountId: ids.outsider, roles: ['client'] }),
    ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND', family: 'not_found' });
    await expect(
      history.load('00000000-0000-4000-8000-000000000000', staffViewer),
    ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });

  it('rebuilds the frozen case as it stood just before the decision (position)', async () => {
    const { history, beforeDecision } = await decidedCase();
    const at = `${beforeDecision.position.commit}:${beforeDecision.position.prepare}`;
    const result = await history.load(ids.order, buyerViewer, parseCaseMoment(at));
    expect(result.asOf).toMatchObject({ kind: 'position', at });
    expect(result.timeline.some((e) => e.type === 'DisputeDecided')).toBe(false);
    expect(result.state?.order).toMatchObject({
      status: 'contested',
      statusLabel: 'Contesté',
      contest: { disputeId },
    });
    expect(result.state?.escrow).toMatchObject({
      status: 'frozen',
      frozenBy: disputeId,
      heldCents: AMOUNT,
      refundedCents: 0,
      releasedCents: 0,
    });
    expect(result.state?.disputes).toEqual([
      expect.objectContaining({
        disputeId,
        statusLabel: 'En cours d’examen',
        state: expect.objectContaining({ status: 'under_review', mediatorId: ids.mediator }),
      }),
    ]);
    // The party still sees no note, and the latest state is not leaked.
    expect(JSON.stringify(result)).not.toContain('Seller seems right.');
    expect(result.totalEvents).toBeGreaterThan(result.timeline.length);
  });

  it('rebuilds by recorded time too, and the latest moment shows the resolved case', async () => {
    const { history, beforeDecision, store } = await decidedCase();
    const at = beforeDecision.recordedAt.toISOString();
    const before = await history.load(ids.order, staffViewer, parseCaseMoment(at));
    expect(before.state?.order.status).toBe('contested');
    const last = store.log[store.log.length - 1].recordedAt.toISOString();
    const after = await history.load(ids.order, staffViewer, parseCaseMoment(last));
    expect(after.state?.order).toMatchObject({
      status: 'resolved',
      statusLabel: 'Résolu',
      resolution: { refundedCents: 4_000, releasedCents: 6_000, commissionCents: 600 },
    });
    expect(after.state?.escrow).toMatchObject({ status: 'closed', heldCents: 0 });
    expect(after.state?.disputes[0].state).toMatchObject({
      status: 'resolved',
      resolution: { via: 'decision', decidedBy: ids.mediator },
    });
  });

  it('shows a dispute that opened but has not frozen the order yet', async () => {
    const store = new InMemoryEventStore();
    const bus = commandBusOver(store);
    await deliveredOrder(bus);
    await store.appendToStream(`dispute-${disputeId}`, [
      {
        id: disputeEffectIds.opened(disputeId),
        type: 'DisputeOpened',
        data: {
          disputeId,
          subject: { kind: 'order', id: ids.order },
          openerRole: 'buyer',
          reason: 'late_delivery',
          buyerId: ids.buyer,
          sellerId: ids.seller,
        },
        metadata: { actorId: ids.buyer, actorRole: 'client' },
      },
    ]);
    const result = await new CaseHistory(store).load(ids.order, buyerViewer);
    expect(result.disputeIds).toEqual([disputeId]);
    expect(result.timeline[result.timeline.length - 1].description).toBe(
      'Buyer opened a dispute: late delivery',
    );
  });
});
