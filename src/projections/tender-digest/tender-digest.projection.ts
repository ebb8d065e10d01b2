import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import {
  normaliseWord,
  type ProjectHiddenByProvider,
  type ProjectPosted,
  type ProjectShownAgainByProvider,
  type TenderDigestUnsubscribed,
  type TenderPreferencesSet,
} from '../../domain/tenders';
import { occurredAt, Projection } from '../runner/projection';
import { isNewer } from '../runner/row-buffer';
import { TENDER_DIGEST_TABLES } from './tender-digest.tables';

/** Whether each project event leaves the project taking offers (declined terms reopen it). */
const OPEN_AFTER: Record<string, boolean> = {
  ProjectProviderSelected: false,
  ProjectTermsDeclined: true,
  ProjectWithdrawn: false,
};

/**
 * The daily digest's read model (docs/tenders-digest.md): posted projects with their open/closed
 * status, and each provider's preferences and hidden projects. Low volume per event: plain SQL,
 * each write guarded by its stream's revision, so a redelivered event changes nothing.
 */
export class TenderDigestProjection implements Projection {
  readonly name = 'tender_digest';
  readonly version = 1;
  readonly handles = [
    'ProjectPosted',
    ...Object.keys(OPEN_AFTER),
    'TenderPreferencesSet',
    'TenderDigestUnsubscribed',
    'ProjectHiddenByProvider',
    'ProjectShownAgainByProvider',
  ];
  readonly tables = TENDER_DIGEST_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const rev = event.revision.toString();
    if (event.type === 'ProjectPosted') {
      const d = event.data as ProjectPosted['data'];
      await tx.query(
        `INSERT INTO tender_digest_projects (project_id, rev, title, category, budget_min_cents,
           budget_max_cents, posted_at, open, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8) ON CONFLICT (project_id) DO NOTHING`,
        [
          d.projectId,
          rev,
          d.title,
          d.category,
          d.budgetMinCents,
          d.budgetMaxCents,
          d.postedAt,
          normaliseWord(`${d.title} ${d.description}`),
        ],
      );
      return;
    }
    if (event.type in OPEN_AFTER) {
      const { projectId } = event.data as { projectId: string };
      await tx.query(
        `UPDATE tender_digest_projects SET open = $3, rev = $2 WHERE project_id = $1 AND rev < $2`,
        [projectId, rev, OPEN_AFTER[event.type]],
      );
      return;
    }
    const { providerId } = event.data as { providerId: string };
    const at = occurredAt(event);
    const applied = await this.providerRev(tx, providerId, at);
    if (!isNewer(event.revision, applied)) return;
    switch (event.type) {
      case 'TenderPreferencesSet': {
        const d = event.data as TenderPreferencesSet['data'];
        await tx.query(
          `UPDATE tender_digest_providers SET rev = $2, categories = $3, words = $4,
             min_budget_cents = $5, digest = $6, updated_at = $7 WHERE provider_id = $1`,
          [providerId, rev, d.categories, d.words, d.minBudgetCents, d.digest, d.setAt],
        );
        return;
      }
      case 'TenderDigestUnsubscribed': {
        const d = event.data as TenderDigestUnsubscribed['data'];
        await tx.query(
          `UPDATE tender_digest_providers SET rev = $2, digest = false, updated_at = $3
           WHERE provider_id = $1`,
          [providerId, rev, d.unsubscribedAt],
        );
        return;
      }
      case 'ProjectHiddenByProvider': {
        const d = event.data as ProjectHiddenByProvider['data'];
        await tx.query(
          `INSERT INTO tender_digest_hidden (provider_id, project_id, hidden_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [providerId, d.projectId, d.hiddenAt],
        );
        break;
      }
      case 'ProjectShownAgainByProvider': {
        const d = event.data as ProjectShownAgainByProvider['data'];
        await tx.query(
          `DELETE FROM tender_digest_hidden WHERE provider_id = $1 AND project_id = $2`,
          [providerId, d.projectId],
        );
        break;
      }
      default:
        return;
    }
    await tx.query(`UPDATE tender_digest_providers SET rev = $2 WHERE provider_id = $1`, [
      providerId,
      rev,
    ]);
  }

  /** The revision the provider's row has applied, the row created (at -1) on their first event. */
  private async providerRev(tx: PoolClient, providerId: string, at: string): Promise<string> {
    await tx.query(
      `INSERT INTO tender_digest_providers (provider_id, rev, updated_at) VALUES ($1, -1, $2)
       ON CONFLICT (provider_id) DO NOTHING`,
      [providerId, at],
    );
    const { rows } = await tx.query<{ rev: string }>(
      `SELECT rev FROM tender_digest_providers WHERE provider_id = $1`,
      [providerId],
    );
    return rows[0].rev;
  }
}
