import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gateway notifications already handled (deduplicated by the provider's event id), the escrow
 * behind each payment reference (fed from EscrowFunded, so a chargeback finds its escrow), and
 * the Stripe connected account of each provider.
 */
export class GatewayWebhooks1732385001000 implements MigrationInterface {
  name = 'GatewayWebhooks1732385001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway_webhook_events (
        provider     text        NOT NULL,
        event_id     text        NOT NULL,
        type         text        NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        outcome      text,
        PRIMARY KEY (provider, event_id)
      )`);
    await q.query(`
      CREATE TABLE gateway_payment_refs (
        payment_ref text PRIMARY KEY,
        escrow_id   text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE stripe_connected_accounts (
        account_id        text        PRIMARY KEY,
        stripe_account_id text        NOT NULL UNIQUE,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stripe_connected_accounts`);
    await q.query(`DROP TABLE gateway_payment_refs`);
    await q.query(`DROP TABLE gateway_webhook_events`);
  }
}
