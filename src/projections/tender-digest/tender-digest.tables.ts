import { ProjectionTable } from '../runner/projection';

/**
 * `tender_digest_projects`: each posted project with what the digest matches on (category, budget
 * range, normalised title and description) and whether it still takes offers. `tender_digest_providers`:
 * each provider's preferences (one row per `tender_prefs` stream, whose revision it keeps);
 * `tender_digest_hidden`: the projects each provider hid.
 */
export const TENDER_DIGEST_TABLES: readonly ProjectionTable[] = [
  {
    name: 'tender_digest_projects',
    view: 'rm_tender_digest_projects',
    ddl: [
      `CREATE TABLE tender_digest_projects (
         project_id text PRIMARY KEY, rev bigint NOT NULL,
         title text NOT NULL, category text NOT NULL,
         budget_min_cents bigint NOT NULL, budget_max_cents bigint NOT NULL,
         posted_at timestamptz NOT NULL,
         open boolean NOT NULL,
         search_text text NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_digest_projects_posted ON tender_digest_projects (posted_at) WHERE open`,
    ],
  },
  {
    name: 'tender_digest_providers',
    view: 'rm_tender_digest_providers',
    ddl: [
      `CREATE TABLE tender_digest_providers (
         provider_id text PRIMARY KEY, rev bigint NOT NULL,
         categories text[] NOT NULL DEFAULT '{}',
         words text[] NOT NULL DEFAULT '{}',
         min_budget_cents bigint,
         digest boolean NOT NULL DEFAULT false,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_digest_providers_digest ON tender_digest_providers (provider_id) WHERE digest`,
    ],
  },
  {
    name: 'tender_digest_hidden',
    view: 'rm_tender_digest_hidden',
    ddl: [
      `CREATE TABLE tender_digest_hidden (
         provider_id text NOT NULL, project_id text NOT NULL, hidden_at timestamptz NOT NULL,
         PRIMARY KEY (provider_id, project_id)
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_digest_hidden_recent ON tender_digest_hidden (provider_id, hidden_at DESC)`,
    ],
  },
];
