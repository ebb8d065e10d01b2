import fc from 'fast-check';
import { assertEscrowInvariant, escrowDecider, EscrowCommand } from '../../domain/escrow';
import { isTerminal, OrderCommand, orderDecider, OrderStatus } from '../../domain/orders';
import { CommandMeta, DomainError, percentOf } from '../../domain/shared';
import { GetGigQuery, GigView } from '../catalog/gig.query';
import { GetEscrowHandler } from '../escrow/escrow.queries';
import { GetEscrowQuery } from '../escrow/escrow.query';
import { ManualClock } from '../shared/clock';
import { DeadlineJobs } from '../scheduling/deadline-jobs';
import { EscrowGatewayReactor } from '../escrow/escrow-gateway.reactor';
import { EscrowCommandHandler } from '../escrow/escrow.handler';
import { EscrowCommandMessage, escrowStream } from '../escrow/escrow.messages';
import { WalletCreditingReactor } from '../payouts/wallet-crediting.reactor';
import { WalletCommandHandler } from '../payouts/wallet.handler';
import { WalletCommandMessage } from '../payouts/wallet.messages';
import { loadAggregate } from '../shared/command-handling';
import {
  MemoryBus,
  MemoryEventStore,
  MemoryGateway,
  ReactorPump,
} from './marketplace.fixtures.spec';
import { escrowIdForOrder, OrderFunding } from './order-funding.service';
import { OrderSettlementReactor } from './order-settlement.reactor';
import { OrderCommandHandler } from './order.handler';
import { OrderCommandMessage, orderStream } from './order.messages';
import { PlaceGigOrderCommand, PlaceGigOrderHandler } from './place-gig-order.handler';

const ACTIONS = [
  'start',
  'decline',
  'cancel',
  'requestCancellation',
  'acceptCancellation',
  'declineCancellation',
  'deliver',
  'revise',
  'accept',
  'autoAccept',
  'markLate',
  'contest',
  'withdraw',
  'resolve',
  'message',
  'review',
  // A placement whose request dies once the escrow is funded; its retry; the check 30 min later.
  'placeCrashing',
  'retryPlacement',
  'placementCheck',
] as const;
type Action = (typeof ACTIONS)[number] | 'place';

/** The process dying in the middle of a request (not a domain refusal). */
class Crash extends Error {}

interface Step {
  action: Action;
  order: number;
  bySeller: boolean;
  hours: number;
  redeliver: boolean;
  cut: number;
  price: number;
  extraPrice: number;
  declined: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  // The happy path is weighted up so that many orders reach their end within a run.
  action: fc.oneof(
    { arbitrary: fc.constantFrom<Action>('place', 'start', 'deliver', 'accept'), weight: 8 },
    { arbitrary: fc.constantFrom<Action>(...ACTIONS), weight: 10 },
  ),
  order: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat(7), weight: 1 }),
  bySeller: fc.boolean(),
  hours: fc.oneof(fc.constant(0), fc.nat(48), fc.integer({ min: 48, max: 24 * 12 })),
  redeliver: fc.boolean(),
  cut: fc.nat(),
  price: fc.integer({ min: 1, max: 2_000_000 }),
  extraPrice: fc.integer({ min: 1, max: 99_999 }),
  declined: fc.nat(9).map((n) => n < 2),
});

interface Placed {
  orderId: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
}

/** A placement whose request died after funding: what its retry needs. */
interface Unplaced extends Placed {
  gigId: string;
  extraIds: string[];
}

/** Real handlers, real reactors and real deciders over an in-memory log and gateway. */
class Marketplace {
  readonly store = new MemoryEventStore();
  readonly gateway = new MemoryGateway();
  readonly commands = new MemoryBus();
  readonly queries = new MemoryBus();
  readonly gigs = new Map<string, GigView>();
  readonly orders: Placed[] = [];
  readonly unplaced: Unplaced[] = [];
  /** What became of placements that died: resumed by a retry, or abandoned and refunded. */
  readonly placementOutcomes = new Set<'placement_resumed' | 'placement_abandoned'>();
  private crashPlacement = false;
  readonly terminal = new Map<string, OrderStatus>();
  private readonly pump: ReactorPump;
  private clock = Date.parse('2026-01-05T09:00:00.000Z');
  private seq = 0;

  constructor() {
    const settings = {
      catalogCommissionBp: 1_000,
      customCommissionBp: 2_000,
      invitationTtlDays: 7,
      fundsWindowHours: 168,
    };
    const funding = new OrderFunding(
      this.store,
      this.gateway,
      this.commands.asCommandBus(),
      settings,
    );
    this.commands
      .on(OrderCommandMessage, this.crashable(new OrderCommandHandler(this.store)))
      .on(EscrowCommandMessage, new EscrowCommandHandler(this.store))
      .on(WalletCommandMessage, new WalletCommandHandler(this.store))
      .on(
        PlaceGigOrderCommand,
        new PlaceGigOrderHandler(funding, this.queries.asQueryBus(), settings),
      );
    this.queries.on(GetGigQuery, {
      execute: async (q) => this.gigs.get((q as GetGigQuery).gigId) ?? null,
    });
    this.queries.on(GetEscrowQuery, new GetEscrowHandler(this.store));
    this.pump = new ReactorPump(this.store, [
      new OrderSettlementReactor(this.commands.asCommandBus()),
      new EscrowGatewayReactor(this.store, this.gateway),
      new WalletCreditingReactor(this.commands.asCommandBus()),
    ]);
  }

  /** The order handler, dying on a placement while `crashPlacement` is set. */
  private crashable(handler: OrderCommandHandler) {
    return {
      execute: (message: object) => {
        const { command } = message as OrderCommandMessage;
        if (this.crashPlacement && command.type === 'PlaceOrder')
          return Promise.reject(new Crash('the process was killed'));
        return handler.execute(message as OrderCommandMessage);
      },
    };
  }

  private meta(actorId: string, actorRole: CommandMeta['actorRole']): CommandMeta {
    return { now: new Date(this.clock).toISOString(), actorId, actorRole };
  }

  async run(s: Step): Promise<void> {
    this.clock += s.hours * 3_600_000;
    try {
      if (s.action === 'place') await this.place(s);
      else if (s.action === 'placeCrashing') await this.placeCrashing(s);
      else if (s.action === 'retryPlacement' || s.action === 'placementCheck') {
        const o = this.unplaced[s.order % Math.max(1, this.unplaced.length)];
        if (o && s.action === 'retryPlacement') await this.retryPlacement(o);
        if (o && s.action === 'placementCheck') await this.placementCheck(o);
      }
      // 0 is the latest order, so lifecycles often run to their end; higher numbers reach back.
      else if (this.orders.length > 0)
        await this.act(s, this.orders[this.orders.length - 1 - (s.order % this.orders.length)]);
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof Crash)) throw error;
    }
    await this.pump.drain(s.redeliver);
  }

  private async placeCrashing(s: Step): Promise<void> {
    const n = this.seq + 1;
    const o: Unplaced = {
      orderId: `order-${n}`,
      escrowId: '',
      buyerId: `buyer-${n % 2}`,
      sellerId: `seller-${n % 3}`,
      gigId: `gig-${n}`,
      extraIds: s.cut % 2 ? ['x'] : [],
    };
    this.crashPlacement = true;
    try {
      await this.place(s);
    } catch (error) {
      if (!(error instanceof Crash)) throw error;
      this.unplaced.push({ ...o, escrowId: escrowIdForOrder(o.orderId) });
    } finally {
      this.crashPlacement = false;
    }
  }

  /** The buyer's retry with the same key: it either gets the order or is refused as abandoned. */
  private async retryPlacement(o: Unplaced): Promise<void> {
    if (this.orders.some((p) => p.orderId === o.orderId)) return;
    const placed = await this.commands.execute(
      new PlaceGigOrderCommand(
        o.orderId,
        o.gigId,
        o.extraIds,
        'pm_card_visa',
        this.meta(o.buyerId, 'client'),
        { correlationId: `retry-${o.orderId}` },
      ),
    );
    this.orders.push({ ...o, escrowId: placed.escrowId });
    this.placementOutcomes.add('placement_resumed');
  }

  /** The job the scheduling reactor derives from the escrow's opening, run when due. */
  private async placementCheck(o: Unplaced): Promise<void> {
    const jobs = new DeadlineJobs(
      this.commands.asCommandBus(),
      new ManualClock(new Date(this.clock)),
      this.queries.asQueryBus(),
    );
    const outcome = await jobs.run({
      jobId: `check-${o.orderId}`,
      payload: {
        kind: 'order.placement-check',
        orderId: o.orderId,
        escrowId: o.escrowId,
        buyerId: o.buyerId,
        dueAt: new Date(this.clock).toISOString(),
        causationId: `opened-${o.orderId}`,
        correlationId: `check-${o.orderId}`,
      },
    });
    if (outcome.result === 'done' && outcome.detail === 'OrderPlacementAbandoned')
      this.placementOutcomes.add('placement_abandoned');
  }

  private async place(s: Step): Promise<void> {
    const n = ++this.seq;
    const sellerId = `seller-${n % 3}`;
    const gigId = `gig-${n}`;
    this.gigs.set(gigId, {
      gigId,
      sellerId,
      kind: 'package',
      status: 'published',
      statusLabel: 'Publié',
      revision: '1',
      details: {
        title: 'Offre',
        priceCents: s.price,
        vatCents: 0,
        category: 'c',
        description: 'd',
        galleryRefs: [],
        videoRef: null,
        keywords: [],
        deliveryDays: 1 + (n % 9),
        openingMessage: n % 2 ? 'Bonjour' : '',
        extras: [
          { extraId: 'x', name: 'Extra', priceCents: s.extraPrice, vatCents: 0, deltaDays: 1 },
        ],
      },
    });
    const buyerId = `buyer-${n % 2}`;
    const placed = await this.commands.execute(
      new PlaceGigOrderCommand(
        `order-${n}`,
        gigId,
        s.cut % 2 ? ['x'] : [],
        s.declined ? 'pm_card_declined' : 'pm_card_visa',
        this.meta(buyerId, 'client'),
        { correlationId: `c-${n}` },
      ),
    );
    this.orders.push({ orderId: placed.orderId, escrowId: placed.escrowId, buyerId, sellerId });
  }

  private async act(s: Step, o: Placed): Promise<void> {
    const { orderId } = o;
    const party = s.bySeller ? this.meta(o.sellerId, 'provider') : this.meta(o.buyerId, 'client');
    const buyer = this.meta(o.buyerId, 'client');
    const seller = this.meta(o.sellerId, 'provider');
    const system = this.meta('system', 'system');
    const id = `${s.action}-${++this.seq}`;
    const order = async (command: OrderCommand) =>
      this.commands.execute(new OrderCommandMessage(orderId, command, { correlationId: id }));
    const escrow = async (command: EscrowCommand) =>
      this.commands.execute(new EscrowCommandMessage(o.escrowId, command, { correlationId: id }));
    switch (s.action) {
      case 'start':
        return order({
          type: 'StartOrder',
          data: { orderId, sellerVerified: true, missingDocuments: [] },
          meta: seller,
        });
      case 'decline':
        return order({ type: 'DeclineOrder', data: { orderId }, meta: seller });
      case 'cancel':
        return order({ type: 'CancelOrder', data: { orderId }, meta: buyer });
      case 'requestCancellation':
        return order({
          type: 'RequestCancellation',
          data: { orderId, reason: 'plus besoin' },
          meta: party,
        });
      case 'acceptCancellation':
        return order({ type: 'AcceptCancellation', data: { orderId }, meta: party });
      case 'declineCancellation':
        return order({ type: 'DeclineCancellation', data: { orderId }, meta: party });
      case 'deliver':
        return order({
          type: 'DeliverOrder',
          data: { orderId, deliveryId: id, message: 'livrable', fileRefs: [] },
          meta: seller,
        });
      case 'revise':
        return order({
          type: 'RequestRevision',
          data: { orderId, instructions: 'reprendre' },
          meta: buyer,
        });
      case 'accept':
        return order({ type: 'AcceptDelivery', data: { orderId }, meta: buyer });
      case 'autoAccept':
        return order({
          type: 'AcceptDelivery',
          data: { orderId, auto: true, autoCompleteAfterDays: 3 },
          meta: system,
        });
      case 'markLate':
        return order({ type: 'MarkOrderLate', data: { orderId }, meta: system });
      case 'message':
        return order({
          type: 'PostMessage',
          data: { orderId, messageId: id, text: 'bonjour' },
          meta: party,
        });
      case 'review':
        return order({
          type: 'LeaveReview',
          data: { orderId, rating: 1 + (s.cut % 5), comment: 'avis' },
          meta: buyer,
        });
      case 'contest':
        // What the disputes context does once it opened a case: contest the order, then freeze its escrow.
        await order({
          type: 'ContestOrder',
          data: { orderId, disputeId: id, reason: 'litige' },
          meta: party,
        });
        return escrow({ type: 'FreezeEscrow', data: { disputeId: id }, meta: system });
      case 'withdraw': {
        const { state } = await loadAggregate(this.store, orderStream(orderId), orderDecider);
        if (state.status !== 'contested') return;
        const { disputeId } = state.dispute;
        await order({ type: 'WithdrawContest', data: { orderId, disputeId }, meta: system });
        return escrow({ type: 'UnfreezeEscrow', data: { disputeId }, meta: system });
      }
      case 'resolve': {
        const { state } = await loadAggregate(this.store, orderStream(orderId), orderDecider);
        if (state.status !== 'contested') return;
        const { disputeId } = state.dispute;
        const held = await loadAggregate(this.store, escrowStream(o.escrowId), escrowDecider);
        if (held.state.status === 'none') return;
        const refundedCents = s.cut % (state.order.amountCents + 1);
        const releasedCents = state.order.amountCents - refundedCents;
        const commissionCents = percentOf(releasedCents, held.state.commissionRateBp);
        const mediator = this.meta('mediator-1', 'mediator');
        await order({
          type: 'ResolveOrder',
          data: {
            orderId,
            disputeId,
            refundedCents,
            releasedCents,
            commissionCents,
            sellerNetCents: releasedCents - commissionCents,
          },
          meta: mediator,
        });
        const decision = { disputeId, decisionId: id };
        if (refundedCents > 0)
          await escrow({
            type: 'RefundEscrow',
            data: {
              refundId: `${id}-r`,
              amountCents: refundedCents,
              reason: 'decision',
              ...decision,
            },
            meta: mediator,
          });
        if (releasedCents > 0)
          await escrow({
            type: 'ReleaseEscrow',
            data: {
              releaseId: `${id}-p`,
              amountCents: releasedCents,
              reason: 'decision',
              ...decision,
            },
            meta: mediator,
          });
        return;
      }
    }
  }

  async credited(sellerId: string, escrowId: string): Promise<number> {
    const events = await this.store.readStream(`wallet-${sellerId}`).catch(() => []);
    return events
      .filter(
        (e) =>
          e.type === 'WalletCredited' && (e.data as { escrowId: string }).escrowId === escrowId,
      )
      .reduce((sum, e) => sum + (e.data as { amountCents: number }).amountCents, 0);
  }

  /**
   * Escrow invariant, money conservation per order, and no way out of a terminal status; a
   * placement that died holds the buyer's money until it is retried or abandoned, then refunds all.
   */
  async check(): Promise<void> {
    for (const o of this.unplaced) {
      if (this.orders.some((p) => p.orderId === o.orderId)) continue;
      const { state } = await loadAggregate(this.store, orderStream(o.orderId), orderDecider);
      const { state: escrow } = await loadAggregate(
        this.store,
        escrowStream(o.escrowId),
        escrowDecider,
      );
      if (state.status !== 'none' || escrow.status === 'none')
        throw new Error(`placement ${o.orderId}: order ${state.status}, escrow ${escrow.status}`);
      assertEscrowInvariant(escrow);
      const paid = this.gateway.total(this.gateway.funds, o.escrowId);
      const refunded = this.gateway.total(this.gateway.refunds, o.escrowId);
      expect(escrow.fundedCents).toBe(paid);
      expect(escrow.releasedCents).toBe(0);
      if (state.placementAbandoned) expect([refunded, escrow.heldCents]).toEqual([paid, 0]);
      else expect([refunded, escrow.heldCents]).toEqual([0, paid]);
    }
    for (const o of this.orders) {
      const { state, events } = await loadAggregate(
        this.store,
        orderStream(o.orderId),
        orderDecider,
      );
      const { state: escrow } = await loadAggregate(
        this.store,
        escrowStream(o.escrowId),
        escrowDecider,
      );
      if (state.status === 'none' || escrow.status === 'none')
        throw new Error(`order ${o.orderId} placed without its escrow`);
      assertEscrowInvariant(escrow);

      const paid = this.gateway.total(this.gateway.funds, o.escrowId);
      const refunded = this.gateway.total(this.gateway.refunds, o.escrowId);
      const credited = await this.credited(o.sellerId, o.escrowId);
      expect(escrow.fundedCents).toBe(paid);
      expect(paid).toBe(state.order.amountCents);
      expect(paid).toBe(credited + escrow.commissionCents + refunded + escrow.heldCents);
      expect(this.gateway.total(this.gateway.releases, o.escrowId, 'payeeNetCents')).toBe(credited);

      const before: string | undefined = this.terminal.get(o.orderId);
      if (before) expect(state.status).toBe(before);
      const end = events.findIndex(
        (e) =>
          e.type === 'OrderCompleted' || e.type === 'OrderCancelled' || e.type === 'OrderResolved',
      );
      if (end >= 0) {
        const after = events.slice(end + 1).map((e) => e.type);
        expect(after.every((type) => type === 'OrderReviewed') && after.length <= 1).toBe(true);
        expect(escrow.heldCents).toBe(0);
      }
      // Money leaves an order's escrow only when the order ends.
      if (!isTerminal(state.status)) expect(escrow.heldCents).toBe(paid);
      if (state.status === 'completed') expect(credited + escrow.commissionCents).toBe(paid);
      if (state.status === 'cancelled') expect(refunded).toBe(paid);
      if (isTerminal(state.status)) this.terminal.set(o.orderId, state.status);
    }
  }
}

describe('orders, escrow and wallets under random command sequences (real handlers and reactors)', () => {
  it("keeps every escrow balanced, conserves the buyer's money and never leaves a terminal status", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 50, size: 'max' }),
        async (steps) => {
          const market = new Marketplace();
          for (const s of steps) {
            await market.run(s);
            await market.check();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reaches every end state across runs, and both fates of a placement that died, so the checks above are not vacuous', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 20, maxLength: 60, size: 'max' }),
        async (steps) => {
          const market = new Marketplace();
          for (const s of steps) await market.run(s);
          for (const status of market.terminal.values()) seen.add(status);
          for (const outcome of market.placementOutcomes) seen.add(outcome);
          await market.check();
          for (const o of market.orders) {
            const { state } = await loadAggregate(
              market.store,
              orderStream(o.orderId),
              orderDecider,
            );
            if (state.status !== 'none' && isTerminal(state.status)) seen.add(state.status);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect([...seen].sort()).toEqual([
      'cancelled',
      'completed',
      'placement_abandoned',
      'placement_resumed',
      'resolved',
    ]);
  });
});
