import { MigrationInterface, QueryRunner } from 'typeorm';

/** Jobs whose reason ended (the order completed, cancelled, resolved) leave the `scheduled` state. */
export class ObsoleteJobs1732385002000 implements MigrationInterface {
  name = 'ObsoleteJobs1732385002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scheduled_jobs DROP CONSTRAINT scheduled_jobs_status_check`);
    await q.query(
      `ALTER TABLE scheduled_jobs ADD CONSTRAINT scheduled_jobs_status_check
         CHECK (status IN ('scheduled', 'completed', 'failed', 'obsolete'))`,
    );
    // An order's end retires its pending jobs by order id.
    await q.query(
      `CREATE INDEX scheduled_jobs_pending_order ON scheduled_jobs ((payload ->> 'orderId'))
         WHERE status = 'scheduled'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scheduled_jobs_pending_order`);
    await q.query(`UPDATE scheduled_jobs SET status = 'completed' WHERE status = 'obsolete'`);
    await q.query(`ALTER TABLE scheduled_jobs DROP CONSTRAINT scheduled_jobs_status_check`);
    await q.query(
      `ALTER TABLE scheduled_jobs ADD CONSTRAINT scheduled_jobs_status_check
         CHECK (status IN ('scheduled', 'completed', 'failed'))`,
    );
  }
}
