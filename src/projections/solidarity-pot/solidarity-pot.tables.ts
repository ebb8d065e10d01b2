import { ProjectionTable } from '../runner/projection';

/**
 * The solidarity pot's read model (docs/solidarity-pot.md): the partners as the partnership
 * events tell them, who may vote (first completed order or validated mission as buyer/client),
 * the votes of each month, and the published monthly reports with their shares.
 */
export const SOLIDARITY_POT_TABLES: readonly ProjectionTable[] = [
  {
    name: 'pot_partners',
    view: 'rm_solidarity_pot_partners',
    ddl: [
      `CREATE TABLE pot_partners (
         association_id text PRIMARY KEY, rev bigint NOT NULL, name text NOT NULL,
         partner boolean NOT NULL, since timestamptz NOT NULL, ended_at timestamptz
       )`,
    ],
  },
  {
    name: 'pot_voters',
    view: 'rm_solidarity_pot_voters',
    ddl: [
      `CREATE TABLE pot_voters (
         account_id text PRIMARY KEY, qualified_at timestamptz NOT NULL, qualified_by text NOT NULL
       )`,
    ],
  },
  {
    name: 'pot_votes',
    view: 'rm_solidarity_pot_votes',
    ddl: [
      `CREATE TABLE pot_votes (
         month text NOT NULL, voter_id text NOT NULL, association_id text NOT NULL,
         cast_at timestamptz NOT NULL, rev bigint NOT NULL, PRIMARY KEY (month, voter_id)
       )`,
    ],
    indexes: [`CREATE INDEX pot_votes_association ON pot_votes (month, association_id)`],
  },
  {
    name: 'pot_reports',
    view: 'rm_solidarity_pot_reports',
    ddl: [
      `CREATE TABLE pot_reports (
         month text PRIMARY KEY, revenue_cents bigint NOT NULL, rate_bp integer NOT NULL,
         pot_cents bigint NOT NULL, carried_in_cents bigint NOT NULL,
         distributed_cents bigint NOT NULL, carried_over_cents bigint NOT NULL, rule text NOT NULL,
         votes_counted integer NOT NULL, votes_void integer NOT NULL, closed_at timestamptz NOT NULL
       )`,
    ],
  },
  {
    name: 'pot_report_shares',
    view: 'rm_solidarity_pot_report_shares',
    ddl: [
      `CREATE TABLE pot_report_shares (
         month text NOT NULL, association_id text NOT NULL, name text NOT NULL,
         votes integer NOT NULL, amount_cents bigint NOT NULL, status text NOT NULL,
         payout_id text, updated_at timestamptz NOT NULL, PRIMARY KEY (month, association_id)
       )`,
    ],
    indexes: [
      `CREATE INDEX pot_report_shares_payout ON pot_report_shares (payout_id) WHERE payout_id IS NOT NULL`,
    ],
  },
  {
    name: 'pot_payout_outcomes',
    ddl: [
      `CREATE TABLE pot_payout_outcomes (payout_id text PRIMARY KEY, outcome text NOT NULL, at timestamptz NOT NULL)`,
    ],
  },
];

/** What a share of a closed month became, as the report shows it. */
export type ShareStatus = 'owed' | 'in_wallet' | 'payout_requested' | 'paid' | 'payout_failed';
