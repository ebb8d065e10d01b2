import type { MissionState } from '../../domain/missions';
import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';

/** One row per mission: the mission's own folded state, plus the columns the lists filter and sort on. */
export interface MissionViewRow {
  mission_id: string;
  rev: number;
  status: string;
  client_id: string;
  /** The confirmed provider; null before any acceptance. */
  provider_id: string | null;
  service_type_label: string;
  starts_at: string;
  /** `startsAt + durationMinutes`: the history shows an intervention 24 h after it. */
  ends_at: string;
  price_cents: number;
  requested_at: string;
  /** The client's account was erased: the place's address is gone from this row. */
  client_erased: boolean;
  /** The mission as its own `evolve` folds it (the status rules exist once, in the domain). */
  state: MissionState;
  updated_at: string;
}

/** Who a pending request was sent to: a provider sees it while current and not refused. */
export interface MissionCandidateRow {
  candidate_key: string;
  mission_id: string;
  provider_id: string;
  rank: number;
  price_cents: number;
  /** False once a change of the request sent it to other providers. */
  current: boolean;
  refused: boolean;
}

export interface MissionMessageRow {
  message_id: string;
  mission_id: string;
  author_id: string;
  text: string | null;
  file_refs: string[];
  posted_at: string;
  rev: number;
}

export const MISSION_VIEWS: TableSpec<MissionViewRow> = {
  table: 'mission_views',
  key: 'mission_id',
  columns: [
    'mission_id',
    'rev',
    'status',
    'client_id',
    'provider_id',
    'service_type_label',
    'starts_at',
    'ends_at',
    'price_cents',
    'requested_at',
    'client_erased',
    'state',
    'updated_at',
  ],
};

export const MISSION_CANDIDATES_TABLE: TableSpec<MissionCandidateRow> = {
  table: 'mission_candidates',
  key: 'candidate_key',
  columns: [
    'candidate_key',
    'mission_id',
    'provider_id',
    'rank',
    'price_cents',
    'current',
    'refused',
  ],
};

export const MISSION_MESSAGES_TABLE = {
  table: 'mission_messages',
  columns: ['message_id', 'mission_id', 'author_id', 'text', 'file_refs', 'posted_at', 'rev'],
  conflict: 'message_id',
} as const;

export const MISSIONS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'mission_views',
    view: 'rm_mission_views',
    ddl: [
      `CREATE TABLE mission_views (
         mission_id text PRIMARY KEY, rev bigint NOT NULL, status text NOT NULL,
         client_id text NOT NULL, provider_id text, service_type_label text NOT NULL,
         starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL, price_cents bigint NOT NULL,
         requested_at timestamptz NOT NULL, client_erased boolean NOT NULL, state jsonb NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX mission_views_client ON mission_views (client_id, status, starts_at)`,
      `CREATE INDEX mission_views_provider ON mission_views (provider_id, status, starts_at)`,
      `CREATE INDEX mission_views_staff ON mission_views (status, starts_at)`,
      `CREATE INDEX mission_views_starts ON mission_views (starts_at, mission_id)`,
    ],
  },
  {
    name: 'mission_candidates',
    view: 'rm_mission_candidates',
    ddl: [
      `CREATE TABLE mission_candidates (
         candidate_key text PRIMARY KEY, mission_id text NOT NULL, provider_id text NOT NULL,
         rank integer NOT NULL, price_cents bigint NOT NULL, current boolean NOT NULL, refused boolean NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX mission_candidates_provider ON mission_candidates (provider_id, mission_id) WHERE current AND NOT refused`,
      `CREATE INDEX mission_candidates_mission ON mission_candidates (mission_id)`,
    ],
  },
  {
    name: 'mission_messages',
    view: 'rm_mission_messages',
    ddl: [
      `CREATE TABLE mission_messages (
         message_id text PRIMARY KEY, mission_id text NOT NULL, author_id text NOT NULL, text text,
         file_refs jsonb NOT NULL, posted_at timestamptz NOT NULL, rev bigint NOT NULL
       )`,
    ],
    indexes: [`CREATE INDEX mission_messages_mission ON mission_messages (mission_id, rev)`],
  },
  partiesTable('rm_missions_parties'),
];
