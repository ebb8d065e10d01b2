import { ProjectionTable } from '../runner/projection';

/**
 * `tender_bid_projects`: each project's client, title and status (for the providers' "my offers"
 * and the selection notices). `tender_bid_offers`: every offer with its current terms and read
 * receipt. `tender_report_messages`: the questions and messages of each project's report. No
 * personal data: the client's contact details are only ever read from identity.
 */
export const TENDER_BIDS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'tender_bid_projects',
    view: 'rm_tender_bid_projects',
    ddl: [
      `CREATE TABLE tender_bid_projects (
         project_id text PRIMARY KEY, client_id text NOT NULL, title text NOT NULL,
         status text NOT NULL, selected_provider_id text, selected_at timestamptz,
         rev bigint NOT NULL, updated_at timestamptz NOT NULL
       )`,
    ],
  },
  {
    name: 'tender_bid_offers',
    view: 'rm_tender_bid_offers',
    ddl: [
      `CREATE TABLE tender_bid_offers (
         offer_id text PRIMARY KEY, project_id text NOT NULL, provider_id text NOT NULL,
         amount_cents bigint NOT NULL, delay_days integer NOT NULL, message text NOT NULL,
         made_at timestamptz NOT NULL, edited_at timestamptz, read_at timestamptz,
         read_current boolean NOT NULL DEFAULT false, rev bigint NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_bid_offers_project ON tender_bid_offers (project_id, made_at)`,
      `CREATE INDEX tender_bid_offers_provider ON tender_bid_offers (provider_id, made_at DESC)`,
    ],
  },
  {
    name: 'tender_report_messages',
    view: 'rm_tender_report_messages',
    ddl: [
      `CREATE TABLE tender_report_messages (
         message_id text PRIMARY KEY, project_id text NOT NULL, author_id text NOT NULL,
         author_role text NOT NULL, kind text NOT NULL, text text NOT NULL,
         file_ids jsonb NOT NULL, posted_at timestamptz NOT NULL, position bigint NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_report_messages_project ON tender_report_messages (project_id, position)`,
    ],
  },
];
