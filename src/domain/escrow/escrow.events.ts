import { Cents, DomainEvent, EventVersions } from '../shared';

export const ESCROW_SUBJECT_KINDS = ['order', 'mission', 'project'] as const;
export type EscrowSubjectKind = (typeof ESCROW_SUBJECT_KINDS)[number];

/** What the escrow secures: one escrow per order, mission or (tender) project. */
export interface EscrowSubject {
  kind: EscrowSubjectKind;
  id: string;
}

export const RELEASE_REASONS = [
  'accepted',
  'auto_accepted',
  'decision',
  'tranche_released',
  /** A mission's late-cancellation fee, kept from the client's money for the provider (system only). */
  'cancellation_fee',
] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

export const REFUND_REASONS = [
  'cancelled',
  'decision',
  'late_delivery',
  'seller_declined',
  'mutual',
  /** The escrow was funded for an order that was never placed. */
  'placement_abandoned',
  /** A mission's price went down after a change the provider accepted: the difference goes back. */
  'price_reduced',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export type EscrowOpened = DomainEvent<
  'EscrowOpened',
  {
    escrowId: string;
    subject: EscrowSubject;
    payerId: string;
    payeeId: string;
    /** Fixed for the escrow's whole life so a later price-list change never alters a running deal. */
    commissionRateBp: number;
  }
>;

export type EscrowFunded = DomainEvent<
  'EscrowFunded',
  {
    escrowId: string;
    trancheId: string;
    amountCents: Cents;
    /** The payment gateway's payment id (PaymentIntent or charge). */
    paymentRef: string;
    fundedTotalCents: Cents;
    /** What the tranche pays for, as the client named it (a project's account); optional. */
    label?: string;
  }
>;

export type EscrowReleased = DomainEvent<
  'EscrowReleased',
  {
    escrowId: string;
    releaseId: string;
    payeeId: string;
    amountCents: Cents;
    /** Commission is TTC, computed half-even once here; readers never recompute it. */
    commissionCents: Cents;
    vatOnCommissionCents: Cents;
    payeeNetCents: Cents;
    reason: ReleaseReason;
    disputeId?: string;
    decisionId?: string;
    /** The funded tranche a `tranche_released` paid out; optional. */
    trancheId?: string;
  }
>;

export type EscrowRefunded = DomainEvent<
  'EscrowRefunded',
  {
    escrowId: string;
    refundId: string;
    payerId: string;
    amountCents: Cents;
    reason: RefundReason;
    disputeId?: string;
    decisionId?: string;
  }
>;

export type EscrowFrozen = DomainEvent<'EscrowFrozen', { escrowId: string; disputeId: string }>;

export type EscrowUnfrozen = DomainEvent<'EscrowUnfrozen', { escrowId: string; disputeId: string }>;

export type EscrowEvent =
  EscrowOpened | EscrowFunded | EscrowReleased | EscrowRefunded | EscrowFrozen | EscrowUnfrozen;

/** Stored schema version per event type; raise one only with an upcaster (docs/event-store.md). */
export const ESCROW_EVENT_VERSIONS: EventVersions<EscrowEvent['type']> = {
  EscrowOpened: 1,
  EscrowFunded: 1,
  EscrowReleased: 1,
  EscrowRefunded: 1,
  EscrowFrozen: 1,
  EscrowUnfrozen: 1,
};

export const escrowStreamName = (escrowId: string): string => `escrow-${escrowId}`;
