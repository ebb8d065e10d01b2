import { CommandMeta } from '../../domain/shared';
import { EscrowCommandMessage } from '../escrow/escrow.messages';
import { OrderCommandMessage } from '../orders/order.messages';
import { disputeEffectIds } from './deterministic-id';
import { DisputeEffects } from './dispute-effects';
import { DisputeEffectsReactor } from './dispute-effects.reactor';
import { DisputeCommandMessage } from './dispute.messages';
import {
  AMOUNT,
  commandBusOver,
  deliveredOrder,
  ids,
  InMemoryEventStore,
  noUploads,
} from './disputes.fixtures.spec';
import { OpenOrderDispute, OpenOrderDisputeHandler } from './open-order-dispute.handler';
import {
  DisputeCaseAction,
  RunDisputeCase,
  RunDisputeCaseHandler,
} from './run-dispute-case.handler';

const NOW = '2025-03-02T10:00:00.000Z';
const LATER = '2025-03-03T10:00:00.000Z';
const buyer = { now: NOW, actorId: ids.buyer, actorRole: 'client' as const };
const seller = { now: NOW, actorId: ids.seller, actorRole: 'provider' as const };
const mediator = { now: LATER, actorId: ids.mediator, actorRole: 'mediator' as const };
const causation = { correlationId: 'request-1' };
const disputeId = disputeEffectIds.dispute(ids.order, 0);

async function setup() {
  const store = new InMemoryEventStore();
  const bus = commandBusOver(store);
  const effects = new DisputeEffects(store, bus);
  const opener = new OpenOrderDisputeHandler(
    store,
    { responseDeadlineDays: 5 },
    effects,
    noUploads,
  );
  const runner = new RunDisputeCaseHandler(bus, effects);
  const reactor = new DisputeEffectsReactor(effects);
  await deliveredOrder(bus);
  const open = (meta: CommandMeta = buyer) =>
    opener.execute(
      new OpenOrderDispute(
        ids.order,
        { reason: 'not_as_described', statement: 'Only one of the three formats was delivered.' },
        meta,
        causation,
      ),
    );
  const run = (action: DisputeCaseAction, id = disputeId) =>
    runner.execute(new RunDisputeCase(id, action, causation));
  /** Re-delivers every dispute event to the reactor, as a catch-up after a crash would. */
  const replayReactor = async () => {
    for (const event of store.log.filter((e) => e.streamName.startsWith('dispute-')))
      await reactor.handle(event);
  };
  const orderCommand = (command: any) =>
    bus.execute(new OrderCommandMessage(ids.order, command, causation));
  const escrowCommand = (command: any) =>
    bus.execute(new EscrowCommandMessage(ids.escrow, command, causation));
  return { store, bus, effects, open, run, reactor, replayReactor, orderCommand, escrowCommand };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function openAndAssign(s: Setup) {
  await s.open();
  await s.run({ type: 'AssignMediator', data: { mediatorId: ids.mediator }, meta: mediator });
}

describe('opening a dispute on an order', () => {
  it('opens the dispute, then freezes the order (Contesté) and its escrow', async () => {
    const s = await setup();
    const result = await s.open();
    expect(result).toMatchObject({
      disputeId,
      status: 'open',
      order: { status: 'contested', statusLabel: 'Contesté' },
      escrow: { status: 'frozen', heldCents: AMOUNT },
      effects: 'done',
    });
    const dispute = await s.effects.dispute(disputeId);
    expect(dispute.state).toMatchObject({
      status: 'open',
      heldCents: AMOUNT,
      orderStatusAtOpening: 'delivered',
      responseDueAt: '2025-03-07T10:00:00.000Z',
    });
  });

  it('lets the seller open one too, the buyer then being the one to respond', async () => {
    const s = await setup();
    await s.open(seller);
    expect((await s.effects.dispute(disputeId)).state).toMatchObject({
      openerRole: 'seller',
      respondentId: ids.buyer,
    });
  });

  it.each([
    ['AcceptDelivery', { type: 'AcceptDelivery', data: { orderId: ids.order }, meta: buyer }],
    [
      'RequestRevision',
      { type: 'RequestRevision', data: { orderId: ids.order, instructions: 'again' }, meta: buyer },
    ],
    [
      'RequestCancellation',
      { type: 'RequestCancellation', data: { orderId: ids.order, reason: 'stop' }, meta: seller },
    ],
    [
      'DeliverOrder',
      {
        type: 'DeliverOrder',
        data: { orderId: ids.order, deliveryId: 'd2', message: 'm', fileRefs: [] },
        meta: seller,
      },
    ],
  ])('answers ORDER_FROZEN to %s on the frozen order', async (_name, command) => {
    const s = await setup();
    await s.open();
    await expect(s.orderCommand(command)).rejects.toMatchObject({
      code: 'ORDER_FROZEN',
      family: 'conflict',
    });
  });

  it('answers ORDER_FROZEN to a release or refund of the frozen escrow outside a decision', async () => {
    const s = await setup();
    await s.open();
    await expect(
      s.escrowCommand({
        type: 'ReleaseEscrow',
        data: { releaseId: 'r', amountCents: AMOUNT, reason: 'accepted' },
        meta: buyer,
      }),
    ).rejects.toMatchObject({ code: 'ORDER_FROZEN' });
    await expect(
      s.escrowCommand({
        type: 'RefundEscrow',
        data: { refundId: 'r', amountCents: AMOUNT, reason: 'cancelled' },
        meta: { ...buyer, actorRole: 'system' },
      }),
    ).rejects.toMatchObject({ code: 'ORDER_FROZEN' });
  });

  it('tells an outsider the order does not exist, and writes nothing', async () => {
    const s = await setup();
    const before = s.store.log.length;
    await expect(s.open({ ...buyer, actorId: ids.outsider })).rejects.toMatchObject({
      code: 'ORDER_NOT_FOUND',
      family: 'not_found',
    });
    expect(s.store.log).toHaveLength(before);
  });

  it('refuses a second dispute while one is in progress, from either party', async () => {
    const s = await setup();
    await s.open();
    await expect(s.open(seller)).rejects.toMatchObject({
      code: 'DISPUTE_ALREADY_OPENED',
      details: { disputeId },
    });
  });

  it('refuses an order that has not started (ORDER_NOT_CONTESTABLE) and freezes nothing', async () => {
    const store = new InMemoryEventStore();
    const bus = commandBusOver(store);
    const effects = new DisputeEffects(store, bus);
    const opener = new OpenOrderDisputeHandler(
      store,
      { responseDeadlineDays: 5 },
      effects,
      noUploads,
    );
    await deliveredOrder(bus);
    // A second order of the same buyer and seller, placed but not started.
    const orderId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    await bus.execute(
      new OrderCommandMessage(
        orderId,
        {
          type: 'PlaceOrder',
          data: {
            orderId,
            escrowId: ids.escrow,
            buyerId: ids.buyer,
            sellerId: ids.seller,
            source: {
              kind: 'catalog',
              gigId: 'g',
              gigTitle: 'Logo',
              gigKind: 'package',
              unitPriceCents: AMOUNT,
              deliveryDays: 3,
              extras: [],
            },
            commissionRateBp: 1_000,
          },
          meta: buyer,
        },
        causation,
      ),
    );
    await expect(
      opener.execute(
        new OpenOrderDispute(orderId, { reason: 'other', statement: 'x' }, buyer, causation),
      ),
    ).rejects.toMatchObject({
      code: 'ORDER_NOT_CONTESTABLE',
      details: { currentStatus: 'awaiting_start' },
    });
    expect(store.log.some((e) => e.type === 'EscrowFrozen' || e.type === 'DisputeOpened')).toBe(
      false,
    );
  });

  it('freezes through the reactor when the process stopped right after the dispute opened', async () => {
    const s = await setup();
    await s.bus.execute(
      new DisputeCommandMessage(
        disputeId,
        {
          type: 'OpenDispute',
          data: {
            disputeId,
            subject: { kind: 'order', id: ids.order },
            buyerId: ids.buyer,
            sellerId: ids.seller,
            escrowId: ids.escrow,
            reason: 'late_delivery',
            statement: 'Late',
            orderStatus: 'delivered',
            heldCents: AMOUNT,
          },
          meta: buyer,
        },
        causation,
        { eventIds: () => disputeEffectIds.opened(disputeId) },
      ),
    );
    await s.replayReactor();
    expect((await s.effects.orderView(ids.order)).contest?.disputeId).toBe(disputeId);
    expect((await s.effects.escrowView(ids.escrow)).frozenBy).toBe(disputeId);
  });

  it('changes nothing when the reactor re-delivers what the request already did', async () => {
    const s = await setup();
    await s.open();
    const before = s.store.log.length;
    await s.replayReactor();
    await s.replayReactor();
    expect(s.store.log).toHaveLength(before);
  });

  it('does not mistake the request path and the reactor freezing at the same time for a refusal', async () => {
    const s = await setup();
    const racing = commandBusOver(s.store);
    const execute = racing.execute.bind(racing);
    let raced = false;
    // The other path freezes the escrow between this path's check and its own FreezeEscrow.
    (racing as any).execute = async (message: any) => {
      if (!raced && message.command?.type === 'FreezeEscrow') {
        raced = true;
        await execute(message);
      }
      return execute(message);
    };
    const opener = new OpenOrderDisputeHandler(
      s.store,
      { responseDeadlineDays: 5 },
      new DisputeEffects(s.store, racing),
      noUploads,
    );
    const result = await opener.execute(
      new OpenOrderDispute(ids.order, { reason: 'other', statement: 'x' }, buyer, causation),
    );
    expect(raced).toBe(true);
    expect(result).toMatchObject({
      status: 'open',
      order: { status: 'contested' },
      escrow: { status: 'frozen' },
      effects: 'done',
    });
    expect(s.store.log.filter((e) => e.type === 'OrderContested')).toHaveLength(1);
    expect(s.store.log.filter((e) => e.type === 'EscrowFrozen')).toHaveLength(1);
  });

  it('withdraws the dispute when the order moved on before it could be frozen', async () => {
    const s = await setup();
    // The buyer accepted the delivery between the dispute's read of the order and its contest.
    await s.orderCommand({ type: 'AcceptDelivery', data: { orderId: ids.order }, meta: buyer });
    await s.bus.execute(
      new DisputeCommandMessage(
        disputeId,
        {
          type: 'OpenDispute',
          data: {
            disputeId,
            subject: { kind: 'order', id: ids.order },
            buyerId: ids.buyer,
            sellerId: ids.seller,
            escrowId: ids.escrow,
            reason: 'other',
            statement: 'x',
            orderStatus: 'delivered',
            heldCents: AMOUNT,
          },
          meta: seller,
        },
        causation,
        { eventIds: () => disputeEffectIds.opened(disputeId) },
      ),
    );
    await expect(s.replayReactor()).rejects.toMatchObject({ code: 'ORDER_TERMINAL' });
    expect((await s.effects.dispute(disputeId)).state.status).toBe('withdrawn');
    expect(s.store.log.some((e) => e.type === 'EscrowFrozen')).toBe(false);
  });
});

describe('withdrawing', () => {
  it('puts the order back where it was and unfreezes the escrow', async () => {
    const s = await setup();
    await s.open();
    const result = await s.run({
      type: 'WithdrawDispute',
      data: {},
      meta: { ...buyer, now: LATER },
    });
    expect(result).toMatchObject({
      status: 'withdrawn',
      order: { status: 'delivered' },
      escrow: { status: 'held', heldCents: AMOUNT },
      effects: 'done',
    });
    // The order is no longer frozen: the buyer can accept the delivery.
    await expect(
      s.orderCommand({ type: 'AcceptDelivery', data: { orderId: ids.order }, meta: buyer }),
    ).resolves.toBeDefined();
  });

  it('is for the opener only', async () => {
    const s = await setup();
    await s.open();
    await expect(s.run({ type: 'WithdrawDispute', data: {}, meta: seller })).rejects.toMatchObject({
      code: 'NOT_THE_OPENER',
    });
  });

  it('lets a new dispute open afterwards, with the next id', async () => {
    const s = await setup();
    await s.open();
    await s.run({ type: 'WithdrawDispute', data: {}, meta: buyer });
    const second = await s.open(seller);
    expect(second.disputeId).toBe(disputeEffectIds.dispute(ids.order, 1));
    expect(second.order?.status).toBe('contested');
  });
});

describe('mediation', () => {
  it('hides a dispute from someone who is neither a party nor staff', async () => {
    const s = await setup();
    await s.open();
    await expect(
      s.run({
        type: 'AddStatement',
        data: { statementId: 's1', text: 'me too', evidenceRefs: [] },
        meta: { ...buyer, actorId: ids.outsider },
      }),
    ).rejects.toMatchObject({ code: 'DISPUTE_NOT_FOUND', family: 'not_found' });
  });

  it('resolves the case when both parties accept the settlement', async () => {
    const s = await setup();
    await openAndAssign(s);
    await s.run({
      type: 'ProposeSettlement',
      data: { settlementId: 'st1', refundCents: 2_500, releaseCents: 7_500 },
      meta: mediator,
    });
    const first = await s.run({
      type: 'AcceptSettlement',
      data: { settlementId: 'st1' },
      meta: seller,
    });
    expect(first).toMatchObject({ status: 'settlement_proposed', order: { status: 'contested' } });
    const both = await s.run({
      type: 'AcceptSettlement',
      data: { settlementId: 'st1' },
      meta: buyer,
    });
    expect(both).toMatchObject({
      status: 'resolved',
      order: { status: 'resolved', statusLabel: 'Résolu' },
      escrow: { status: 'closed', heldCents: 0 },
      effects: 'done',
    });
    const escrow = await s.effects.escrowView(ids.escrow);
    expect(escrow).toMatchObject({
      refundedCents: 2_500,
      releasedCents: 7_500,
      commissionCents: 750,
      payeeNetCents: 6_750,
    });
  });
});

describe('arbitration decision', () => {
  it('refunds part, releases the rest with the commission on it, and resolves the order', async () => {
    const s = await setup();
    await openAndAssign(s);
    const result = await s.run({
      type: 'DecideDispute',
      data: {
        decisionId: 'dec1',
        outcome: 'partial_refund',
        refundCents: 4_000,
        reasoning: 'Two formats of three delivered.',
      },
      meta: mediator,
    });
    expect(result).toMatchObject({
      status: 'resolved',
      order: { status: 'resolved' },
      escrow: { status: 'closed', heldCents: 0 },
      effects: 'done',
    });
    const refund = s.store.log.find((e) => e.type === 'EscrowRefunded');
    const release = s.store.log.find((e) => e.type === 'EscrowReleased');
    expect(refund?.data).toMatchObject({
      amountCents: 4_000,
      reason: 'decision',
      disputeId,
      decisionId: 'dec1',
      payerId: ids.buyer,
    });
    expect(release?.data).toMatchObject({
      amountCents: 6_000,
      commissionCents: 600,
      payeeNetCents: 5_400,
      reason: 'decision',
      payeeId: ids.seller,
    });
    const resolved = s.store.log.find((e) => e.type === 'OrderResolved');
    expect(resolved?.data).toMatchObject({
      refundedCents: 4_000,
      releasedCents: 6_000,
      commissionCents: 600,
      sellerNetCents: 5_400,
      resolvedBy: ids.mediator,
    });
    const decided = s.store.log.find((e) => e.type === 'DisputeDecided');
    expect(decided?.data).toMatchObject({
      decidedBy: ids.mediator,
      reasoning: 'Two formats of three delivered.',
      refundCents: 4_000,
      releaseCents: 6_000,
      heldCents: AMOUNT,
    });
  });

  it('carries out nothing twice when the reactor re-delivers the decision', async () => {
    const s = await setup();
    await openAndAssign(s);
    await s.run({
      type: 'DecideDispute',
      data: { decisionId: 'dec1', outcome: 'full_refund', reasoning: 'Nothing delivered.' },
      meta: mediator,
    });
    const before = s.store.log.length;
    await s.replayReactor();
    expect(s.store.log).toHaveLength(before);
    expect(s.store.log.filter((e) => e.type === 'EscrowRefunded')).toHaveLength(1);
  });

  it('finishes through the reactor a decision whose consequences were never carried out', async () => {
    const s = await setup();
    await openAndAssign(s);
    await s.bus.execute(
      new DisputeCommandMessage(
        disputeId,
        {
          type: 'DecideDispute',
          data: {
            decisionId: 'dec1',
            outcome: 'pay_seller',
            reasoning: 'Delivered as agreed.',
            heldCents: AMOUNT,
          },
          meta: mediator,
        },
        causation,
      ),
    );
    await s.replayReactor();
    expect((await s.effects.orderView(ids.order)).status).toBe('resolved');
    expect(await s.effects.escrowView(ids.escrow)).toMatchObject({
      releasedCents: AMOUNT,
      commissionCents: 1_000,
    });
  });

  it('lets an admin decide without taking the case', async () => {
    const s = await setup();
    await s.open();
    const admin = { now: LATER, actorId: 'admin-1', actorRole: 'admin' as const };
    const result = await s.run({
      type: 'DecideDispute',
      data: {
        decisionId: 'd',
        outcome: 'split',
        refundCents: 5_000,
        releaseCents: 5_000,
        reasoning: 'Half.',
      },
      meta: admin,
    });
    expect(result).toMatchObject({
      status: 'resolved',
      order: { status: 'resolved' },
      effects: 'done',
    });
  });

  it.each([
    [
      'a refund over what is held',
      { outcome: 'partial_refund', refundCents: AMOUNT + 1 },
      'DECISION_EXCEEDS_HELD',
    ],
    [
      'a split over what is held',
      { outcome: 'split', refundCents: 6_000, releaseCents: 5_000 },
      'DECISION_EXCEEDS_HELD',
    ],
    [
      'a split leaving money stuck',
      { outcome: 'split', refundCents: 1_000, releaseCents: 1_000 },
      'DECISION_MUST_DISTRIBUTE_HELD',
    ],
    [
      'a "partial" refund of everything',
      { outcome: 'partial_refund', refundCents: AMOUNT },
      'DECISION_AMOUNTS_DO_NOT_MATCH_OUTCOME',
    ],
  ])('refuses %s with 422 and moves no money', async (_name, amounts, code) => {
    const s = await setup();
    await openAndAssign(s);
    await expect(
      s.run({
        type: 'DecideDispute',
        data: { decisionId: 'd', reasoning: 'r', ...amounts } as any,
        meta: mediator,
      }),
    ).rejects.toMatchObject({ code, family: 'unprocessable' });
    expect(
      s.store.log.some(
        (e) =>
          e.type === 'EscrowRefunded' || e.type === 'EscrowReleased' || e.type === 'DisputeDecided',
      ),
    ).toBe(false);
    expect((await s.effects.orderView(ids.order)).status).toBe('contested');
  });

  it('is refused to a mediator who has not taken the case', async () => {
    const s = await setup();
    await s.open();
    await expect(
      s.run({
        type: 'DecideDispute',
        data: { decisionId: 'd', outcome: 'full_refund', reasoning: 'r' },
        meta: mediator,
      }),
    ).rejects.toMatchObject({ code: 'NOT_ASSIGNED_MEDIATOR' });
  });
});
