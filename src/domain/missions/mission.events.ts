import type { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * A local mission (seeds 000 "Services" and 002): a client books a provider for a service at a
 * place and time. Stream of one mission: `mission-<missionId>`.
 *
 * This file is the contract the missions context is built on: the mission aggregate decides these
 * events, the money process reacts to them (escrow, card authorisation, capture, instant payout),
 * the dispatch index and the client area read them.
 */
export const MISSION_STREAM_CATEGORY = 'mission';
export const missionStreamName = (missionId: string): string =>
  `${MISSION_STREAM_CATEGORY}-${missionId}`;

/**
 * - `pending`: published, waiting for a provider's answer ("Demandes en attente de réponse").
 * - `confirmed`: a provider accepted ("Vos prochains rendez-vous").
 * - `validated`: the client pressed "Mission terminée ✔" (or the written auto-validation rule ran).
 * - `disputed`: a party pressed "Signaler un problème"; the money is frozen until the decision.
 * - `resolved`, `cancelled`, `expired`: terminal.
 */
export const MISSION_STATUSES = [
  'pending',
  'confirmed',
  'validated',
  'disputed',
  'resolved',
  'cancelled',
  'expired',
] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];
export const TERMINAL_MISSION_STATUSES: readonly MissionStatus[] = ['resolved', 'cancelled', 'expired'];

/** Where the intervention takes place. Coordinates come from the postal code when not given. */
export interface MissionPlace {
  address: string;
  postalCode: string;
  city: string;
  lat: number;
  lng: number;
}

/** How a provider prices a service type: per hour (times the estimated duration) or a fixed price. */
export type MissionPricing = { kind: 'hourly'; hourlyRateCents: Cents } | { kind: 'fixed' };

/** One provider the request was sent to, with the price their offer implies for this request. */
export interface MissionCandidate {
  providerId: string;
  /** 1 = first in the dispatch order. */
  rank: number;
  pricing: MissionPricing;
  priceCents: Cents;
}

/**
 * `dispatch`: sent to the available providers (offering the type, covering the place, free at the
 * slot, verified), ranked. `direct`: addressed to one provider the client chose by reference.
 */
export type MissionTargeting = 'dispatch' | 'direct';

/**
 * How the client's money is secured (seed 000 "Solde Sécurisé Stripe™").
 * - `authorise_now`: the mission starts within the authorisation window; the card is authorised
 *   at publication (the escrow opens with that authorisation).
 * - `authorise_later`: the payment method is saved at publication and authorised automatically at
 *   `authoriseAt`; the client is told if that fails.
 * - `hour_pack`: paid from the client's hour pack (`hourPackId`, docs/plans-hour-packs.md): no card
 *   is authorised; the pack reserves the duration at confirmation and consumes it at validation.
 * The client is charged (capture) only at validation.
 */
export type MissionPaymentPlan = 'authorise_now' | 'authorise_later' | 'hour_pack';

export interface MissionTerms {
  startsAt: string;
  durationMinutes: number;
  /** "Détails importants": free text. */
  details: string;
}

export type MissionRequested = DomainEvent<
  'MissionRequested',
  MissionTerms & {
    missionId: string;
    escrowId: string;
    clientId: string;
    serviceTypeId: string;
    /** The service type's label as the client saw it (e.g. "Ménage"). */
    serviceTypeLabel: string;
    place: MissionPlace;
    targeting: MissionTargeting;
    /** Ranked; one entry for a direct request. */
    candidates: MissionCandidate[];
    /** What is reserved: the highest candidate price (the accepted provider's price applies). */
    reservedCents: Cents;
    /** The missions commission (its own setting), fixed for the mission's life. */
    commissionRateBp: number;
    paymentPlan: MissionPaymentPlan;
    /** When the card is authorised: `requestedAt` for `authorise_now`. */
    authoriseAt: string;
    /**
     * Opaque reference of the client's payment method at the gateway (never a card number);
     * `hour-pack:<hourPackId>` for a mission paid from a pack.
     */
    paymentMethodRef: string;
    /** `hour_pack` missions only: the pack that pays (absent from every other request). */
    hourPackId?: string;
    /** No acceptance by then: the request expires and its money is released. */
    respondBy: string;
    /** The written rule shown to the client: without validation or a reported problem by then, the mission is validated automatically. */
    autoValidateAt: string;
    requestedAt: string;
  }
>;

export const REFUSAL_REASONS = ['skills', 'availability', 'location', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type MissionRefusedByProvider = DomainEvent<
  'MissionRefusedByProvider',
  {
    missionId: string;
    providerId: string;
    reason: RefusalReason;
    comment?: string;
    refusedAt: string;
  }
>;

/** The first acceptance wins; the price is the accepting provider's. */
export type MissionConfirmed = DomainEvent<
  'MissionConfirmed',
  {
    missionId: string;
    clientId: string;
    providerId: string;
    priceCents: Cents;
    /** Half-even share of `priceCents` at the mission's commission rate. */
    commissionCents: Cents;
    providerNetCents: Cents;
    /** Reserved before minus `priceCents`: given back to the client's reservation now. */
    releasedReservationCents: Cents;
    confirmedAt: string;
  }
>;

/** Before any confirmation the client changes the request freely: it is sent again. */
export type MissionRequestChanged = DomainEvent<
  'MissionRequestChanged',
  MissionTerms & {
    missionId: string;
    /**
     * The client whose key protects `details` and `place.address` (see `mission.personal.ts`);
     * absent from the events recorded before it was added.
     */
    clientId?: string;
    place: MissionPlace;
    candidates: MissionCandidate[];
    /** The reservation follows the price. */
    reservedCents: Cents;
    previousReservedCents: Cents;
    paymentPlan: MissionPaymentPlan;
    authoriseAt: string;
    respondBy: string;
    autoValidateAt: string;
    changedAt: string;
  }
>;

/** Once confirmed, a change of duration, date or details is a proposal; nothing changes until the provider accepts. */
export type MissionChangeProposed = DomainEvent<
  'MissionChangeProposed',
  {
    missionId: string;
    proposalId: string;
    proposedBy: string;
    proposed: MissionTerms;
    /** The price the proposed terms imply with the confirmed provider's pricing. */
    priceCents: Cents;
    proposedAt: string;
  }
>;

export type MissionChangeAccepted = DomainEvent<
  'MissionChangeAccepted',
  MissionTerms & {
    missionId: string;
    /**
     * The client whose key protects `details` (see `mission.personal.ts`); absent from the events
     * recorded before it was added.
     */
    clientId?: string;
    proposalId: string;
    priceCents: Cents;
    commissionCents: Cents;
    providerNetCents: Cents;
    previousPriceCents: Cents;
    authoriseAt: string;
    autoValidateAt: string;
    acceptedAt: string;
  }
>;

export type MissionChangeRefused = DomainEvent<
  'MissionChangeRefused',
  { missionId: string; proposalId: string; comment?: string; refusedAt: string }
>;

export type MissionChangeWithdrawn = DomainEvent<
  'MissionChangeWithdrawn',
  { missionId: string; proposalId: string; withdrawnAt: string }
>;

/** Recorded by the money process once the gateway authorised the card (the escrow is open). */
export type MissionPaymentAuthorised = DomainEvent<
  'MissionPaymentAuthorised',
  { missionId: string; escrowId: string; paymentRef: string; amountCents: Cents; authorisedAt: string }
>;

/** The automatic authorisation of a far-out mission failed: the client is told and may give another card. */
export type MissionPaymentAuthorisationFailed = DomainEvent<
  'MissionPaymentAuthorisationFailed',
  {
    missionId: string;
    reason: string;
    attempt: number;
    /** Absent after the last attempt: the mission is then cancelled by the system. */
    nextAttemptAt?: string;
    failedAt: string;
  }
>;

/** The client gave another payment method after a failed authorisation. */
export type MissionPaymentMethodReplaced = DomainEvent<
  'MissionPaymentMethodReplaced',
  { missionId: string; paymentMethodRef: string; replacedAt: string }
>;

export type MissionMessagePosted = DomainEvent<
  'MissionMessagePosted',
  {
    missionId: string;
    messageId: string;
    authorId: string;
    text: string;
    fileRefs: string[];
    postedAt: string;
  }
>;

export type MissionCanceller = 'client' | 'provider' | 'system';

export type MissionCancelled = DomainEvent<
  'MissionCancelled',
  {
    missionId: string;
    cancelledBy: MissionCanceller;
    /** The account that cancelled; absent for the system. */
    actorId?: string;
    reason?: string;
    /** Where the mission stood. */
    from: 'pending' | 'confirmed';
    /** Within the late-cancellation window before the start (a client's cancellation of a confirmed mission). */
    late: boolean;
    /** The late-cancellation fee kept from the reservation for the provider (0 by default). */
    feeCents: Cents;
    /** What goes back to the client. */
    refundCents: Cents;
    cancelledAt: string;
  }
>;

export type MissionExpired = DomainEvent<
  'MissionExpired',
  { missionId: string; respondBy: string; expiredAt: string }
>;

/** "Mission terminée ✔": the client is charged now and the provider paid at once. */
export type MissionValidated = DomainEvent<
  'MissionValidated',
  {
    missionId: string;
    clientId: string;
    providerId: string;
    /** `system`: the written auto-validation rule ran at `autoValidateAt`. */
    validatedBy: 'client' | 'system';
    priceCents: Cents;
    commissionCents: Cents;
    providerNetCents: Cents;
    validatedAt: string;
  }
>;

/** "Signaler un problème": a dispute opens in the disputes context and the money freezes. */
export type MissionProblemReported = DomainEvent<
  'MissionProblemReported',
  {
    missionId: string;
    disputeId: string;
    reportedBy: string;
    reporterRole: 'client' | 'provider';
    statement: string;
    /** The status to go back to if the dispute is withdrawn. */
    statusAtReport: 'confirmed';
    reportedAt: string;
  }
>;

/** The dispute ended: withdrawn (back to `statusAtReport`) or decided (bounded by what is held). */
export type MissionDisputeClosed = DomainEvent<
  'MissionDisputeClosed',
  {
    missionId: string;
    disputeId: string;
    outcome: 'withdrawn' | 'decided';
    releasedToProviderCents: Cents;
    refundedToClientCents: Cents;
    closedAt: string;
  }
>;

/**
 * Seed 002: one appreciation per intervention, on a scale with negative values
 * (-2 "Très insatisfait", -1 "Insatisfait", 1 "Satisfait", 2 "Très satisfait"), with a comment
 * (seed 000 "noter le prestataire et laisser un commentaire").
 */
export const APPRECIATION_SCALE = [-2, -1, 1, 2] as const;
export type Appreciation = (typeof APPRECIATION_SCALE)[number];

export type MissionAppreciated = DomainEvent<
  'MissionAppreciated',
  {
    missionId: string;
    clientId: string;
    providerId: string;
    appreciation: Appreciation;
    comment: string;
    appreciatedAt: string;
  }
>;

/** Allowed only with a satisfied (positive) appreciation. */
export type MissionRecommended = DomainEvent<
  'MissionRecommended',
  { missionId: string; clientId: string; providerId: string; text: string; recommendedAt: string }
>;

export type MissionEvent =
  | MissionRequested
  | MissionRefusedByProvider
  | MissionConfirmed
  | MissionRequestChanged
  | MissionChangeProposed
  | MissionChangeAccepted
  | MissionChangeRefused
  | MissionChangeWithdrawn
  | MissionPaymentAuthorised
  | MissionPaymentAuthorisationFailed
  | MissionPaymentMethodReplaced
  | MissionMessagePosted
  | MissionCancelled
  | MissionExpired
  | MissionValidated
  | MissionProblemReported
  | MissionDisputeClosed
  | MissionAppreciated
  | MissionRecommended;

export const MISSION_EVENT_VERSIONS: EventVersions<MissionEvent['type']> = {
  MissionRequested: 1,
  MissionRefusedByProvider: 1,
  MissionConfirmed: 1,
  MissionRequestChanged: 1,
  MissionChangeProposed: 1,
  MissionChangeAccepted: 1,
  MissionChangeRefused: 1,
  MissionChangeWithdrawn: 1,
  MissionPaymentAuthorised: 1,
  MissionPaymentAuthorisationFailed: 1,
  MissionPaymentMethodReplaced: 1,
  MissionMessagePosted: 1,
  MissionCancelled: 1,
  MissionExpired: 1,
  MissionValidated: 1,
  MissionProblemReported: 1,
  MissionDisputeClosed: 1,
  MissionAppreciated: 1,
  MissionRecommended: 1,
};
