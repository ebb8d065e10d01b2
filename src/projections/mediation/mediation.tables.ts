import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';

export interface DisputeRow {
  dispute_id: string;
  rev: number;
  subject_kind: string;
  subject_id: string;
  escrow_id: string;
  buyer_id: string;
  seller_id: string;
  reason: string;
  /** The opening statement, cut short: the queue shows what the case is about. */
  summary: string | null;
  opened_by: string;
  opener_role: string;
  respondent_id: string;
  respondent_role: string;
  opened_at: string;
  response_due_at: string;
  responded_at: string | null;
  response_lapsed: boolean;
  held_cents: number;
  status: string;
  mediator_id: string | null;
  statements: number;
  settlement: {
    settlementId: string;
    refundCents: number;
    releaseCents: number;
    acceptedBy: string[];
  } | null;
  resolution: {
    via: string;
    outcome: string | null;
    refundCents: number;
    releaseCents: number;
  } | null;
  closed_at: string | null;
  last_activity_at: string;
}

export const DISPUTES: TableSpec<DisputeRow> = {
  table: 'disputes',
  key: 'dispute_id',
  columns: [
    'dispute_id',
    'rev',
    'subject_kind',
    'subject_id',
    'escrow_id',
    'buyer_id',
    'seller_id',
    'reason',
    'summary',
    'opened_by',
    'opener_role',
    'respondent_id',
    'respondent_role',
    'opened_at',
    'response_due_at',
    'responded_at',
    'response_lapsed',
    'held_cents',
    'status',
    'mediator_id',
    'statements',
    'settlement',
    'resolution',
    'closed_at',
    'last_activity_at',
  ],
};

export const MEDIATION_TABLES: readonly ProjectionTable[] = [
  {
    name: 'disputes',
    view: 'rm_disputes',
    ddl: [
      `CREATE TABLE disputes (
         dispute_id text PRIMARY KEY, rev bigint NOT NULL, subject_kind text NOT NULL, subject_id text NOT NULL,
         escrow_id text NOT NULL, buyer_id text NOT NULL, seller_id text NOT NULL, reason text NOT NULL, summary text,
         opened_by text NOT NULL, opener_role text NOT NULL, respondent_id text NOT NULL, respondent_role text NOT NULL,
         opened_at timestamptz NOT NULL, response_due_at timestamptz NOT NULL, responded_at timestamptz,
         response_lapsed boolean NOT NULL, held_cents bigint NOT NULL, status text NOT NULL, mediator_id text,
         statements integer NOT NULL, settlement jsonb, resolution jsonb, closed_at timestamptz,
         last_activity_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX disputes_queue ON disputes (status, opened_at)`,
      `CREATE INDEX disputes_mediator ON disputes (mediator_id, opened_at)`,
    ],
  },
  partiesTable('rm_mediation_parties'),
];
