import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';
import type { ProSubscriptions } from './pro-status';

export interface ProfileStatsRow {
  account_id: string;
  rating_sum: number;
  rating_count: number;
  completed_orders: number;
  cancellation_marks: number;
  updated_at: string;
}

/** What this projection already counted for an order, so a redelivered event is never counted twice. */
export interface ProfileOrderRow {
  order_id: string;
  rev: number;
  completed: boolean;
  reviewed: boolean;
  marked: boolean;
  /** The other party already answered the cancellation mark. */
  mark_answered: boolean;
}

export interface ReviewRow {
  order_id: string;
  seller_id: string;
  buyer_id: string;
  rating: number;
  comment: string | null;
  reviewed_at: string;
}

export interface CancellationMarkRow {
  order_id: string;
  account_id: string;
  reason: string;
  cancelled_by: string;
  cancelled_at: string;
}

/** What this projection knows of a mission: its parties, and what it already recorded for it. */
export interface ProfileMissionRow {
  mission_id: string;
  rev: number;
  client_id: string | null;
  /** The confirmed provider, whose profile shows the mission's cancellation and appreciation. */
  provider_id: string | null;
}

/** Every cancellation of a mission a provider had confirmed, whoever cancelled, late or not. */
export interface MissionCancellationRow {
  mission_id: string;
  provider_id: string;
  client_id: string;
  cancelled_by: string;
  actor_id: string | null;
  from_status: string;
  late: boolean;
  fee_cents: number;
  cancelled_at: string;
}

/** Seed 002: one appreciation per intervention, and a recommendation only with a satisfied one. */
export interface MissionAppreciationRow {
  mission_id: string;
  provider_id: string;
  client_id: string;
  appreciation: number;
  comment: string | null;
  appreciated_at: string;
  recommendation: string | null;
  recommended_at: string | null;
}

/** A provider's Pro subscriptions (docs/plans-pro.md): the profile's badge, and gig search's boost and `featured`. */
export interface ProfileProRow {
  account_id: string;
  subscriptions: ProSubscriptions;
  /** A Pro subscription runs now. */
  pro: boolean;
  updated_at: string;
}

export const PROFILE_PRO: TableSpec<ProfileProRow> = {
  table: 'profile_pro',
  key: 'account_id',
  columns: ['account_id', 'subscriptions', 'pro', 'updated_at'],
};

export const PROFILE_MISSIONS: TableSpec<ProfileMissionRow> = {
  table: 'profile_missions',
  key: 'mission_id',
  columns: ['mission_id', 'rev', 'client_id', 'provider_id'],
};

export const MISSION_CANCELLATIONS_TABLE = {
  table: 'mission_cancellations',
  columns: [
    'mission_id',
    'provider_id',
    'client_id',
    'cancelled_by',
    'actor_id',
    'from_status',
    'late',
    'fee_cents',
    'cancelled_at',
  ],
  conflict: 'mission_id',
} as const;

export const MISSION_APPRECIATIONS: TableSpec<MissionAppreciationRow> = {
  table: 'mission_appreciations',
  key: 'mission_id',
  columns: [
    'mission_id',
    'provider_id',
    'client_id',
    'appreciation',
    'comment',
    'appreciated_at',
    'recommendation',
    'recommended_at',
  ],
};

export const PROFILE_STATS: TableSpec<ProfileStatsRow> = {
  table: 'profile_stats',
  key: 'account_id',
  columns: [
    'account_id',
    'rating_sum',
    'rating_count',
    'completed_orders',
    'cancellation_marks',
    'updated_at',
  ],
};

export const PROFILE_ORDERS: TableSpec<ProfileOrderRow> = {
  table: 'profile_orders',
  key: 'order_id',
  columns: ['order_id', 'rev', 'completed', 'reviewed', 'marked', 'mark_answered'],
};

export const REVIEWS_TABLE = {
  table: 'reviews',
  columns: ['order_id', 'seller_id', 'buyer_id', 'rating', 'comment', 'reviewed_at'],
  conflict: 'order_id',
} as const;
export const MARKS_TABLE = {
  table: 'cancellation_marks',
  columns: ['order_id', 'account_id', 'reason', 'cancelled_by', 'cancelled_at'],
  conflict: 'order_id',
} as const;

export const PROFILES_TABLES: readonly ProjectionTable[] = [
  {
    name: 'profile_stats',
    view: 'rm_profile_stats',
    ddl: [
      `CREATE TABLE profile_stats (
         account_id text PRIMARY KEY, rating_sum bigint NOT NULL, rating_count integer NOT NULL,
         completed_orders integer NOT NULL, cancellation_marks integer NOT NULL, updated_at timestamptz NOT NULL,
         rating_avg numeric GENERATED ALWAYS AS
           (CASE WHEN rating_count > 0 THEN round(rating_sum::numeric / rating_count, 2) END) STORED
       )`,
    ],
  },
  {
    name: 'profile_orders',
    ddl: [
      `CREATE TABLE profile_orders (order_id text PRIMARY KEY, rev bigint NOT NULL, completed boolean NOT NULL, reviewed boolean NOT NULL, marked boolean NOT NULL, mark_answered boolean NOT NULL)`,
    ],
  },
  {
    name: 'reviews',
    view: 'rm_profile_reviews',
    ddl: [
      `CREATE TABLE reviews (
         order_id text PRIMARY KEY, seller_id text NOT NULL, buyer_id text NOT NULL, rating integer NOT NULL,
         comment text, reviewed_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX reviews_seller ON reviews (seller_id, reviewed_at DESC)`,
      `CREATE INDEX reviews_buyer ON reviews (buyer_id)`,
    ],
  },
  {
    name: 'cancellation_marks',
    view: 'rm_cancellation_marks',
    ddl: [
      `CREATE TABLE cancellation_marks (
         order_id text PRIMARY KEY, account_id text NOT NULL, reason text NOT NULL, cancelled_by text NOT NULL,
         cancelled_at timestamptz NOT NULL,
         amendment text, amended_by text, amended_comment text, amended_rating integer, amended_at timestamptz
       )`,
    ],
    indexes: [
      `CREATE INDEX cancellation_marks_account ON cancellation_marks (account_id, cancelled_at DESC)`,
    ],
  },
  {
    name: 'profile_missions',
    ddl: [
      `CREATE TABLE profile_missions (mission_id text PRIMARY KEY, rev bigint NOT NULL, client_id text, provider_id text)`,
    ],
  },
  {
    name: 'mission_cancellations',
    view: 'rm_profile_mission_cancellations',
    ddl: [
      `CREATE TABLE mission_cancellations (
         mission_id text PRIMARY KEY, provider_id text NOT NULL, client_id text NOT NULL,
         cancelled_by text NOT NULL, actor_id text, from_status text NOT NULL, late boolean NOT NULL,
         fee_cents bigint NOT NULL, cancelled_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX mission_cancellations_provider ON mission_cancellations (provider_id, cancelled_at DESC)`,
    ],
  },
  {
    name: 'mission_appreciations',
    view: 'rm_profile_mission_appreciations',
    ddl: [
      `CREATE TABLE mission_appreciations (
         mission_id text PRIMARY KEY, provider_id text NOT NULL, client_id text NOT NULL,
         appreciation integer NOT NULL, comment text, appreciated_at timestamptz NOT NULL,
         recommendation text, recommended_at timestamptz
       )`,
    ],
    indexes: [
      `CREATE INDEX mission_appreciations_provider ON mission_appreciations (provider_id, appreciated_at DESC)`,
      `CREATE INDEX mission_appreciations_client ON mission_appreciations (client_id)`,
    ],
  },
  {
    name: 'profile_pro',
    view: 'rm_profile_pro',
    ddl: [
      `CREATE TABLE profile_pro (
         account_id text PRIMARY KEY, subscriptions jsonb NOT NULL, pro boolean NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
    ],
  },
  partiesTable('rm_profile_parties'),
];
