import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-use codes used to be kept in clear in `notification_outbox.data` (and listed to staff);
 * the outbox no longer stores them, and this removes those already there.
 */
export class NotificationOutboxScrubSecrets1732386312000 implements MigrationInterface {
  name = 'NotificationOutboxScrubSecrets1732386312000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE notification_outbox SET data = data - 'token' - 'link' WHERE data ? 'token' OR data ? 'link'`,
    );
  }

  async down(): Promise<void> {
    // The codes are gone for good; there is nothing to put back.
  }
}
