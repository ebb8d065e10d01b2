import type { CommandBus } from '@nestjs/cqrs';
import { gatewayLogDecider } from '../../domain/payments';
import { payoutDecider } from '../../domain/payouts';
import {
  AMOUNT,
  commandBusOver,
  deliveredOrder,
  ids,
  InMemoryEventStore,
} from '../disputes/disputes.fixtures.spec';
import { DisputeEffects } from '../disputes/dispute-effects';
import { OpenChargebackDispute } from '../disputes/dispute.messages';
import { OpenChargebackDisputeHandler } from '../disputes/open-chargeback-dispute.handler';
import { OrderCommandMessage } from '../orders/order.messages';
import { GatewayNotification } from '../payouts/gateway-notification';
import { payoutIds } from '../payouts/payout-ids';
import { PayoutCommandMessage, payoutStream } from '../payouts/payout.messages';
import { handleCommand } from '../shared/command-handling';
import { EventToAppend, ExpectedRevision, RecordedEvent } from '../shared/event-store.port';

type AppendOptions = { expectedRevision?: ExpectedRevision };
import { GatewayDelivery, GatewayInbox, InboxReceipt } from './gateway-inbox.port';
import { GatewayLogCommandMessage, gatewayLogStream } from './gateway-log.messages';
import { GatewayNotifications } from './gateway-notifications.service';
import { PaymentReferences } from './payment-references.port';
import { PaymentRefsReactor } from './payment-refs.reactor';
import { PlanChargeReferences } from './plan-charge-references.port';

const T = '2025-03-02T10:00:00.000Z';

class InMemoryInbox extends GatewayInbox {
  readonly rows = new Map<string, string | null>();
  async receive({ provider, eventId }: GatewayDelivery): Promise<InboxReceipt> {
    const outcome = this.rows.get(`${provider}:${eventId}`);
    if (outcome) return { handled: true, outcome };
    this.rows.set(`${provider}:${eventId}`, null);
    return { handled: false };
  }
  async complete({ provider, eventId }: GatewayDelivery, outcome: string): Promise<void> {
    this.rows.set(`${provider}:${eventId}`, outcome);
  }
}

class InMemoryPaymentReferences extends PaymentReferences {
  readonly refs = new Map<string, string>();
  async escrowOf(paymentRef: string): Promise<string | null> {
    return this.refs.get(paymentRef) ?? null;
  }
  async remember(refs: readonly { paymentRef: string; escrowId: string }[]): Promise<void> {
    for (const r of refs) if (!this.refs.has(r.paymentRef)) this.refs.set(r.paymentRef, r.escrowId);
  }
}

class NoPlanCharges extends PlanChargeReferences {
  async subjectOf(): Promise<null> {
    return null;
  }
  async remember(): Promise<void> {}
}

/** The real deciders behind every message the service sends, as the Nest handlers route them. */
function setup() {
  const store = new InMemoryEventStore();
  const appends: { stream: string; options?: AppendOptions }[] = [];
  const append = store.appendToStream.bind(store);
  store.appendToStream = (stream: string, events: EventToAppend[], options?: AppendOptions) => {
    appends.push({ stream, options });
    return append(stream, events, options);
  };
  const aggregates = commandBusOver(store);
  const bus = {
    async execute(message: unknown) {
      if (message instanceof GatewayLogCommandMessage) {
        const { aggregateId, command, causation, options } = message;
        return handleCommand(
          store,
          gatewayLogStream(aggregateId),
          gatewayLogDecider,
          command,
          causation,
          options,
        );
      }
      if (message instanceof PayoutCommandMessage) {
        const { aggregateId, command, causation, options } = message;
        return handleCommand(
          store,
          payoutStream(aggregateId),
          payoutDecider,
          command,
          causation,
          options,
        );
      }
      if (message instanceof OpenChargebackDispute) return chargebacks.execute(message);
      return aggregates.execute(message as never);
    },
  } as unknown as CommandBus;
  const effects = new DisputeEffects(store, bus);
  const chargebacks = new OpenChargebackDisputeHandler({ responseDeadlineDays: 5 }, effects);
  const inbox = new InMemoryInbox();
  const refs = new InMemoryPaymentReferences();
  const service = new GatewayNotifications(inbox, refs, bus, new NoPlanCharges());
  const streamTypes = (stream: string) =>
    store.log.filter((e) => e.streamName === stream).map((e) => e.type);
  return { store, appends, bus, effects, inbox, refs, service, streamTypes };
}

const receipt = (eventId: string, providerType: string) => ({
  provider: 'stripe' as const,
  eventId,
  providerType,
  occurredAt: T,
});

const chargeback = (gatewayDisputeId = 'dp_1'): GatewayNotification => ({
  ...receipt(`evt_${gatewayDisputeId}`, 'charge.dispute.created'),
  kind: 'chargeback.opened',
  paymentRef: 'pi_sim_1',
  escrowId: null,
  gatewayDisputeId,
  amountCents: AMOUNT,
  reason: 'fraudulent',
});

async function requestedPayout(s: ReturnType<typeof setup>, payoutId = 'payout-1') {
  await s.bus.execute(
    new PayoutCommandMessage(
      payoutId,
      {
        type: 'RequestPayout',
        data: {
          payoutId,
          providerId: ids.seller,
          amountCents: 2_000,
          account: { accountId: 'acc-1', kind: 'paypal', email: 'camille@example.fr' },
        },
        meta: { now: T, actorId: ids.seller, actorRole: 'provider' },
      },
      { correlationId: 'seed' },
    ),
  );
  return payoutId;
}

/** A funded, delivered order whose payment reference the reactor has indexed. */
async function deliveredAndIndexed(s: ReturnType<typeof setup>) {
  await deliveredOrder(s.bus);
  await new PaymentRefsReactor(s.refs).handleBatch(s.store.log);
}

describe('gateway notifications: payouts', () => {
  it('records payout.paid in the payout gateway log, then marks the payout sent', async () => {
    const s = setup();
    const payoutId = await requestedPayout(s);
    const n: GatewayNotification = {
      ...receipt('evt_1', 'payout.paid'),
      kind: 'payout.paid',
      payoutId,
      gatewayPayoutId: 'po_1',
    };
    expect(await s.service.handle(n)).toEqual({ duplicate: false, outcome: 'payout.paid' });
    const [recorded] = s.store.log.filter((e) => e.streamName === `gateway-${payoutId}`);
    expect(recorded).toMatchObject({
      id: payoutIds.id('gateway-event', 'stripe', 'evt_1'),
      type: 'GatewayPayoutPaid',
      data: {
        provider: 'stripe',
        providerEventId: 'evt_1',
        providerType: 'payout.paid',
        occurredAt: T,
        payoutId,
        gatewayPayoutId: 'po_1',
      },
      metadata: { actorRole: 'system', correlationId: 'stripe:evt_1', occurredAt: T },
    });
    expect(recorded.data).not.toHaveProperty('kind');
    expect(s.streamTypes(`payout-${payoutId}`)).toEqual(['PayoutRequested', 'PayoutSent']);
  });

  it('answers a repeated delivery from the inbox and appends nothing', async () => {
    const s = setup();
    const payoutId = await requestedPayout(s);
    const n: GatewayNotification = {
      ...receipt('evt_1', 'payout.paid'),
      kind: 'payout.paid',
      payoutId,
      gatewayPayoutId: 'po_1',
    };
    await s.service.handle(n);
    const logged = s.store.log.length;
    expect(await s.service.handle(n)).toEqual({ duplicate: true, outcome: 'payout.paid' });
    expect(s.store.log).toHaveLength(logged);
  });

  it('handles again a delivery that stopped half-way, each step deciding it is already done', async () => {
    const s = setup();
    const payoutId = await requestedPayout(s);
    const n: GatewayNotification = {
      ...receipt('evt_1', 'payout.paid'),
      kind: 'payout.paid',
      payoutId,
      gatewayPayoutId: 'po_1',
    };
    s.inbox.complete = async () => {
      throw new Error('connection lost');
    };
    await expect(s.service.handle(n)).rejects.toThrow('connection lost');
    const logged = s.store.log.length;
    s.inbox.complete = InMemoryInbox.prototype.complete.bind(s.inbox);
    expect(await s.service.handle(n)).toEqual({ duplicate: false, outcome: 'payout.paid' });
    expect(s.store.log).toHaveLength(logged);
  });

  it('answers a refusal of the payout as the outcome, the notification staying on record', async () => {
    const s = setup();
    const n: GatewayNotification = {
      ...receipt('evt_2', 'payout.failed'),
      kind: 'payout.failed',
      payoutId: 'never-requested',
      gatewayPayoutId: 'po_2',
      failureCode: 'account_closed',
      failureMessage: 'closed',
    };
    expect(await s.service.handle(n)).toEqual({
      duplicate: false,
      outcome: 'refused PAYOUT_NOT_FOUND',
    });
    expect(s.streamTypes('gateway-never-requested')).toEqual(['GatewayPayoutFailed']);
  });

  it('appends every fact with the expected revision its decider read, never "any"', async () => {
    const s = setup();
    const payoutId = await requestedPayout(s);
    await s.service.handle({
      ...receipt('evt_1', 'payout.paid'),
      kind: 'payout.paid',
      payoutId,
      gatewayPayoutId: 'po_1',
    });
    await s.service.handle({
      ...receipt('evt_3', 'payout.paid'),
      kind: 'payout.paid',
      payoutId,
      gatewayPayoutId: 'po_1',
    });
    const gateway = s.appends.filter((a) => a.stream === `gateway-${payoutId}`);
    expect(gateway.map((a) => a.options?.expectedRevision)).toEqual(['no_stream', 0n]);
    expect(s.appends.some((a) => a.options?.expectedRevision === 'any')).toBe(false);
    expect(s.streamTypes(`gateway-${payoutId}`)).toEqual([
      'GatewayPayoutPaid',
      'GatewayPayoutPaid',
    ]);
  });
});

describe('gateway notifications: payments and refunds', () => {
  it('finds the escrow by the payment reference and records the fact in its gateway log', async () => {
    const s = setup();
    await deliveredAndIndexed(s);
    const outcome = await s.service.handle({
      ...receipt('evt_r', 'charge.refunded'),
      kind: 'refund.succeeded',
      paymentRef: 'pi_sim_1',
      escrowId: null,
      refundRef: 're_1',
      amountCents: 500,
    });
    expect(outcome.outcome).toBe('recorded');
    const [recorded] = s.store.log.filter((e) => e.streamName === `gateway-${ids.escrow}`);
    expect(recorded).toMatchObject({
      type: 'GatewayRefundSucceeded',
      data: { paymentRef: 'pi_sim_1', escrowId: ids.escrow, refundRef: 're_1', amountCents: 500 },
    });
  });

  it('answers an unknown payment reference and appends nothing', async () => {
    const s = setup();
    const logged = s.store.log.length;
    const outcome = await s.service.handle({
      ...receipt('evt_u', 'payment_intent.succeeded'),
      kind: 'payment.succeeded',
      paymentRef: 'pi_unknown',
      escrowId: null,
      amountCents: 500,
    });
    expect(outcome.outcome).toBe('unknown payment pi_unknown');
    expect(s.store.log).toHaveLength(logged);
  });

  it('acknowledges a type it does not act on', async () => {
    const s = setup();
    const outcome = await s.service.handle({
      ...receipt('evt_i', 'customer.created'),
      kind: 'ignored',
    });
    expect(outcome).toEqual({ duplicate: false, outcome: 'ignored' });
    expect(s.store.log).toHaveLength(0);
  });
});

describe('gateway notifications: chargebacks', () => {
  const disputeId = payoutIds.id('chargeback', 'dp_1');

  it('has the order take the contest first, then opens the dispute as the system and freezes the escrow', async () => {
    const s = setup();
    await deliveredAndIndexed(s);
    const outcome = await s.service.handle(chargeback());
    expect(outcome.outcome).toBe(`dispute ${disputeId}`);
    const contested = s.store.log.findIndex((e) => e.type === 'OrderContested');
    const opened = s.store.log.findIndex((e) => e.type === 'DisputeOpened');
    expect(contested).toBeGreaterThan(-1);
    expect(opened).toBeGreaterThan(contested);
    expect(s.store.log[contested].data).toMatchObject({
      disputeId,
      contestedBy: ids.buyer,
      previousStatus: 'delivered',
    });
    expect(s.store.log[opened]).toMatchObject({
      id: payoutIds.events(disputeId, 'opened')(0),
      data: {
        reason: 'chargeback',
        openerRole: 'system',
        buyerId: ids.buyer,
        sellerId: ids.seller,
        heldCents: AMOUNT,
        orderStatusAtOpening: 'delivered',
      },
    });
    expect(s.streamTypes(`escrow-${ids.escrow}`)).toContain('EscrowFrozen');
    expect(s.streamTypes(`gateway-${ids.escrow}`)).toEqual(['GatewayChargebackOpened']);
  });

  it('writes nothing on the order, escrow or dispute when the order refuses (it completed meanwhile)', async () => {
    const s = setup();
    await deliveredAndIndexed(s);
    // The buyer accepts the delivery right after the chargeback first read the order.
    const read = s.store.readStream.bind(s.store);
    let raced = false;
    s.store.readStream = async (stream, options) => {
      const events: RecordedEvent[] = await read(stream, options);
      if (stream === `order-${ids.order}` && !raced) {
        raced = true;
        await s.bus.execute(
          new OrderCommandMessage(
            ids.order,
            {
              type: 'AcceptDelivery',
              data: { orderId: ids.order },
              meta: { now: T, actorId: ids.buyer, actorRole: 'client' },
            },
            { correlationId: 'accept' },
          ),
        );
      }
      return events;
    };
    const before = s.store.log.length;
    const outcome = await s.service.handle(chargeback());
    expect(raced).toBe(true);
    expect(outcome.outcome).toMatch(/^refused ORDER_/);
    const written = s.store.log.slice(before).map((e) => `${e.streamName.split('-')[0]}:${e.type}`);
    expect(written).toEqual(['gateway:GatewayChargebackOpened', 'order:OrderCompleted']);
  });

  it('refuses, with the dispute decider, an order that can no longer be contested, before touching it', async () => {
    const s = setup();
    await deliveredAndIndexed(s);
    await s.bus.execute(
      new OrderCommandMessage(
        ids.order,
        {
          type: 'AcceptDelivery',
          data: { orderId: ids.order },
          meta: { now: T, actorId: ids.buyer, actorRole: 'client' },
        },
        { correlationId: 'accept' },
      ),
    );
    const before = s.store.log.length;
    const outcome = await s.service.handle(chargeback());
    expect(outcome.outcome).toBe('refused ORDER_NOT_CONTESTABLE');
    expect(s.store.log.slice(before).map((e) => e.type)).toEqual(['GatewayChargebackOpened']);
  });

  it('finishes an opening that stopped after the order took the contest', async () => {
    const s = setup();
    await deliveredAndIndexed(s);
    await s.effects.contest(
      ids.order,
      disputeId,
      'chargeback',
      { now: T, actorId: ids.buyer, actorRole: 'system' },
      {
        disputeId,
        eventId: payoutIds.events(disputeId, 'opened')(0),
        occurredAt: T,
        actorId: 'system',
        actorRole: 'system',
        correlationId: 'stripe:evt_dp_1',
      },
    );
    const outcome = await s.service.handle(chargeback());
    expect(outcome.outcome).toBe(`dispute ${disputeId}`);
    expect(s.streamTypes(`order-${ids.order}`).filter((t) => t === 'OrderContested')).toHaveLength(
      1,
    );
    const opened = s.store.log.find((e) => e.type === 'DisputeOpened');
    expect(opened?.data).toMatchObject({ orderStatusAtOpening: 'delivered' });
  });

  it('answers an escrow that does not exist, the notification staying on record', async () => {
    const s = setup();
    const outcome = await s.service.handle({
      ...chargeback(),
      escrowId: 'no-such-escrow',
    } as GatewayNotification);
    expect(outcome.outcome).toBe('unknown escrow no-such-escrow');
    expect(s.store.log.map((e) => e.streamName)).toEqual(['gateway-no-such-escrow']);
  });
});
