import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

/** One version of a plan as the history shows it. */
export interface PlanVersionEntry {
  version: number;
  priceTtcCents: number;
  period: string | null;
  /** When it took effect: periods and purchases starting from then on use it. */
  effectiveFrom: string;
}

export interface PlanRow {
  plan_id: string;
  rev: number;
  kind: string;
  name: string;
  description: string;
  version: number;
  price_ttc_cents: number;
  period: string | null;
  benefits: string[];
  credits: Record<string, number>;
  hour_pack: { serviceTypeId: string; minutes: number; validityMonths: number } | null;
  status: string;
  versions: PlanVersionEntry[];
  defined_at: string;
  updated_at: string;
  retired_at: string | null;
}

export const PLANS: TableSpec<PlanRow> = {
  table: 'plans',
  key: 'plan_id',
  columns: [
    'plan_id',
    'rev',
    'kind',
    'name',
    'description',
    'version',
    'price_ttc_cents',
    'period',
    'benefits',
    'credits',
    'hour_pack',
    'status',
    'versions',
    'defined_at',
    'updated_at',
    'retired_at',
  ],
};

export const PLANS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'plans',
    view: 'rm_plans',
    ddl: [
      `CREATE TABLE plans (
         plan_id text PRIMARY KEY, rev bigint NOT NULL, kind text NOT NULL, name text NOT NULL,
         description text NOT NULL, version integer NOT NULL, price_ttc_cents integer NOT NULL,
         period text, benefits jsonb NOT NULL, credits jsonb NOT NULL, hour_pack jsonb,
         status text NOT NULL, versions jsonb NOT NULL, defined_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL, retired_at timestamptz
       )`,
    ],
    indexes: [`CREATE INDEX plans_active ON plans (kind, price_ttc_cents) WHERE status = 'active'`],
  },
];
