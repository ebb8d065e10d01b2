import { ProjectionTable } from '../runner/projection';

/**
 * `tender_accounts`: one row per tender project that reached signature, with its agreed amount
 * (following revisions), its parties and formula, and the R0 account folded from the project's
 * escrow (funded, released, refunded, held, frozen by, and the tranches as jsonb). No personal
 * data: parties are account ids.
 */
export const TENDER_ACCOUNTS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'tender_accounts',
    view: 'rm_tender_accounts',
    ddl: [
      `CREATE TABLE tender_accounts (
         project_id text PRIMARY KEY,
         escrow_id text NOT NULL UNIQUE,
         project_rev bigint, escrow_rev bigint,
         title text, client_id text, provider_id text, formula text,
         agreed_cents bigint NOT NULL DEFAULT 0,
         account jsonb NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_accounts_client ON tender_accounts (client_id)`,
      `CREATE INDEX tender_accounts_provider ON tender_accounts (provider_id)`,
    ],
  },
];
