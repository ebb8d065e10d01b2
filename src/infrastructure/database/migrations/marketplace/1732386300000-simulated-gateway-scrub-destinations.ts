import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payouts recorded before the simulated gateway stopped keeping bank details: their destination
 * is reduced to what it keeps now (the kind and the IBAN mask), so no IBAN, holder name or
 * PayPal address outlives the provider's erasure. The old values cannot come back.
 */
export class SimulatedGatewayScrubDestinations1732386300000 implements MigrationInterface {
  name = 'SimulatedGatewayScrubDestinations1732386300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH o AS (
        SELECT idempotency_key, request -> 'destination' AS d,
               upper(regexp_replace(request -> 'destination' ->> 'iban', '\\s', '', 'g')) AS iban
          FROM simulated_gateway_operations
         WHERE operation = 'payout' AND (request -> 'destination') ?| array['iban', 'holderName', 'email']
      )
      UPDATE simulated_gateway_operations s
         SET request = jsonb_set(s.request, '{destination}',
               CASE WHEN o.d ->> 'kind' = 'bank'
                    THEN jsonb_build_object('kind', 'bank', 'ibanMasked', left(o.iban, 4) || ' **** ' || right(o.iban, 4))
                    ELSE jsonb_build_object('kind', o.d ->> 'kind') END)
        FROM o WHERE s.idempotency_key = o.idempotency_key`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the scrubbed details are gone on purpose.
  }
}
