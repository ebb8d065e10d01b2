import type { Command } from '../shared';
import type { EscrowSubject, RefundReason, ReleaseReason } from './escrow.events';

/** Opening always comes with the first payment: an escrow exists only once money is in it. */
export type OpenEscrow = Command<
  'OpenEscrow',
  {
    escrowId: string;
    subject: EscrowSubject;
    payerId: string;
    payeeId: string;
    commissionRateBp: number;
    trancheId: string;
    amountCents: number;
    paymentRef: string;
    /** What the tranche pays for (a project's account shows it); optional. */
    label?: string;
    /** A ceiling on the total ever funded (a project's agreed amount); optional. */
    maxFundedCents?: number;
  }
>;
export type FundEscrow = Command<
  'FundEscrow',
  {
    trancheId: string;
    amountCents: number;
    paymentRef: string;
    label?: string;
    maxFundedCents?: number;
  }
>;
export type ReleaseEscrow = Command<
  'ReleaseEscrow',
  {
    releaseId: string;
    amountCents: number;
    reason: ReleaseReason;
    disputeId?: string;
    decisionId?: string;
    /** The funded tranche a `tranche_released` pays out (a project's account); optional. */
    trancheId?: string;
  }
>;
export type RefundEscrow = Command<
  'RefundEscrow',
  {
    refundId: string;
    amountCents: number;
    reason: RefundReason;
    disputeId?: string;
    decisionId?: string;
  }
>;
export type FreezeEscrow = Command<
  'FreezeEscrow',
  {
    disputeId: string;
    /** What the dispute opened on (a project's account): refused if the escrow holds otherwise. */
    heldCents?: number;
  }
>;
export type UnfreezeEscrow = Command<'UnfreezeEscrow', { disputeId: string }>;

export type EscrowCommand =
  OpenEscrow | FundEscrow | ReleaseEscrow | RefundEscrow | FreezeEscrow | UnfreezeEscrow;
