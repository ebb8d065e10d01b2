import { ProjectionTable } from '../runner/projection';

/**
 * `tender_payment_escrows`: the escrows whose subject is a tender project (internal).
 * `tender_payment_projects`: each project's title, for the dashboards (internal).
 * `tender_payment_releases`: every release of a project escrow, per provider (its net amount).
 * `tender_payment_requests`: one row per release with an invoice, its state and the transfer.
 */
export const TENDER_PAYMENT_REQUESTS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'tender_payment_escrows',
    ddl: [
      `CREATE TABLE tender_payment_escrows (
         escrow_id text PRIMARY KEY, project_id text NOT NULL, provider_id text NOT NULL
       )`,
    ],
  },
  {
    name: 'tender_payment_projects',
    ddl: [
      `CREATE TABLE tender_payment_projects (project_id text PRIMARY KEY, title text NOT NULL)`,
    ],
  },
  {
    name: 'tender_payment_releases',
    view: 'rm_tender_payment_releases',
    ddl: [
      `CREATE TABLE tender_payment_releases (
         escrow_id text NOT NULL, release_id text NOT NULL,
         project_id text NOT NULL, project_title text, provider_id text NOT NULL,
         amount_cents bigint NOT NULL, reason text NOT NULL, released_at timestamptz NOT NULL,
         PRIMARY KEY (escrow_id, release_id)
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_payment_releases_provider ON tender_payment_releases (provider_id, released_at DESC)`,
    ],
  },
  {
    name: 'tender_payment_requests',
    view: 'rm_tender_payment_requests',
    ddl: [
      `CREATE TABLE tender_payment_requests (
         request_id text PRIMARY KEY, rev bigint NOT NULL,
         escrow_id text NOT NULL, release_id text NOT NULL,
         project_id text NOT NULL, provider_id text NOT NULL,
         amount_cents bigint NOT NULL, status text NOT NULL,
         invoice_file_id text NOT NULL, invoice_number text NOT NULL,
         submitted_at timestamptz NOT NULL, submissions int NOT NULL,
         refusal_reason text, refused_at timestamptz,
         approved_by text, approved_at timestamptz, payout_id text,
         paid_at timestamptz, failure_code text,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_payment_requests_status ON tender_payment_requests (status, submitted_at)`,
      `CREATE INDEX tender_payment_requests_release ON tender_payment_requests (escrow_id, release_id)`,
    ],
  },
];
