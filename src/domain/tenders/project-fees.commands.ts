import type { Command } from '../shared';
import type { ProjectFeeKind, ProjectFeeRefundReason } from './project-fees.events';

/** The gateway charged the payer (the application charged first, so the decision stays pure). */
export type RecordProjectFeeCharge = Command<
  'RecordProjectFeeCharge',
  {
    projectId: string;
    chargeId: string;
    kind: ProjectFeeKind;
    payerId: string;
    amountCents: number;
    paymentRef: string;
    projectTitle?: string;
    paymentMethodRef?: string;
  }
>;

/** The gateway refused the charge (or there was no card to charge). */
export type RecordProjectFeeChargeFailure = Command<
  'RecordProjectFeeChargeFailure',
  {
    projectId: string;
    chargeId: string;
    kind: ProjectFeeKind;
    payerId: string;
    amountCents: number;
    code: string;
  }
>;

/** The gateway gave back part of a charge. */
export type RecordProjectFeeRefund = Command<
  'RecordProjectFeeRefund',
  {
    projectId: string;
    refundId: string;
    kind: ProjectFeeKind;
    amountCents: number;
    paymentRef: string;
    reason: ProjectFeeRefundReason;
  }
>;

export type ProjectFeesCommand =
  RecordProjectFeeCharge | RecordProjectFeeChargeFailure | RecordProjectFeeRefund;
