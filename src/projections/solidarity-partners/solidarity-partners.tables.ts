import { ProjectionTable } from '../runner/projection';

/**
 * `solidarity_associations`: one row per association account that declared registration details
 * or sent an association document, with its verification summary and current partnership.
 * `solidarity_partnership_periods`: every partnership, open (`ended_at` null) or ended, for the
 * partners as of an instant. No personal data: the contact person's name is left out.
 */
export const SOLIDARITY_PARTNERS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'solidarity_associations',
    view: 'rm_solidarity_associations',
    ddl: [
      `CREATE TABLE solidarity_associations (
         association_id text PRIMARY KEY,
         verification_rev bigint, partnership_rev bigint,
         official_name text, rna_number text, siren text, address jsonb, purpose text,
         registered boolean NOT NULL DEFAULT false,
         documents jsonb NOT NULL DEFAULT '{}'::jsonb,
         verified boolean NOT NULL DEFAULT false,
         partner boolean NOT NULL DEFAULT false,
         partner_name text, partner_since timestamptz, partner_ended_at timestamptz,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX solidarity_associations_partner ON solidarity_associations (partner, partner_name)`,
    ],
  },
  {
    name: 'solidarity_partnership_periods',
    view: 'rm_solidarity_partnership_periods',
    ddl: [
      `CREATE TABLE solidarity_partnership_periods (
         association_id text NOT NULL, granted_at timestamptz NOT NULL, name text NOT NULL,
         ended_at timestamptz,
         PRIMARY KEY (association_id, granted_at)
       )`,
    ],
    indexes: [
      `CREATE INDEX solidarity_partnership_periods_span ON solidarity_partnership_periods (granted_at, ended_at)`,
    ],
  },
];
