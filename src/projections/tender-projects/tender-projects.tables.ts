import { ProjectionTable } from '../runner/projection';

/**
 * `tender_projects`: one row per project (brief, status, client, selected provider, terms, fees,
 * the pending revision) with a French full-text `search` column over title and description.
 * `tender_provider_marks`: per provider and project, the credits they spent on it (consultation,
 * offer, direct contact) and whether they hid it from their "projets disponibles".
 * The open list reads the partial indexes `WHERE status = 'open'`: newest first, by category, and
 * the text search. The search vector also holds the category as the lexeme `c_<slug>`, so words and
 * a category are one GIN lookup (docs/tenders-bench.md).
 */
export const TENDER_PROJECTS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'tender_projects',
    view: 'rm_tender_projects',
    ddl: [
      `CREATE TABLE tender_projects (
         project_id text PRIMARY KEY,
         rev bigint NOT NULL,
         client_id text NOT NULL,
         title text NOT NULL,
         description text NOT NULL,
         category text NOT NULL,
         budget_min_cents bigint NOT NULL,
         budget_max_cents bigint NOT NULL,
         wished_deadline date NOT NULL,
         attachment_file_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
         posted_at timestamptz NOT NULL,
         status text NOT NULL,
         provider_id text, offer_id text,
         terms jsonb, fees jsonb, pending_revision jsonb,
         selected_at timestamptz, signed_at timestamptz, finished_at timestamptz,
         withdrawn_at timestamptz,
         declined_provider_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
         search tsvector GENERATED ALWAYS AS
           (to_tsvector('french'::regconfig, title || ' ' || description)
             || array_to_tsvector(ARRAY['c_' || category])) STORED,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_projects_open_newest ON tender_projects (posted_at DESC, project_id DESC) WHERE status = 'open'`,
      `CREATE INDEX tender_projects_open_category ON tender_projects (category, posted_at DESC, project_id DESC) WHERE status = 'open'`,
      `CREATE INDEX tender_projects_open_search ON tender_projects USING gin (search) WITH (fastupdate = off) WHERE status = 'open'`,
      `CREATE INDEX tender_projects_client ON tender_projects (client_id, posted_at DESC)`,
    ],
  },
  {
    name: 'tender_provider_marks',
    view: 'rm_tender_provider_marks',
    ddl: [
      `CREATE TABLE tender_provider_marks (
         provider_id text NOT NULL,
         project_id text NOT NULL,
         consulted boolean NOT NULL DEFAULT false,
         offered boolean NOT NULL DEFAULT false,
         contacted boolean NOT NULL DEFAULT false,
         hidden boolean NOT NULL DEFAULT false,
         updated_at timestamptz NOT NULL,
         PRIMARY KEY (provider_id, project_id)
       )`,
    ],
  },
];
