import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A capture-and-transfer or a refund of the simulated gateway in one call: under the
 * escrow's lock, replay an earlier call with the same key, or check the payment exists
 * and the escrow still holds enough, then record the movement. The answer depends on how
 * the payment was taken, so the caller passes one per mode (`authorization`, `charge`).
 */
export class SimulatedGatewayMoveOut1732386100000 implements MigrationInterface {
  name = 'SimulatedGatewayMoveOut1732386100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION sim_gateway_move_out(p_key text, p_operation text, p_escrow_id text, p_payment_ref text,
                                     p_amount bigint, p_request jsonb, p_responses jsonb)
RETURNS TABLE (outcome text, operation text, request jsonb, response jsonb, available bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_earlier   record;
  v_mode      text;
  v_available bigint;
  v_response  jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('gateway:' || p_escrow_id, 7));
  -- Each statement below reads a snapshot taken after the lock was granted.
  SELECT o.operation, o.request, o.response INTO v_earlier
    FROM simulated_gateway_operations o WHERE o.idempotency_key = p_key;
  IF FOUND THEN
    RETURN QUERY SELECT 'replay'::text, v_earlier.operation, v_earlier.request, v_earlier.response, NULL::bigint;
    RETURN;
  END IF;
  SELECT o.response ->> 'mode' INTO v_mode
    FROM simulated_gateway_operations o
   WHERE o.request ->> 'escrowId' = p_escrow_id AND o.operation = 'fund_escrow'
     AND o.response ->> 'paymentRef' = p_payment_ref
   LIMIT 1;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'payment_not_found'::text, NULL::text, NULL::jsonb, NULL::jsonb, NULL::bigint;
    RETURN;
  END IF;
  SELECT coalesce(sum(CASE WHEN o.operation = 'fund_escrow' THEN 1 ELSE -1 END * (o.request ->> 'amountCents')::bigint), 0)
    INTO v_available
    FROM simulated_gateway_operations o
   WHERE o.request ->> 'escrowId' = p_escrow_id AND o.operation IN ('fund_escrow', 'release', 'refund');
  IF p_amount > v_available THEN
    RETURN QUERY SELECT 'exceeds_funds'::text, NULL::text, NULL::jsonb, NULL::jsonb, v_available;
    RETURN;
  END IF;
  v_response := p_responses -> v_mode;
  INSERT INTO simulated_gateway_operations (idempotency_key, operation, request, response)
  VALUES (p_key, p_operation, p_request, v_response);
  RETURN QUERY SELECT 'done'::text, p_operation, p_request, v_response, v_available;
END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION sim_gateway_move_out(text, text, text, text, bigint, jsonb, jsonb)`,
    );
  }
}
