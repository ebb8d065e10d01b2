import { ProjectionTable } from '../runner/projection';

/**
 * `tender_certifications`: one row per provider with a certification stream (status, basis,
 * reputation), the stream revision it applied. `tender_certification_references`: each client
 * reference, its link's token hash (the public link looks it up) and the SCP's review; the
 * reference's name and e-mail are there for the SCP's check. `tender_project_reviews`: reviews
 * both ways on finished projects, for the profile's average and the provider's list.
 */
export const TENDER_CERTIFICATION_TABLES: readonly ProjectionTable[] = [
  {
    name: 'tender_certifications',
    view: 'rm_tender_certifications',
    ddl: [
      `CREATE TABLE tender_certifications (
         provider_id text PRIMARY KEY,
         rev bigint NOT NULL,
         status text NOT NULL DEFAULT 'uncertified',
         basis text, certified_at timestamptz,
         withdrawn_at timestamptz, withdrawal_reason text,
         updated_at timestamptz NOT NULL
       )`,
    ],
  },
  {
    name: 'tender_certification_references',
    view: 'rm_tender_certification_references',
    ddl: [
      `CREATE TABLE tender_certification_references (
         reference_id text PRIMARY KEY,
         provider_id text NOT NULL,
         reference_name text NOT NULL, reference_email text NOT NULL,
         company text NOT NULL, work text NOT NULL, year integer NOT NULL,
         status text NOT NULL,
         token_hash text NOT NULL, link_expires_at timestamptz NOT NULL,
         send_count integer NOT NULL DEFAULT 1, last_sent_at timestamptz NOT NULL,
         answer_comment text, answered_at timestamptz,
         review_reason text, reviewed_by text, reviewed_at timestamptz,
         added_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE UNIQUE INDEX tender_certification_references_token ON tender_certification_references (token_hash)`,
      `CREATE INDEX tender_certification_references_status ON tender_certification_references (status, answered_at)`,
      `CREATE INDEX tender_certification_references_provider ON tender_certification_references (provider_id)`,
    ],
  },
  {
    name: 'tender_project_reviews',
    view: 'rm_tender_project_reviews',
    ddl: [
      `CREATE TABLE tender_project_reviews (
         project_id text NOT NULL, author text NOT NULL,
         author_id text NOT NULL, subject_id text NOT NULL,
         rating integer NOT NULL, comment text, reviewed_at timestamptz NOT NULL,
         PRIMARY KEY (project_id, author)
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_project_reviews_subject ON tender_project_reviews (subject_id, author, reviewed_at DESC)`,
    ],
  },
];
