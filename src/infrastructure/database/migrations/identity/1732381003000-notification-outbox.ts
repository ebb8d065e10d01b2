import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every e-mail the platform sends, one row per idempotency key; staff list it. */
export class NotificationOutbox1732381003000 implements MigrationInterface {
  name = 'NotificationOutbox1732381003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_outbox (
        notification_id      uuid        PRIMARY KEY,
        idempotency_key      text        NOT NULL UNIQUE,
        template             text        NOT NULL,
        recipient_account_id uuid,
        recipient_email      text,
        data                 jsonb       NOT NULL,
        channel              text        NOT NULL,
        status               text        NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts             integer     NOT NULL DEFAULT 0,
        last_error           text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        sent_at              timestamptz,
        redacted_at          timestamptz
      )`);
    await q.query(
      `CREATE INDEX notification_outbox_created ON notification_outbox (created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX notification_outbox_recipient ON notification_outbox (recipient_account_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_outbox`);
  }
}
