import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { CreditRefunded, CreditSpent } from '../../domain/plans';
import {
  evolve,
  initialState,
  type ProjectEvent,
  type ProjectHiddenByProvider,
  type ProjectShownAgainByProvider,
  type ProjectState,
} from '../../domain/tenders';
import { occurredAt, Projection } from '../runner/projection';
import { isNewer } from '../runner/row-buffer';
import { iso } from '../shared/query-helpers';
import { TENDER_PROJECTS_TABLES } from './tender-projects.tables';

const PROJECT_EVENTS: readonly ProjectEvent['type'][] = [
  'ProjectPosted',
  'ProjectWithdrawn',
  'ProjectProviderSelected',
  'ProjectTermsConfirmed',
  'ProjectTermsDeclined',
  'ProjectAmountRevisionProposed',
  'ProjectAmountRevised',
  'ProjectAmountRevisionRejected',
  'ProjectFinished',
];

/** The mark column a credit kind sets. */
const MARK_OF_KIND: Record<string, string> = {
  consultation: 'consulted',
  offer: 'offered',
  direct_contact: 'contacted',
};

interface Row {
  rev: string;
  state: ProjectState;
}

/**
 * The tenders' open list and the client's projects (issue 17): the project stream folded with
 * the domain's own `evolve` into one row (guarded by the stream revision, so a redelivered event
 * changes nothing), plus each provider's marks from the credits ledger (spends and refunds on a
 * `project` subject) and from their preferences stream (hidden / shown again).
 */
export class TenderProjectsProjection implements Projection {
  readonly name = 'tender_projects';
  readonly version = 1;
  readonly handles = [
    ...PROJECT_EVENTS,
    'CreditSpent',
    'CreditRefunded',
    'ProjectHiddenByProvider',
    'ProjectShownAgainByProvider',
  ];
  readonly tables = TENDER_PROJECTS_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const at = occurredAt(event);
    switch (event.type) {
      case 'CreditSpent':
      case 'CreditRefunded': {
        const d = event.data as (CreditSpent | CreditRefunded)['data'];
        const column = MARK_OF_KIND[d.kind];
        if (d.subject?.type !== 'project' || !column) return;
        await this.mark(tx, d.accountId, d.subject.id, column, event.type === 'CreditSpent', at);
        return;
      }
      case 'ProjectHiddenByProvider':
      case 'ProjectShownAgainByProvider': {
        const d = event.data as (ProjectHiddenByProvider | ProjectShownAgainByProvider)['data'];
        await this.mark(
          tx,
          d.providerId,
          d.projectId,
          'hidden',
          event.type === 'ProjectHiddenByProvider',
          at,
        );
        return;
      }
      default:
        if ((PROJECT_EVENTS as readonly string[]).includes(event.type))
          await this.project(event, tx, at);
    }
  }

  private async mark(
    tx: PoolClient,
    providerId: string,
    projectId: string,
    column: string,
    value: boolean,
    at: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO tender_provider_marks (provider_id, project_id, ${column}, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (provider_id, project_id) DO UPDATE SET ${column} = $3, updated_at = $4`,
      [providerId, projectId, value, at],
    );
  }

  private async project(event: RecordedEvent, tx: PoolClient, at: string): Promise<void> {
    const projectId = (event.data as { projectId: string }).projectId;
    const row = await this.row(tx, projectId);
    if (row && !isNewer(event.revision, row.rev)) return;
    const before = row?.state ?? initialState();
    const state = evolve(before, { type: event.type, data: event.data } as ProjectEvent);
    if (!state.brief) return;
    const b = state.brief;
    const withdrawnAt =
      event.type === 'ProjectWithdrawn' && state.status === 'withdrawn'
        ? (event.data as { withdrawnAt: string }).withdrawnAt
        : null;
    await tx.query(
      `INSERT INTO tender_projects (project_id, rev, client_id, title, description, category,
         budget_min_cents, budget_max_cents, wished_deadline, attachment_file_ids, posted_at, status,
         provider_id, offer_id, terms, fees, pending_revision, selected_at, signed_at, finished_at,
         withdrawn_at, declined_provider_ids, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15::jsonb,
         $16::jsonb, $17::jsonb, $18, $19, $20, $21, $22::jsonb, $23)
       ON CONFLICT (project_id) DO UPDATE SET rev = $2, status = $12, provider_id = $13,
         offer_id = $14, terms = $15::jsonb, fees = $16::jsonb, pending_revision = $17::jsonb,
         selected_at = $18, signed_at = $19, finished_at = $20,
         withdrawn_at = COALESCE($21, tender_projects.withdrawn_at),
         declined_provider_ids = $22::jsonb, updated_at = $23`,
      [
        projectId,
        event.revision.toString(),
        b.clientId,
        b.title,
        b.description,
        b.category,
        b.budgetMinCents,
        b.budgetMaxCents,
        b.wishedDeadline,
        JSON.stringify(b.attachmentFileIds),
        b.postedAt,
        state.status,
        state.providerId,
        state.offerId,
        state.terms ? JSON.stringify(state.terms) : null,
        state.fees ? JSON.stringify(state.fees) : null,
        state.pendingRevision ? JSON.stringify(state.pendingRevision) : null,
        state.selectedAt,
        state.signedAt,
        state.finishedAt,
        withdrawnAt,
        JSON.stringify(state.declinedProviderIds),
        at,
      ],
    );
  }

  /** The row folded back into the domain's state, so the next event evolves it. */
  private async row(tx: PoolClient, projectId: string): Promise<Row | null> {
    const { rows } = await tx.query(
      `SELECT *, wished_deadline::text AS wished_day FROM tender_projects WHERE project_id = $1`,
      [projectId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      rev: String(r.rev),
      state: {
        status: r.status,
        brief: {
          projectId: r.project_id,
          clientId: r.client_id,
          title: r.title,
          description: r.description,
          category: r.category,
          budgetMinCents: Number(r.budget_min_cents),
          budgetMaxCents: Number(r.budget_max_cents),
          wishedDeadline: r.wished_day,
          attachmentFileIds: r.attachment_file_ids,
          postedAt: iso(r.posted_at) as string,
        },
        providerId: r.provider_id,
        offerId: r.offer_id,
        terms: r.terms,
        fees: r.fees,
        selectedAt: iso(r.selected_at),
        signedAt: iso(r.signed_at),
        finishedAt: iso(r.finished_at),
        pendingRevision: r.pending_revision,
        declinedProviderIds: r.declined_provider_ids,
      },
    };
  }
}
