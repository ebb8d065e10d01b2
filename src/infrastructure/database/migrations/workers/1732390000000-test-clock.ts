import { MigrationInterface, QueryRunner } from 'typeorm';

/** The platform test clock's offset from real time, shared by every process (see docs/test-clock.md). */
export class TestClock1732390000000 implements MigrationInterface {
  name = 'TestClock1732390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE test_clock (
        id         smallint    PRIMARY KEY CHECK (id = 1),
        offset_ms  bigint      NOT NULL CHECK (offset_ms >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_clock`);
  }
}
