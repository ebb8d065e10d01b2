import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan subject (a subscription or an hour pack) behind each plan charge reference, fed from
 * the plans' events, so a notification that carries no metadata (a card dispute) finds it.
 */
export class GatewayPlanChargeRefs1732391520000 implements MigrationInterface {
  name = 'GatewayPlanChargeRefs1732391520000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway_plan_charge_refs (
        payment_ref  text PRIMARY KEY,
        subject_kind text NOT NULL CHECK (subject_kind IN ('subscription', 'hour-pack')),
        subject_id   text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway_plan_charge_refs`);
  }
}
