import { Cents, DomainEvent, EventVersions } from '../shared';

/**
 * A client's project put out to tender (seed 003), one stream per project `project-<projectId>`
 * (docs/tenders.md). The stream holds the project's whole life: posted, the one provider the
 * client selects (the stream's expected revision makes two racing selections yield one winner),
 * the final terms the winner confirms on the agreement page, an amount revised after signature,
 * and the end of the project. Money facts about the fees live in `project-fees-<projectId>`, the
 * R0 account in the project's escrow. Stream categories stop at the first dash: every tenders category is one word (`project`, `project_offer`, `project_fees`, ...).
 */
export const PROJECT_CATEGORY = 'project';
export const projectStream = (projectId: string): string => `${PROJECT_CATEGORY}-${projectId}`;

/** "Formule de base" (the platform only introduces the parties) or "formule R0" (risque 0). */
export const PROJECT_FORMULAS = ['base', 'r0'] as const;
export type ProjectFormula = (typeof PROJECT_FORMULAS)[number];

/** Who pays the finder's fee (and the R0 option): the client, or the provider with both parties' agreement. */
export const FEE_PAYERS = ['client', 'provider'] as const;
export type FeePayer = (typeof FEE_PAYERS)[number];

/** The terms of realisation: proposed by the client when selecting, confirmed by the winner. */
export interface ProjectTerms {
  amountCents: Cents;
  delayDays: number;
  formula: ProjectFormula;
  feePayer: FeePayer;
}

/** What the platform charges on confirmed terms (TTC, VAT included), fixed at confirmation. */
export interface ProjectFees {
  /** "Commission de mise en relation", on the agreed amount. */
  finderFeeCents: Cents;
  /** The R0 option's price; 0 under the base formula. */
  r0OptionCents: Cents;
}

export type ProjectPosted = DomainEvent<
  'ProjectPosted',
  {
    projectId: string;
    clientId: string;
    title: string;
    description: string;
    /** A category slug of the tenders' category list (see tender categories). */
    category: string;
    budgetMinCents: Cents;
    budgetMaxCents: Cents;
    /** The wished deadline, a calendar day `YYYY-MM-DD`. */
    wishedDeadline: string;
    /** Uploaded files (purpose `project_attachment`), the specification among them. */
    attachmentFileIds: string[];
    postedAt: string;
  }
>;

/** The client takes the project off the tender before selecting anyone. */
export type ProjectWithdrawn = DomainEvent<
  'ProjectWithdrawn',
  { projectId: string; clientId: string; reason: string; withdrawnAt: string }
>;

/** The client selects one provider among those who made an offer; the project leaves the open list. */
export type ProjectProviderSelected = DomainEvent<
  'ProjectProviderSelected',
  {
    projectId: string;
    clientId: string;
    providerId: string;
    offerId: string;
    terms: ProjectTerms;
    selectedAt: string;
  }
>;

/** The winner confirms the final terms on the agreement page: the deal is signed. */
export type ProjectTermsConfirmed = DomainEvent<
  'ProjectTermsConfirmed',
  {
    projectId: string;
    clientId: string;
    providerId: string;
    terms: ProjectTerms;
    fees: ProjectFees;
    confirmedAt: string;
  }
>;

/** The winner declines the proposed terms: the selection is undone and the project is open again. */
export type ProjectTermsDeclined = DomainEvent<
  'ProjectTermsDeclined',
  { projectId: string; providerId: string; reason: string; declinedAt: string }
>;

/** After signature, one party proposes a lower amount; the other party must accept it. */
export type ProjectAmountRevisionProposed = DomainEvent<
  'ProjectAmountRevisionProposed',
  {
    projectId: string;
    revisionId: string;
    fromCents: Cents;
    toCents: Cents;
    proposedBy: string;
    reason: string;
    proposedAt: string;
  }
>;

/** Both parties agreed a lower amount: the fees are computed again on it (docs/tenders-fees.md). */
export type ProjectAmountRevised = DomainEvent<
  'ProjectAmountRevised',
  {
    projectId: string;
    revisionId: string;
    fromCents: Cents;
    toCents: Cents;
    acceptedBy: string;
    /** The fees on the new amount, and what was charged before. */
    fees: ProjectFees;
    previousFees: ProjectFees;
    revisedAt: string;
  }
>;

export type ProjectAmountRevisionRejected = DomainEvent<
  'ProjectAmountRevisionRejected',
  { projectId: string; revisionId: string; rejectedBy: string; rejectedAt: string }
>;

/** The project is over (the client marks it finished); reviews both ways open. */
export type ProjectFinished = DomainEvent<
  'ProjectFinished',
  { projectId: string; finishedBy: string; finishedAt: string }
>;

export type ProjectEvent =
  | ProjectPosted
  | ProjectWithdrawn
  | ProjectProviderSelected
  | ProjectTermsConfirmed
  | ProjectTermsDeclined
  | ProjectAmountRevisionProposed
  | ProjectAmountRevised
  | ProjectAmountRevisionRejected
  | ProjectFinished;

export const PROJECT_EVENT_VERSIONS: EventVersions<ProjectEvent['type']> = {
  ProjectPosted: 1,
  ProjectWithdrawn: 1,
  ProjectProviderSelected: 1,
  ProjectTermsConfirmed: 1,
  ProjectTermsDeclined: 1,
  ProjectAmountRevisionProposed: 1,
  ProjectAmountRevised: 1,
  ProjectAmountRevisionRejected: 1,
  ProjectFinished: 1,
};
