import { ProjectionTable } from '../runner/projection';

/**
 * `tender_fees`: one row per project fee (finder's fee, R0 option): its payer, what the last
 * attempt asked, what was charged and refunded, the refusals, the card it was paid with. Finance's
 * list and the payer's saved card for their next project read it.
 */
export const TENDER_FEES_TABLES: readonly ProjectionTable[] = [
  {
    name: 'tender_fees',
    view: 'rm_tender_fees',
    ddl: [
      `CREATE TABLE tender_fees (
         charge_id text PRIMARY KEY, project_id text NOT NULL, kind text NOT NULL,
         payer_id text NOT NULL, rev bigint NOT NULL, status text NOT NULL,
         amount_cents bigint NOT NULL, charged_cents bigint NOT NULL DEFAULT 0,
         refunded_cents bigint NOT NULL DEFAULT 0, failures integer NOT NULL DEFAULT 0,
         last_failure_code text, payment_ref text, payment_method_ref text,
         charged_at timestamptz, updated_at timestamptz NOT NULL,
         CHECK (refunded_cents <= charged_cents)
       )`,
    ],
    indexes: [
      `CREATE INDEX tender_fees_updated ON tender_fees (updated_at DESC, charge_id)`,
      `CREATE INDEX tender_fees_payer ON tender_fees (payer_id, charged_at DESC)`,
    ],
  },
];
