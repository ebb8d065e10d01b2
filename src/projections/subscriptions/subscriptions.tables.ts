import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import type { ExistingSubscription } from '../../domain/plans';

export interface SubscriptionRow {
  subscription_id: string;
  rev: number;
  account_id: string;
  plan_id: string;
  plan_kind: string;
  status: string;
  period: number;
  renewal_due_at: string;
  started_at: string;
  updated_at: string;
  /** The subscription folded by the domain's own `evolve`, so the views read the same as from the stream. */
  state: ExistingSubscription;
}

export const SUBSCRIPTIONS: TableSpec<SubscriptionRow> = {
  table: 'subscriptions',
  key: 'subscription_id',
  columns: [
    'subscription_id',
    'rev',
    'account_id',
    'plan_id',
    'plan_kind',
    'status',
    'period',
    'renewal_due_at',
    'started_at',
    'updated_at',
    'state',
  ],
};

export const SUBSCRIPTIONS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'subscriptions',
    view: 'rm_subscriptions',
    ddl: [
      `CREATE TABLE subscriptions (
         subscription_id text PRIMARY KEY, rev bigint NOT NULL, account_id text NOT NULL,
         plan_id text NOT NULL, plan_kind text NOT NULL, status text NOT NULL, period integer NOT NULL,
         renewal_due_at timestamptz NOT NULL, started_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL, state jsonb NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX subscriptions_account ON subscriptions (account_id, started_at DESC)`,
      `CREATE INDEX subscriptions_status ON subscriptions (status, started_at DESC)`,
    ],
  },
];
