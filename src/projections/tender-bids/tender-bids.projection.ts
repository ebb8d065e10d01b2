import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type {
  ProjectMessagePosted,
  ProjectOfferEdited,
  ProjectOfferMade,
  ProjectOfferRead,
  ProjectPosted,
  ProjectProviderSelected,
} from '../../domain/tenders';
import { occurredAt, Projection } from '../runner/projection';
import { TENDER_BIDS_TABLES } from './tender-bids.tables';

/** The project statuses each project event leads to (the fold's, for the rows). */
const STATUS_AFTER: Record<string, string> = {
  ProjectWithdrawn: 'withdrawn',
  ProjectTermsConfirmed: 'signed',
  ProjectTermsDeclined: 'open',
  ProjectFinished: 'finished',
};

/**
 * The bids read model (issue 17, docs/tenders-bids.md): projects with their status, the offers
 * with their read receipts, the report's messages. Each row keeps its stream's revision and
 * ignores an older or repeated one, so a redelivered event changes nothing.
 */
export class TenderBidsProjection implements Projection {
  readonly name = 'tender_bids';
  readonly version = 1;
  readonly handles = [
    'ProjectPosted',
    'ProjectWithdrawn',
    'ProjectProviderSelected',
    'ProjectTermsConfirmed',
    'ProjectTermsDeclined',
    'ProjectFinished',
    'ProjectOfferMade',
    'ProjectOfferEdited',
    'ProjectOfferRead',
    'ProjectMessagePosted',
  ];
  readonly tables = TENDER_BIDS_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const at = occurredAt(event);
    const rev = event.revision.toString();
    const projectId = (event.data as { projectId: string }).projectId;
    switch (event.type) {
      case 'ProjectPosted': {
        const d = event.data as ProjectPosted['data'];
        await tx.query(
          `INSERT INTO tender_bid_projects (project_id, client_id, title, status, rev, updated_at)
           VALUES ($1, $2, $3, 'open', $4, $5) ON CONFLICT (project_id) DO NOTHING`,
          [d.projectId, d.clientId, d.title, rev, at],
        );
        return;
      }
      case 'ProjectProviderSelected': {
        const d = event.data as ProjectProviderSelected['data'];
        await tx.query(
          `UPDATE tender_bid_projects SET status = 'selected', selected_provider_id = $2,
             selected_at = $3, rev = $4, updated_at = $5 WHERE project_id = $1 AND rev < $4`,
          [projectId, d.providerId, d.selectedAt, rev, at],
        );
        return;
      }
      case 'ProjectWithdrawn':
      case 'ProjectTermsConfirmed':
      case 'ProjectTermsDeclined':
      case 'ProjectFinished': {
        const declined = event.type === 'ProjectTermsDeclined';
        await tx.query(
          `UPDATE tender_bid_projects SET status = $2, rev = $3, updated_at = $4,
             selected_provider_id = CASE WHEN $5 THEN NULL ELSE selected_provider_id END,
             selected_at = CASE WHEN $5 THEN NULL ELSE selected_at END
           WHERE project_id = $1 AND rev < $3`,
          [projectId, STATUS_AFTER[event.type], rev, at, declined],
        );
        return;
      }
      case 'ProjectOfferMade': {
        const d = event.data as ProjectOfferMade['data'];
        await tx.query(
          `INSERT INTO tender_bid_offers (offer_id, project_id, provider_id, amount_cents,
             delay_days, message, made_at, rev)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (offer_id) DO NOTHING`,
          [
            d.offerId,
            d.projectId,
            d.providerId,
            d.amountCents,
            d.delayDays,
            d.message,
            d.madeAt,
            rev,
          ],
        );
        return;
      }
      case 'ProjectOfferEdited': {
        const d = event.data as ProjectOfferEdited['data'];
        await tx.query(
          `UPDATE tender_bid_offers SET amount_cents = $2, delay_days = $3, message = $4,
             edited_at = $5, read_current = false, rev = $6 WHERE offer_id = $1 AND rev < $6`,
          [d.offerId, d.amountCents, d.delayDays, d.message, d.editedAt, rev],
        );
        return;
      }
      case 'ProjectOfferRead': {
        const d = event.data as ProjectOfferRead['data'];
        await tx.query(
          `UPDATE tender_bid_offers SET read_at = $2, read_current = true, rev = $3
           WHERE offer_id = $1 AND rev < $3`,
          [d.offerId, d.readAt, rev],
        );
        return;
      }
      case 'ProjectMessagePosted': {
        const d = event.data as ProjectMessagePosted['data'];
        await tx.query(
          `INSERT INTO tender_report_messages (message_id, project_id, author_id, author_role,
             kind, text, file_ids, posted_at, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) ON CONFLICT (message_id) DO NOTHING`,
          [
            d.messageId,
            d.projectId,
            d.authorId,
            d.authorRole,
            d.kind,
            d.text,
            JSON.stringify(d.fileIds),
            d.postedAt,
            rev,
          ],
        );
        return;
      }
      default:
        return;
    }
  }
}
