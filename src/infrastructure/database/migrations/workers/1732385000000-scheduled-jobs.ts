import { MigrationInterface, QueryRunner } from 'typeorm';

/** The durable ledger of scheduled jobs: what Redis loses, the reconciler puts back from here. */
export class ScheduledJobs1732385000000 implements MigrationInterface {
  name = 'ScheduledJobs1732385000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_jobs (
        job_id      text        PRIMARY KEY,
        queue       text        NOT NULL,
        kind        text        NOT NULL,
        due_at      timestamptz NOT NULL,
        payload     jsonb       NOT NULL,
        status      text        NOT NULL CHECK (status IN ('scheduled', 'completed', 'failed')),
        outcome     jsonb,
        created_at  timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX scheduled_jobs_pending ON scheduled_jobs (due_at, job_id) WHERE status = 'scheduled'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduled_jobs`);
  }
}
