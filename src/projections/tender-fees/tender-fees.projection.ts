import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { ProjectFeesEvent } from '../../domain/tenders';
import { occurredAt, Projection } from '../runner/projection';
import { TENDER_FEES_TABLES } from './tender-fees.tables';

export const TENDER_FEES_PROJECTION = 'tender_fees';

/**
 * The fees of signed projects (docs/tenders-fees.md), from `project_fees-<projectId>`. Low
 * volume: one statement per event, each guarded by the stream's revision (a redelivered event
 * changes nothing).
 */
export class TenderFeesProjection implements Projection {
  readonly name = TENDER_FEES_PROJECTION;
  readonly version = 1;
  readonly handles = ['ProjectFeeCharged', 'ProjectFeeChargeFailed', 'ProjectFeeRefunded'];
  readonly tables = TENDER_FEES_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const e = { type: event.type, data: event.data } as ProjectFeesEvent;
    const rev = event.revision.toString();
    const at = occurredAt(event);
    switch (e.type) {
      case 'ProjectFeeCharged': {
        const d = e.data;
        await tx.query(
          `INSERT INTO tender_fees AS f (charge_id, project_id, kind, payer_id, rev, status, amount_cents,
             charged_cents, payment_ref, payment_method_ref, charged_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'charged', $6, $6, $7, $8, $9, $9)
           ON CONFLICT (charge_id) DO UPDATE SET rev = $5, status = 'charged', payer_id = $4,
             amount_cents = $6, charged_cents = $6, payment_ref = $7, payment_method_ref = $8,
             charged_at = $9, updated_at = $9
           WHERE f.rev < $5`,
          [
            d.chargeId,
            d.projectId,
            d.kind,
            d.payerId,
            rev,
            d.amountCents,
            d.paymentRef,
            d.paymentMethodRef ?? null,
            d.chargedAt,
          ],
        );
        return;
      }
      case 'ProjectFeeChargeFailed': {
        const d = e.data;
        await tx.query(
          `INSERT INTO tender_fees AS f (charge_id, project_id, kind, payer_id, rev, status, amount_cents,
             failures, last_failure_code, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'failed', $6, 1, $7, $8)
           ON CONFLICT (charge_id) DO UPDATE SET rev = $5, failures = f.failures + 1,
             last_failure_code = $7, amount_cents = $6, updated_at = $8
           WHERE f.rev < $5 AND f.status <> 'charged'`,
          [d.chargeId, d.projectId, d.kind, d.payerId, rev, d.amountCents, d.code, d.failedAt],
        );
        return;
      }
      case 'ProjectFeeRefunded': {
        const d = e.data;
        await tx.query(
          `UPDATE tender_fees SET rev = $2, refunded_cents = refunded_cents + $3, updated_at = $4
            WHERE charge_id = $1 AND rev < $2`,
          [d.chargeId, rev, d.amountCents, d.refundedAt ?? at],
        );
        return;
      }
      default:
        return;
    }
  }
}
