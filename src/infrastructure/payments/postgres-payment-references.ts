import { Pool } from 'pg';
import { PaymentReferences } from '../../application/payments/payment-references.port';

/** The payment reference index in `gateway_payment_refs`. */
export class PostgresPaymentReferences extends PaymentReferences {
  constructor(private readonly pool: Pool) {
    super();
  }

  async escrowOf(paymentRef: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ escrow_id: string }>(
      'SELECT escrow_id FROM gateway_payment_refs WHERE payment_ref = $1',
      [paymentRef],
    );
    return rows[0]?.escrow_id ?? null;
  }

  /** One statement for a whole batch. */
  async remember(refs: readonly { paymentRef: string; escrowId: string }[]): Promise<void> {
    if (refs.length === 0) return;
    await this.pool.query(
      `INSERT INTO gateway_payment_refs (payment_ref, escrow_id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [refs.map((r) => r.paymentRef), refs.map((r) => r.escrowId)],
    );
  }
}
