import type { Cents, Command } from '../shared';
import type { ProjectOfferState } from './offer.events';

/** A client puts a project out to tender (seed 003: "déposer un projet"). Raw input: the guards parse it. */
export type PostProject = Command<
  'PostProject',
  {
    projectId: string;
    title: unknown;
    description: unknown;
    category: unknown;
    budgetMinCents: unknown;
    budgetMaxCents: unknown;
    wishedDeadline: unknown;
    /** Files the handler checked belong to the client (purpose `project_attachment`). */
    attachmentFileIds?: unknown;
  }
>;

export type WithdrawProject = Command<'WithdrawProject', { projectId: string; reason?: unknown }>;

/**
 * The client selects one provider who made an offer. The handler folds the provider's offer
 * stream and passes it as `offer` (null: no offer). Amount and delay default to the offer's.
 */
export type SelectProvider = Command<
  'SelectProvider',
  {
    projectId: string;
    providerId: string;
    offer?: ProjectOfferState | null;
    amountCents?: unknown;
    delayDays?: unknown;
    formula: unknown;
    feePayer?: unknown;
  }
>;

/** The selected provider confirms the terms on the agreement page: the deal is signed. */
export type ConfirmTerms = Command<'ConfirmTerms', { projectId: string }>;

export type DeclineTerms = Command<'DeclineTerms', { projectId: string; reason?: unknown }>;

/**
 * Either party, after signature, proposes a lower amount. Under R0 the handler passes what the
 * project's escrow holds funded (funded − refunded), the floor of the new amount.
 */
export type ProposeAmountRevision = Command<
  'ProposeAmountRevision',
  {
    projectId: string;
    revisionId: string;
    toCents: unknown;
    reason?: unknown;
    escrowFundedCents?: Cents;
  }
>;

export type AcceptAmountRevision = Command<
  'AcceptAmountRevision',
  { projectId: string; revisionId: string }
>;

export type RejectAmountRevision = Command<
  'RejectAmountRevision',
  { projectId: string; revisionId: string }
>;

export type FinishProject = Command<'FinishProject', { projectId: string }>;

export type ProjectCommand =
  | PostProject
  | WithdrawProject
  | SelectProvider
  | ConfirmTerms
  | DeclineTerms
  | ProposeAmountRevision
  | AcceptAmountRevision
  | RejectAmountRevision
  | FinishProject;
