import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events a reactor could not act on because the domain refused its command. The reactor
 * moves on (the rest of the log must not wait behind one refusal), so the refusal is kept
 * here for finance and operations instead of living only in a log line.
 */
export class ReactorDeadLetters1732386200000 implements MigrationInterface {
  name = 'ReactorDeadLetters1732386200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reactor_dead_letters (
        reactor          text        NOT NULL,
        event_id         uuid        NOT NULL,
        event_type       text        NOT NULL,
        stream_name      text        NOT NULL,
        position_commit  text        NOT NULL,
        position_prepare bigint      NOT NULL,
        error_code       text,
        error_message    text        NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reactor, event_id)
      )`);
    await q.query(
      `CREATE INDEX reactor_dead_letters_recorded ON reactor_dead_letters (recorded_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reactor_dead_letters`);
  }
}
