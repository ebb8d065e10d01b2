import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refund of a saved-method charge (plans) in the simulated gateway, in one call: under the
 * charge's lock, replay an earlier call with the same key, or check the charge exists and what
 * its refunds already gave back leaves enough, then record the refund. Parallel refunds of one
 * charge therefore never give back more than it took.
 */
export class SimulatedGatewayRefundCharge1732391510000 implements MigrationInterface {
  name = 'SimulatedGatewayRefundCharge1732391510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX simulated_gateway_operations_charge ON simulated_gateway_operations ((response ->> 'chargeRef'))
        WHERE operation = 'charge_saved'`,
    );
    await q.query(
      `CREATE INDEX simulated_gateway_operations_charge_refunds ON simulated_gateway_operations ((request ->> 'chargeRef'))
        WHERE operation = 'refund_charge'`,
    );
    await q.query(`
CREATE FUNCTION sim_gateway_refund_charge(p_key text, p_charge_ref text, p_amount bigint,
                                          p_request jsonb, p_response jsonb)
RETURNS TABLE (outcome text, operation text, request jsonb, response jsonb, available bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_earlier   record;
  v_charged   bigint;
  v_available bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('gateway-charge:' || p_charge_ref, 7));
  -- Each statement below reads a snapshot taken after the lock was granted.
  SELECT o.operation, o.request, o.response INTO v_earlier
    FROM simulated_gateway_operations o WHERE o.idempotency_key = p_key;
  IF FOUND THEN
    RETURN QUERY SELECT 'replay'::text, v_earlier.operation, v_earlier.request, v_earlier.response, NULL::bigint;
    RETURN;
  END IF;
  SELECT (o.response ->> 'amountCents')::bigint INTO v_charged
    FROM simulated_gateway_operations o
   WHERE o.operation = 'charge_saved' AND o.response ->> 'chargeRef' = p_charge_ref
   LIMIT 1;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'payment_not_found'::text, NULL::text, NULL::jsonb, NULL::jsonb, NULL::bigint;
    RETURN;
  END IF;
  SELECT v_charged - coalesce(sum((o.response ->> 'amountCents')::bigint), 0) INTO v_available
    FROM simulated_gateway_operations o
   WHERE o.operation = 'refund_charge' AND o.request ->> 'chargeRef' = p_charge_ref;
  IF p_amount > v_available THEN
    RETURN QUERY SELECT 'exceeds_funds'::text, NULL::text, NULL::jsonb, NULL::jsonb, v_available;
    RETURN;
  END IF;
  INSERT INTO simulated_gateway_operations (idempotency_key, operation, request, response)
  VALUES (p_key, 'refund_charge', p_request, p_response);
  RETURN QUERY SELECT 'done'::text, 'refund_charge'::text, p_request, p_response, v_available;
END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION sim_gateway_refund_charge(text, text, bigint, jsonb, jsonb)`);
    await q.query(`DROP INDEX simulated_gateway_operations_charge_refunds`);
    await q.query(`DROP INDEX simulated_gateway_operations_charge`);
  }
}
