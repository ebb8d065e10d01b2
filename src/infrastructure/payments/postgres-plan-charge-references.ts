import { Pool } from 'pg';
import type { PlanChargeSubject } from '../../domain/payments';
import { PlanChargeReferences } from '../../application/payments/plan-charge-references.port';

/** The plan charge reference index in `gateway_plan_charge_refs`. */
export class PostgresPlanChargeReferences extends PlanChargeReferences {
  constructor(private readonly pool: Pool) {
    super();
  }

  async subjectOf(paymentRef: string): Promise<PlanChargeSubject | null> {
    const { rows } = await this.pool.query<{
      subject_kind: PlanChargeSubject['kind'];
      subject_id: string;
    }>('SELECT subject_kind, subject_id FROM gateway_plan_charge_refs WHERE payment_ref = $1', [
      paymentRef,
    ]);
    return rows[0] ? { kind: rows[0].subject_kind, id: rows[0].subject_id } : null;
  }

  /** One statement for a whole batch (a renewal run is thousands of charges). */
  async remember(
    refs: readonly { paymentRef: string; subject: PlanChargeSubject }[],
  ): Promise<void> {
    if (refs.length === 0) return;
    await this.pool.query(
      `INSERT INTO gateway_plan_charge_refs (payment_ref, subject_kind, subject_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [
        refs.map((r) => r.paymentRef),
        refs.map((r) => r.subject.kind),
        refs.map((r) => r.subject.id),
      ],
    );
  }
}
