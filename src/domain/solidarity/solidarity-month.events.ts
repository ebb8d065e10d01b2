import type { DomainEvent, EventVersions } from '../shared';

/**
 * The close of one Paris month of the solidarity pot (docs/solidarity-pot.md), one stream per
 * month: `solidarity_month-<YYYY-MM>`. Its first event is the close, appended with
 * `expectedRevision: 'no_stream'`, so a month closes once; then what became of each share.
 */
export const SOLIDARITY_MONTH_CATEGORY = 'solidarity_month';
export const solidarityMonthStream = (month: string): string =>
  `${SOLIDARITY_MONTH_CATEGORY}-${month}`;

/** How the pot was shared: by the votes, equally (no valid vote), or carried over (no partner). */
export type PotRule = 'votes' | 'equal_shares' | 'carried_over';

export interface PotShareFact {
  associationId: string;
  /** The association's name as its partnership shows it (published on the report). */
  name: string;
  votes: number;
  amountCents: number;
}

export type SolidarityMonthClosed = DomainEvent<
  'SolidarityMonthClosed',
  {
    month: string;
    /** The platform's revenue of the month, HT (may be negative: the pot is then 0). */
    revenueCents: number;
    rateBp: number;
    /** revenue × rate / 10 000, half-even; 0 for a month without positive revenue. */
    potCents: number;
    /** What the previous month carried over (it had no partner). */
    carriedInCents: number;
    /** pot + carried in, shared among the partners; 0 when carried over. */
    distributedCents: number;
    carriedOverCents: number;
    rule: PotRule;
    /** Votes counted (for partners at the close). */
    votesCounted: number;
    /** Votes for associations that were no longer partners at the close: not counted. */
    votesVoid: number;
    shares: PotShareFact[];
    closedAt: string;
    closedBy: string;
  }
>;

/** The share was credited to the association's wallet (payouts context). */
export type SolidarityShareCredited = DomainEvent<
  'SolidarityShareCredited',
  {
    month: string;
    associationId: string;
    amountCents: number;
    creditId: string;
    creditedAt: string;
  }
>;

/** A payout of the share to the association's withdrawal account was requested. */
export type SolidaritySharePayoutRequested = DomainEvent<
  'SolidaritySharePayoutRequested',
  {
    month: string;
    associationId: string;
    amountCents: number;
    payoutId: string;
    accountId: string;
    requestedAt: string;
  }
>;

/** No withdrawal account: the share stays in the association's wallet until it registers one. */
export type SolidarityShareKeptInWallet = DomainEvent<
  'SolidarityShareKeptInWallet',
  { month: string; associationId: string; amountCents: number; reason: string; at: string }
>;

export type SolidarityMonthEvent =
  | SolidarityMonthClosed
  | SolidarityShareCredited
  | SolidaritySharePayoutRequested
  | SolidarityShareKeptInWallet;

export const SOLIDARITY_MONTH_EVENT_VERSIONS: EventVersions<SolidarityMonthEvent['type']> = {
  SolidarityMonthClosed: 1,
  SolidarityShareCredited: 1,
  SolidaritySharePayoutRequested: 1,
  SolidarityShareKeptInWallet: 1,
};
