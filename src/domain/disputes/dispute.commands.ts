import type { Cents, Command } from '../shared';
import type { DecisionOutcome, DisputeReason, DisputeSubject } from './dispute.events';

export const DEFAULT_RESPONSE_DEADLINE_DAYS = 5;

export type OpenDispute = Command<
  'OpenDispute',
  {
    disputeId: string;
    subject: DisputeSubject;
    buyerId: string;
    sellerId: string;
    escrowId: string;
    reason: DisputeReason;
    statement: string;
    evidenceRefs?: string[];
    /** The subject's current status, read by the application. */
    orderStatus: string;
    /** What the escrow holds now. */
    heldCents: Cents;
    responseDeadlineDays?: number;
  }
>;
export type AddStatement = Command<
  'AddStatement',
  { statementId: string; text: string; evidenceRefs: string[] }
>;
export type LapseResponseDeadline = Command<'LapseResponseDeadline', Record<string, never>>;
export type AssignMediator = Command<'AssignMediator', { mediatorId: string }>;
export type AddInternalNote = Command<'AddInternalNote', { noteId: string; text: string }>;
export type ProposeSettlement = Command<
  'ProposeSettlement',
  { settlementId: string; refundCents: Cents; releaseCents: Cents }
>;
export type AcceptSettlement = Command<'AcceptSettlement', { settlementId: string }>;
export type RejectSettlement = Command<'RejectSettlement', { settlementId: string }>;
export type WithdrawDispute = Command<'WithdrawDispute', Record<string, never>>;
export type DecideDispute = Command<
  'DecideDispute',
  {
    decisionId: string;
    outcome: DecisionOutcome;
    refundCents?: Cents;
    releaseCents?: Cents;
    reasoning: string;
    /** What the escrow holds now; for tranche-funded work, only what is funded and not yet released. */
    heldCents: Cents;
  }
>;

export type DisputeCommand =
  | OpenDispute
  | AddStatement
  | LapseResponseDeadline
  | AssignMediator
  | AddInternalNote
  | ProposeSettlement
  | AcceptSettlement
  | RejectSettlement
  | WithdrawDispute
  | DecideDispute;
