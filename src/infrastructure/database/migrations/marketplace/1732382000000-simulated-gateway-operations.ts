import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The simulated payment gateway's idempotency log: one row per key, so a retried call
 * gets the first answer back and never moves money twice.
 */
export class SimulatedGatewayOperations1732382000000 implements MigrationInterface {
  name = 'SimulatedGatewayOperations1732382000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE simulated_gateway_operations (
        idempotency_key text        PRIMARY KEY,
        operation       text        NOT NULL,
        request         jsonb       NOT NULL,
        response        jsonb       NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // Audits and tests list an escrow's movements; the index keeps that cheap.
    await q.query(
      `CREATE INDEX simulated_gateway_operations_escrow ON simulated_gateway_operations ((request ->> 'escrowId'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulated_gateway_operations`);
  }
}
