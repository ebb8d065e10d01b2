import { accountDecider } from '../../../../src/domain/identity';
import { gigDecider } from '../../../../src/domain/catalog';
import { orderDecider, OrderState } from '../../../../src/domain/orders';
import { escrowDecider, EscrowEvent, EscrowState } from '../../../../src/domain/escrow';
import { disputeDecider, DECISION_OUTCOMES } from '../../../../src/domain/disputes';
import { payoutDecider, walletDecider, WalletState } from '../../../../src/domain/payouts';
import { SimCore } from './sim-core';

const PASSWORD_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const IBAN = 'FR7630006000011234567890189';
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CATEGORIES = ['graphisme', 'redaction', 'developpement', 'comptabilite'];
const TITLES = [
  'Création de logo vectoriel',
  'Rédaction d’un article SEO',
  'Site vitrine WordPress',
  'Bilan comptable simplifié',
  'Traduction anglais-français',
];

export interface SimOrder {
  orderId: string;
  escrowId: string;
  buyerId: string;
  sellerId: string;
  disputeId: string | null;
}

const SYSTEM = { id: 'system', role: 'system' as const };
const ADMIN = { id: '00000000-0000-4000-a000-0000000000ad', role: 'admin' as const };
const MEDIATOR = { id: '00000000-0000-4000-a000-00000000000e', role: 'mediator' as const };

/** A small marketplace: accounts, gigs, orders through every path, disputes, wallet credits and payouts. */
export class MarketplaceSim extends SimCore {
  readonly buyers: string[] = [];
  readonly sellers: string[] = [];
  readonly gigs: { gigId: string; sellerId: string; title: string; priceCents: number }[] = [];
  readonly orders: SimOrder[] = [];
  private readonly accountsWithBank = new Set<string>();

  register(kind: 'buyer' | 'seller'): string {
    const accountId = this.id('account');
    const ref = `PR-${Array.from({ length: 5 }, () => this.pick([...ALPHABET])).join('')}`;
    this.tick(1, 30);
    this.exec(
      accountDecider,
      `account-${accountId}`,
      (meta) => ({
        type: 'RegisterAccount' as const,
        meta,
        data: {
          accountId,
          email: `${accountId.slice(0, 8)}@example.fr`,
          passwordHash: PASSWORD_HASH,
          displayName:
            kind === 'buyer'
              ? `Client ${accountId.slice(0, 4)}`
              : `Expert ${accountId.slice(0, 4)}`,
          roles: [kind === 'buyer' ? 'client' : 'provider'],
          providerReference: kind === 'seller' ? ref : null,
          confirmationTokenHash: 'token-hash',
          confirmationExpiresAt: new Date(this.now + 86_400_000).toISOString(),
        },
      }),
      { id: accountId, role: kind === 'buyer' ? 'client' : 'provider' },
    );
    (kind === 'buyer' ? this.buyers : this.sellers).push(accountId);
    if (this.chance(0.5)) {
      this.exec(
        accountDecider,
        `account-${accountId}`,
        (meta) => ({
          type: 'UpdateProfile' as const,
          meta,
          data: {
            address: {
              line1: `${this.int(1, 99)} rue Victor Hugo`,
              line2: null,
              postalCode: '69003',
              city: 'Lyon',
              country: 'FR',
            },
          },
        }),
        { id: accountId, role: 'client' },
      );
    }
    return accountId;
  }

  createGig(sellerId: string): void {
    const gigId = this.id('gig');
    const title = this.pick(TITLES);
    const priceCents = this.int(10, 400) * 50 + this.pick([0, 1, 99]);
    this.tick(1, 60);
    const actor = { id: sellerId, role: 'provider' as const };
    const created = this.exec(
      gigDecider,
      `gig-${gigId}`,
      (meta) => ({
        type: 'CreateGig' as const,
        meta,
        data: {
          gigId,
          kind: 'package' as const,
          title,
          priceCents,
          category: this.pick(CATEGORIES),
          description: `${title} livré rapidement, avec sources.`,
          keywords: ['rapide', 'qualité'],
          deliveryDays: this.int(1, 10),
          extras: [],
        },
      }),
      actor,
    );
    if (!created) return;
    this.exec(
      gigDecider,
      `gig-${gigId}`,
      (meta) => ({
        type: 'PublishGig' as const,
        meta,
        data: { gigId, publishedGigCountOfSeller: 0, sellerVerified: true, missingDocuments: [] },
      }),
      actor,
    );
    this.gigs.push({ gigId, sellerId, title, priceCents });
  }

  placeOrder(
    buyer?: string,
    chosen?: MarketplaceSim['gigs'][number],
    kind: 'catalog' | 'custom' | 'random' = 'random',
  ): SimOrder | null {
    if (this.gigs.length === 0 || this.buyers.length === 0) return null;
    const gig = chosen ?? this.pick(this.gigs);
    const buyerId = buyer ?? this.pick(this.buyers);
    const orderId = this.id('order');
    const escrowId = this.id('escrow');
    const custom = kind === 'random' ? this.chance(0.2) : kind === 'custom';
    const rate = custom ? 2_000 : 1_000;
    this.tick();
    const opened = this.exec(
      escrowDecider,
      `escrow-${escrowId}`,
      (meta) => ({
        type: 'OpenEscrow' as const,
        meta,
        data: {
          escrowId,
          subject: { kind: 'order' as const, id: orderId },
          payerId: buyerId,
          payeeId: gig.sellerId,
          commissionRateBp: rate,
          trancheId: this.id('tranche'),
          amountCents: gig.priceCents,
          paymentRef: `pi_${orderId.slice(0, 8)}`,
        },
      }),
      SYSTEM,
    );
    if (!opened) return null;
    const source = custom
      ? {
          kind: 'custom' as const,
          customRequestId: this.id('request'),
          title: `Sur-mesure : ${gig.title}`,
          priceCents: gig.priceCents,
          deliveryDays: 5,
        }
      : {
          kind: 'catalog' as const,
          gigId: gig.gigId,
          gigTitle: gig.title,
          gigKind: 'package' as const,
          unitPriceCents: gig.priceCents,
          deliveryDays: 3,
          extras: [],
        };
    this.exec(
      orderDecider,
      `order-${orderId}`,
      (meta) => ({
        type: 'PlaceOrder' as const,
        meta,
        data: {
          orderId,
          escrowId,
          buyerId,
          sellerId: gig.sellerId,
          source,
          commissionRateBp: rate,
        },
      }),
      SYSTEM,
    );
    const order = { orderId, escrowId, buyerId, sellerId: gig.sellerId, disputeId: null };
    this.orders.push(order);
    return order;
  }

  /** Start and deliver: the order then waits for the buyer's acceptance. */
  deliver(o: SimOrder): void {
    const seller = { id: o.sellerId, role: 'provider' as const };
    this.tick();
    this.exec(
      orderDecider,
      `order-${o.orderId}`,
      (meta) => ({
        type: 'StartOrder' as const,
        meta,
        data: { orderId: o.orderId, sellerVerified: true, missingDocuments: [] },
      }),
      seller,
    );
    this.tick();
    this.exec(
      orderDecider,
      `order-${o.orderId}`,
      (meta) => ({
        type: 'DeliverOrder' as const,
        meta,
        data: {
          orderId: o.orderId,
          deliveryId: this.id('delivery'),
          message: 'Voici le livrable.',
          fileRefs: [],
        },
      }),
      seller,
    );
  }

  /** The buyer accepts; `releaseAfter` false leaves the escrow held (a refund may then follow). */
  accept(o: SimOrder, releaseAfter = true): void {
    const buyer = { id: o.buyerId, role: 'client' as const };
    this.tick();
    this.exec(
      orderDecider,
      `order-${o.orderId}`,
      (meta) => ({ type: 'AcceptDelivery' as const, meta, data: { orderId: o.orderId } }),
      buyer,
    );
    const escrow = this.state<EscrowState>(`escrow-${o.escrowId}`, escrowDecider);
    if (releaseAfter && escrow.status === 'held')
      this.release(o, 'accepted', escrow.heldCents, buyer);
  }

  /** The buyer contests the order and a dispute opens on it. */
  contestOrder(o: SimOrder): void {
    const buyer = { id: o.buyerId, role: 'client' as const };
    this.tick();
    this.contest(
      o,
      (c, actor) =>
        this.exec(orderDecider, `order-${o.orderId}`, (meta) => ({ ...c, meta }) as never, actor),
      buyer,
    );
  }

  refundPart(o: SimOrder, amountCents: number): void {
    this.tick();
    this.refund(o, 'mutual', amountCents);
  }

  /** One random step of an order's life, as the application and its workers would take it. */
  advance(o: SimOrder): void {
    const order = this.state<OrderState>(`order-${o.orderId}`, orderDecider);
    if (order.status === 'none') return;
    const buyer = { id: o.buyerId, role: 'client' as const };
    const seller = { id: o.sellerId, role: 'provider' as const };
    const cmd = (
      c: { type: string; data: object },
      actor: { id: string; role: 'client' | 'provider' | 'system' | 'admin' | 'mediator' },
    ) => this.exec(orderDecider, `order-${o.orderId}`, (meta) => ({ ...c, meta }) as never, actor);
    this.tick(10, 2_000);
    switch (order.status) {
      case 'awaiting_start':
        if (this.chance(0.75))
          cmd(
            {
              type: 'StartOrder',
              data: { orderId: o.orderId, sellerVerified: true, missingDocuments: [] },
            },
            seller,
          );
        else if (
          cmd(
            this.chance(0.5)
              ? { type: 'CancelOrder', data: { orderId: o.orderId } }
              : { type: 'DeclineOrder', data: { orderId: o.orderId } },
            this.chance(0.5) ? buyer : seller,
          )
        )
          this.refund(o, 'cancelled', order.order.amountCents);
        return;
      case 'active':
      case 'in_revision':
        if (this.chance(0.85))
          cmd(
            {
              type: 'DeliverOrder',
              data: {
                orderId: o.orderId,
                deliveryId: this.id('delivery'),
                message: 'Voici le livrable.',
                fileRefs: [],
              },
            },
            seller,
          );
        else this.contest(o, cmd, buyer);
        return;
      case 'delivered':
        if (this.chance(0.6)) this.complete(o, cmd, buyer);
        else if (this.chance(0.5))
          cmd(
            {
              type: 'RequestRevision',
              data: { orderId: o.orderId, instructions: 'Merci de revoir les couleurs.' },
            },
            buyer,
          );
        else this.contest(o, cmd, buyer);
        return;
      case 'contested':
        this.decide(o, order.order.amountCents, order.order.commissionCents);
        return;
      case 'completed':
        if (!order.reviewed)
          cmd(
            {
              type: 'LeaveReview',
              data: {
                orderId: o.orderId,
                rating: this.int(1, 5),
                comment: this.pick(['Parfait', 'Bien', 'Délais tenus']),
              },
            },
            buyer,
          );
        return;
      default:
        return;
    }
  }

  private complete(
    o: SimOrder,
    cmd: (c: { type: string; data: object }, a: { id: string; role: 'client' }) => unknown,
    buyer: { id: string; role: 'client' },
  ): void {
    if (!cmd({ type: 'AcceptDelivery', data: { orderId: o.orderId } }, buyer)) return;
    const escrow = this.state<EscrowState>(`escrow-${o.escrowId}`, escrowDecider);
    if (escrow.status !== 'held') return;
    // Rarely, a goodwill refund lands between completion and release: it must produce a credit note.
    if (this.chance(0.1) && escrow.heldCents > 1)
      this.refund(o, 'mutual', this.int(1, escrow.heldCents - 1));
    const held = this.state<EscrowState>(`escrow-${o.escrowId}`, escrowDecider);
    if (held.status === 'held') this.release(o, 'accepted', held.heldCents, buyer);
  }

  private contest(
    o: SimOrder,
    cmd: (c: { type: string; data: object }, a: { id: string; role: 'client' }) => unknown,
    buyer: { id: string; role: 'client' },
  ): void {
    const order = this.state<OrderState>(`order-${o.orderId}`, orderDecider);
    const escrow = this.state<EscrowState>(`escrow-${o.escrowId}`, escrowDecider);
    if (order.status === 'none' || escrow.status !== 'held') return;
    const disputeId = this.id('dispute');
    if (
      !cmd(
        {
          type: 'ContestOrder',
          data: { orderId: o.orderId, disputeId, reason: 'Le livrable ne correspond pas.' },
        },
        buyer,
      )
    )
      return;
    o.disputeId = disputeId;
    this.exec(
      disputeDecider,
      `dispute-${disputeId}`,
      (meta) => ({
        type: 'OpenDispute' as const,
        meta,
        data: {
          disputeId,
          subject: { kind: 'order' as const, id: o.orderId },
          buyerId: o.buyerId,
          sellerId: o.sellerId,
          escrowId: o.escrowId,
          reason: 'not_as_described' as const,
          statement: 'Le livrable ne correspond pas à la description.',
          orderStatus: order.status,
          heldCents: escrow.heldCents,
        },
      }),
      buyer,
    );
    this.exec(
      escrowDecider,
      `escrow-${o.escrowId}`,
      (meta) => ({ type: 'FreezeEscrow' as const, meta, data: { disputeId } }),
      buyer,
    );
    if (this.chance(0.5))
      this.exec(
        disputeDecider,
        `dispute-${disputeId}`,
        (meta) => ({ type: 'AssignMediator' as const, meta, data: { mediatorId: MEDIATOR.id } }),
        MEDIATOR,
      );
  }

  private decide(o: SimOrder, amountCents: number, _commission: number): void {
    if (!o.disputeId) return;
    const disputeId = o.disputeId;
    const escrow = this.state<EscrowState>(`escrow-${o.escrowId}`, escrowDecider);
    if (escrow.status === 'none') return;
    const outcome = this.pick(DECISION_OUTCOMES);
    const held = escrow.heldCents;
    const refund =
      outcome === 'full_refund'
        ? held
        : outcome === 'pay_seller'
          ? 0
          : this.int(1, Math.max(1, held - 1));
    const decisionId = this.id('decision');
    const decided = this.exec(
      disputeDecider,
      `dispute-${disputeId}`,
      (meta) => ({
        type: 'DecideDispute' as const,
        meta,
        data: {
          decisionId,
          outcome,
          refundCents: refund,
          releaseCents: held - refund,
          reasoning: 'Vu les pièces du dossier.',
          heldCents: held,
        },
      }),
      ADMIN,
    );
    if (!decided) return;
    const d = decided[0].data as { refundCents: number; releaseCents: number };
    const refs = { disputeId, decisionId };
    if (d.refundCents > 0) this.refund(o, 'decision', d.refundCents, refs);
    const released =
      d.releaseCents > 0 ? this.release(o, 'decision', d.releaseCents, MEDIATOR, refs) : null;
    this.exec(
      orderDecider,
      `order-${o.orderId}`,
      (meta) => ({
        type: 'ResolveOrder' as const,
        meta,
        data: {
          orderId: o.orderId,
          disputeId,
          refundedCents: amountCents - d.releaseCents,
          releasedCents: d.releaseCents,
          commissionCents: released?.commissionCents ?? 0,
          sellerNetCents: released?.payeeNetCents ?? 0,
        },
      }),
      SYSTEM,
    );
  }

  private refund(
    o: SimOrder,
    reason: 'cancelled' | 'mutual' | 'decision',
    amountCents: number,
    refs: object = {},
  ): void {
    this.exec(
      escrowDecider,
      `escrow-${o.escrowId}`,
      (meta) => ({
        type: 'RefundEscrow' as const,
        meta,
        data: { refundId: this.id('refund'), amountCents, reason, ...refs },
      }),
      reason === 'decision' ? MEDIATOR : SYSTEM,
    );
  }

  private release(
    o: SimOrder,
    reason: 'accepted' | 'decision',
    amountCents: number,
    actor: { id: string; role: 'client' | 'mediator' },
    refs: object = {},
  ) {
    const events = this.exec(
      escrowDecider,
      `escrow-${o.escrowId}`,
      (meta) => ({
        type: 'ReleaseEscrow' as const,
        meta,
        data: { releaseId: this.id('release'), amountCents, reason, ...refs },
      }),
      actor,
    );
    const released = events?.find(
      (e): e is Extract<EscrowEvent, { type: 'EscrowReleased' }> => e.type === 'EscrowReleased',
    )?.data;
    if (!released) return null;
    this.exec(
      walletDecider,
      `wallet-${o.sellerId}`,
      (meta) => ({
        type: 'CreditWallet' as const,
        meta,
        data: {
          providerId: o.sellerId,
          creditId: this.id('credit'),
          escrowId: o.escrowId,
          amountCents: released.payeeNetCents,
        },
      }),
      SYSTEM,
    );
    return released;
  }

  /** A provider withdraws part of the balance; the payout then succeeds or fails. */
  withdraw(providerId: string): void {
    const wallet = this.state<WalletState>(`wallet-${providerId}`, walletDecider);
    if (wallet.status !== 'open' || wallet.availableCents === 0) return;
    const owner = { id: providerId, role: 'provider' as const };
    const accountId = `bank-${providerId.slice(0, 8)}`;
    if (!this.accountsWithBank.has(providerId)) {
      this.exec(
        walletDecider,
        `wallet-${providerId}`,
        (meta) => ({
          type: 'RegisterWithdrawalAccount' as const,
          meta,
          data: {
            providerId,
            accountId,
            kind: 'bank' as const,
            iban: IBAN,
            holderName: 'Jean Dupont',
          },
        }),
        owner,
      );
      this.accountsWithBank.add(providerId);
    }
    const payoutId = this.id('payout');
    const amountCents = this.int(1, wallet.availableCents);
    this.tick();
    const debited = this.exec(
      walletDecider,
      `wallet-${providerId}`,
      (meta) => ({
        type: 'ReserveWithdrawal' as const,
        meta,
        data: { providerId, payoutId, amountCents, accountId },
      }),
      owner,
    );
    const account =
      debited?.[0]?.type === 'WalletDebitedForPayout' ? debited[0].data.account : null;
    if (!account) return;
    this.exec(
      payoutDecider,
      `payout-${payoutId}`,
      (meta) => ({
        type: 'RequestPayout' as const,
        meta,
        data: { payoutId, providerId, amountCents, account },
      }),
      owner,
    );
    this.tick();
    if (this.chance(0.8)) {
      this.exec(
        payoutDecider,
        `payout-${payoutId}`,
        (meta) => ({
          type: 'MarkPayoutSent' as const,
          meta,
          data: { gatewayPayoutId: `po_${payoutId.slice(0, 8)}` },
        }),
        SYSTEM,
      );
      this.exec(
        walletDecider,
        `wallet-${providerId}`,
        (meta) => ({ type: 'ConfirmPayout' as const, meta, data: { providerId, payoutId } }),
        SYSTEM,
      );
    } else {
      this.exec(
        payoutDecider,
        `payout-${payoutId}`,
        (meta) => ({
          type: 'MarkPayoutFailed' as const,
          meta,
          data: { failureCode: 'account_closed', failureMessage: 'Compte clôturé' },
        }),
        SYSTEM,
      );
      this.exec(
        walletDecider,
        `wallet-${providerId}`,
        (meta) => ({ type: 'ReturnFailedPayout' as const, meta, data: { providerId, payoutId } }),
        SYSTEM,
      );
    }
  }

  erase(accountId: string): void {
    this.exec(
      accountDecider,
      `account-${accountId}`,
      (meta) => ({ type: 'EraseAccount' as const, meta, data: { reason: 'gdpr_request' } }),
      ADMIN,
    );
  }

  /** A whole random marketplace history of about `steps` actions. */
  static run(seed: number, steps: number): MarketplaceSim {
    const sim = new MarketplaceSim(seed);
    for (let i = 0; i < 3; i++) sim.register('buyer');
    for (let i = 0; i < 2; i++) sim.createGig(sim.register('seller'));
    for (let i = 0; i < steps; i++) sim.randomStep();
    return sim;
  }

  randomStep(): void {
    const r = this.random();
    if (r < 0.03) this.register('buyer');
    else if (r < 0.05) this.createGig(this.register('seller'));
    else if (r < 0.08 && this.sellers.length) this.createGig(this.pick(this.sellers));
    else if (r < 0.25) this.placeOrder();
    else if (r < 0.3 && this.sellers.length) this.withdraw(this.pick(this.sellers));
    else if (r < 0.31 && this.buyers.length > 3) this.erase(this.pick(this.buyers));
    else if (this.orders.length) this.advance(this.pick(this.orders));
  }
}
