import { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * The money the platform takes on a signed project (seed 003, docs/tenders-fees.md), one stream
 * per project `project_fees-<projectId>`: the finder's fee ("commission de mise en relation") and,
 * under the R0 formula, the R0 option, each charged once to the payer's card (the client, or the
 * provider with both parties' agreement), refunded in part when the signed amount goes down.
 */
export const PROJECT_FEES_CATEGORY = 'project_fees';
export const projectFeesStream = (projectId: string): string =>
  `${PROJECT_FEES_CATEGORY}-${projectId}`;

/** What is charged: the finder's fee, or the R0 option's price. */
export const PROJECT_FEE_KINDS = ['finder_fee', 'r0_option'] as const;
export type ProjectFeeKind = (typeof PROJECT_FEE_KINDS)[number];

export const PROJECT_FEE_REFUND_REASONS = ['amount_revised'] as const;
export type ProjectFeeRefundReason = (typeof PROJECT_FEE_REFUND_REASONS)[number];

/** The payer's card was charged; one invoice (F series) follows. */
export type ProjectFeeCharged = DomainEvent<
  'ProjectFeeCharged',
  {
    projectId: string;
    /** Derived from the project and the kind: one charge per kind and project. */
    chargeId: string;
    kind: ProjectFeeKind;
    payerId: string;
    amountCents: Cents;
    /** The gateway's reference of the charge. */
    paymentRef: string;
    /** The project's title, for the invoice's line (optional: a fact of the project stream). */
    projectTitle?: string;
    /** The saved card the charge used, reused for the payer's next fees. */
    paymentMethodRef?: string;
    chargedAt: string;
  }
>;

/** The charge was refused (or the payer has no saved card): the payer is told and may pay again. */
export type ProjectFeeChargeFailed = DomainEvent<
  'ProjectFeeChargeFailed',
  {
    projectId: string;
    chargeId: string;
    kind: ProjectFeeKind;
    payerId: string;
    amountCents: Cents;
    /** The gateway's decline code (`card_declined`, ...) or `no_saved_payment_method`. */
    code: string;
    failedAt: string;
  }
>;

/** Part of a charge given back (a lower signed amount): one credit note (A series) follows. */
export type ProjectFeeRefunded = DomainEvent<
  'ProjectFeeRefunded',
  {
    projectId: string;
    refundId: string;
    chargeId: string;
    kind: ProjectFeeKind;
    payerId: string;
    amountCents: Cents;
    paymentRef: string;
    reason: ProjectFeeRefundReason;
    refundedAt: string;
  }
>;

export type ProjectFeesEvent = ProjectFeeCharged | ProjectFeeChargeFailed | ProjectFeeRefunded;

export const PROJECT_FEES_EVENT_VERSIONS: EventVersions<ProjectFeesEvent['type']> = {
  ProjectFeeCharged: 1,
  ProjectFeeChargeFailed: 1,
  ProjectFeeRefunded: 1,
};
