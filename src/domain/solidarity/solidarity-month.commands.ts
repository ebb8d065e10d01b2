import type { Command } from '../shared';

export interface PartnerAtClose {
  associationId: string;
  name: string;
}

/**
 * Closes a month with the facts the application read: the revenue from the ledger, the rate
 * from the settings, the carry-over of the previous month, the partners at the close and the
 * frozen tally of the ballot. The decider computes the pot and the shares.
 */
export type CloseSolidarityMonth = Command<
  'CloseSolidarityMonth',
  {
    month: string;
    revenueCents: number;
    rateBp: number;
    carriedInCents: number;
    partners: PartnerAtClose[];
    votes: Record<string, number>;
  }
>;

export type RecordShareCredited = Command<
  'RecordShareCredited',
  { month: string; associationId: string; creditId: string }
>;

export type RecordSharePayout = Command<
  'RecordSharePayout',
  { month: string; associationId: string; payoutId: string; accountId: string }
>;

export type RecordShareKeptInWallet = Command<
  'RecordShareKeptInWallet',
  { month: string; associationId: string; reason: string }
>;

export type SolidarityMonthCommand =
  CloseSolidarityMonth | RecordShareCredited | RecordSharePayout | RecordShareKeptInWallet;
