import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the Stripe gateway keeps for plan payments (docs/plans-payments.md):
 * - `stripe_customers`: the one Stripe Customer of each account its cards are saved on, created
 *   once and remembered (Stripe's idempotency keys lapse after 24 hours; this row does not);
 * - `stripe_plan_charges`: one row per caller's idempotency key of an off-session charge. Stripe
 *   replays a refusal for a key it has seen, so a retry after a refusal (the schedule's next
 *   attempt, or a new card) is sent under the next attempt's key; an attempt whose outcome is
 *   unknown (a timeout) is sent again under its own key, so a charge is never made twice.
 */
export class StripePlanPayments1732391500000 implements MigrationInterface {
  name = 'StripePlanPayments1732391500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stripe_customers (
        account_id         text        PRIMARY KEY,
        stripe_customer_id text        NOT NULL UNIQUE,
        created_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stripe_plan_charges (
        idempotency_key text        PRIMARY KEY,
        attempt         integer     NOT NULL,
        state           text        NOT NULL CHECK (state IN ('pending', 'declined', 'succeeded')),
        fingerprint     jsonb       NOT NULL,
        answer          jsonb,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stripe_plan_charges`);
    await q.query(`DROP TABLE stripe_customers`);
  }
}
