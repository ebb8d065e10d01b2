import type { PartnerAtClose } from '../../domain/solidarity';

/** One revenue account's net of a month (credits − debits; an expense deducted counts negative). */
export interface RevenueLine {
  account: string;
  netCents: number;
}

export interface MonthRevenue {
  month: string;
  /** The platform's revenue of the month, HT (docs/solidarity-pot.md); may be negative. */
  revenueCents: number;
  lines: RevenueLine[];
}

/** What the pot needs from the read models (the ledger, partners, eligibility). */
export interface SolidarityPotFacts {
  /** When the account first completed an order or had a mission validated as buyer/client; null: never. */
  voterQualifiedAt(accountId: string): Promise<string | null>;
  /** The association if it is a partner now, else null. */
  partner(associationId: string): Promise<PartnerAtClose | null>;
  /** Every current partner. */
  partners(): Promise<PartnerAtClose[]>;
  monthRevenue(month: string): Promise<MonthRevenue>;
  /**
   * The read models the close relies on that have not yet applied an event that happened
   * before `before` (empty: they know everything the month did).
   */
  readModelsBehind(before: string): Promise<string[]>;
  /** The months whose share of this association stays in its wallet (no withdrawal account then). */
  sharesKeptInWallet(associationId: string): Promise<string[]>;
}

export const SOLIDARITY_POT_FACTS = Symbol('SOLIDARITY_POT_FACTS');

export interface PotSettings {
  /** SOLIDARITY_POT_BP: the pot's rate in basis points (500 = 5 %). */
  rateBp: number;
}
export const POT_SETTINGS = Symbol('POT_SETTINGS');
