import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowOpened, EscrowReleased } from '../../domain/escrow';
import type {
  PaymentRequestApproved,
  PaymentRequestPaid,
  PaymentRequestPayoutFailed,
  PaymentRequestRefused,
  PaymentRequestSubmitted,
  ProjectPosted,
} from '../../domain/tenders';
import { occurredAt, Projection } from '../runner/projection';
import { TENDER_PAYMENT_REQUESTS_TABLES } from './tender-payment-requests.tables';

/**
 * "Demandes de paiement" (seed 003, Étape 4): the releases of tender project escrows per provider
 * and the payment requests for them (the provider's and finance's dashboards). Low volume: plain
 * SQL per event; a request row moves only forwards by its stream revision.
 */
export class TenderPaymentRequestsProjection implements Projection {
  readonly name = 'tender_payment_requests';
  readonly version = 1;
  readonly handles = [
    'ProjectPosted',
    'EscrowOpened',
    'EscrowReleased',
    'PaymentRequestSubmitted',
    'PaymentRequestRefused',
    'PaymentRequestApproved',
    'PaymentRequestPaid',
    'PaymentRequestPayoutFailed',
  ];
  readonly tables = TENDER_PAYMENT_REQUESTS_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const at = occurredAt(event);
    const rev = event.revision.toString();
    switch (event.type) {
      case 'ProjectPosted': {
        const d = event.data as ProjectPosted['data'];
        await tx.query(
          `INSERT INTO tender_payment_projects (project_id, title) VALUES ($1, $2)
           ON CONFLICT (project_id) DO NOTHING`,
          [d.projectId, d.title],
        );
        return;
      }
      case 'EscrowOpened': {
        const d = event.data as EscrowOpened['data'];
        if (d.subject.kind !== 'project') return;
        await tx.query(
          `INSERT INTO tender_payment_escrows (escrow_id, project_id, provider_id) VALUES ($1, $2, $3)
           ON CONFLICT (escrow_id) DO NOTHING`,
          [d.escrowId, d.subject.id, d.payeeId],
        );
        return;
      }
      case 'EscrowReleased': {
        const d = event.data as EscrowReleased['data'];
        await tx.query(
          `INSERT INTO tender_payment_releases
             (escrow_id, release_id, project_id, project_title, provider_id, amount_cents, reason,
              released_at)
           SELECT e.escrow_id, $2, e.project_id, p.title, $3, $4, $5, $6
           FROM tender_payment_escrows e LEFT JOIN tender_payment_projects p USING (project_id)
           WHERE e.escrow_id = $1
           ON CONFLICT (escrow_id, release_id) DO NOTHING`,
          [d.escrowId, d.releaseId, d.payeeId, d.payeeNetCents, d.reason, at],
        );
        return;
      }
      case 'PaymentRequestSubmitted': {
        const d = event.data as PaymentRequestSubmitted['data'];
        await tx.query(
          `INSERT INTO tender_payment_requests
             (request_id, rev, escrow_id, release_id, project_id, provider_id, amount_cents, status,
              invoice_file_id, invoice_number, submitted_at, submissions, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitted', $8, $9, $10, 1, $11)
           ON CONFLICT (request_id) DO UPDATE SET rev = EXCLUDED.rev, status = 'submitted',
             invoice_file_id = EXCLUDED.invoice_file_id, invoice_number = EXCLUDED.invoice_number,
             submitted_at = EXCLUDED.submitted_at,
             submissions = tender_payment_requests.submissions + 1, updated_at = EXCLUDED.updated_at
           WHERE tender_payment_requests.rev < EXCLUDED.rev`,
          [
            d.requestId,
            rev,
            d.escrowId,
            d.releaseId,
            d.projectId,
            d.providerId,
            d.amountCents,
            d.invoiceFileId,
            d.invoiceNumber,
            d.submittedAt,
            at,
          ],
        );
        return;
      }
      case 'PaymentRequestRefused': {
        const d = event.data as PaymentRequestRefused['data'];
        await this.update(tx, d.requestId, rev, at, {
          status: 'refused',
          refusal_reason: d.reason,
          refused_at: d.refusedAt,
        });
        return;
      }
      case 'PaymentRequestApproved': {
        const d = event.data as PaymentRequestApproved['data'];
        await this.update(tx, d.requestId, rev, at, {
          status: 'approved',
          approved_by: d.approvedBy,
          approved_at: d.approvedAt,
          payout_id: d.payoutId,
        });
        return;
      }
      case 'PaymentRequestPaid': {
        const d = event.data as PaymentRequestPaid['data'];
        await this.update(tx, d.requestId, rev, at, { status: 'paid', paid_at: d.paidAt });
        return;
      }
      case 'PaymentRequestPayoutFailed': {
        const d = event.data as PaymentRequestPayoutFailed['data'];
        await this.update(tx, d.requestId, rev, at, {
          status: 'payout_failed',
          failure_code: d.failureCode,
        });
        return;
      }
      default:
        return;
    }
  }

  private async update(
    tx: PoolClient,
    requestId: string,
    rev: string,
    at: string,
    columns: Record<string, string>,
  ): Promise<void> {
    const names = Object.keys(columns);
    const sets = names.map((name, i) => `${name} = $${i + 4}`).join(', ');
    await tx.query(
      `UPDATE tender_payment_requests SET rev = $2, updated_at = $3, ${sets}
       WHERE request_id = $1 AND rev < $2`,
      [requestId, rev, at, ...names.map((n) => columns[n])],
    );
  }
}
