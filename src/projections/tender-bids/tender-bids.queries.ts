import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import {
  BidsReader,
  type OfferView,
  type ProviderOfferView,
  type ReportMessageView,
} from '../../application/tenders/bids-reader.port';
import type { LogPosition } from '../../application/shared/event-store.port';
import type { ProjectStatus, ReportAuthorRole, ReportMessageKind } from '../../domain/tenders';
import { PG_POOL } from '../../infrastructure/database/database.tokens';
import { int, iso } from '../shared/query-helpers';

const offerView = (r: Record<string, unknown>): OfferView => ({
  offerId: r.offer_id as string,
  projectId: r.project_id as string,
  providerId: r.provider_id as string,
  amountCents: int(r.amount_cents),
  delayDays: int(r.delay_days),
  message: r.message as string,
  madeAt: iso(r.made_at) as string,
  editedAt: iso(r.edited_at),
  readAt: iso(r.read_at),
  readByClient: r.read_current === true,
});

/** `tender_bids` read through its views. */
@Injectable()
export class ReadModelBidsReader extends BidsReader {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {
    super();
  }

  async offersOf(projectId: string): Promise<OfferView[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM rm_tender_bid_offers WHERE project_id = $1 ORDER BY made_at, offer_id`,
      [projectId],
    );
    return rows.map(offerView);
  }

  async messagesOf(projectId: string): Promise<ReportMessageView[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM rm_tender_report_messages WHERE project_id = $1 ORDER BY position`,
      [projectId],
    );
    return rows.map((r) => ({
      messageId: r.message_id as string,
      authorId: r.author_id as string,
      authorRole: r.author_role as ReportAuthorRole,
      kind: r.kind as ReportMessageKind,
      text: r.text as string,
      fileIds: r.file_ids as string[],
      postedAt: iso(r.posted_at) as string,
    }));
  }

  async offersOfProvider(providerId: string, page: { limit: number; offset: number }) {
    const { rows } = await this.pool.query(
      `SELECT o.*, p.title, p.status, p.selected_provider_id, count(*) OVER () AS total
       FROM rm_tender_bid_offers o JOIN rm_tender_bid_projects p USING (project_id)
       WHERE o.provider_id = $1 ORDER BY o.made_at DESC, o.offer_id LIMIT $2 OFFSET $3`,
      [providerId, page.limit, page.offset],
    );
    const items: ProviderOfferView[] = rows.map((r) => ({
      ...offerView(r),
      projectTitle: r.title as string,
      projectStatus: r.status as ProjectStatus,
      selected: r.selected_provider_id === providerId,
    }));
    return { items, total: rows.length ? int(rows[0].total) : 0 };
  }

  async biddersOf(projectId: string, upTo: LogPosition): Promise<string[] | null> {
    const { rows } = await this.pool.query(
      `SELECT commit, prepare FROM projection_checkpoints WHERE name = 'tender_bids'`,
    );
    const at = rows[0];
    if (!at) return null;
    const commit = BigInt(at.commit);
    const reached =
      commit > upTo.commit || (commit === upTo.commit && BigInt(at.prepare) >= upTo.prepare);
    if (!reached) return null;
    const offers = await this.pool.query(
      `SELECT provider_id FROM rm_tender_bid_offers WHERE project_id = $1 ORDER BY made_at`,
      [projectId],
    );
    return offers.rows.map((r) => r.provider_id as string);
  }
}
