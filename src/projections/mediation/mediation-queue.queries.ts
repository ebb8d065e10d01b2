import { Pool } from 'pg';
import {
  DISPUTE_REASON_LABELS,
  DISPUTE_STATUS_LABELS,
  type DisputeReason,
  type DisputeStatus,
} from '../../domain/disputes';
import { int, iso, partyView } from '../shared/query-helpers';

export const OPEN_DISPUTE_STATUSES = ['open', 'under_review', 'settlement_proposed'] as const;

export interface QueueFilter {
  statuses: string[];
  /** A mediator id, or `unassigned`. */
  assignee?: string;
  /** Only disputes about orders, or about missions ("Signaler un problème"). */
  subjectKind?: string;
  limit: number;
  now: Date;
}

/** The mediators' work list, oldest case first. */
export async function mediationQueue(pool: Pool, f: QueueFilter) {
  const params: unknown[] = [f.statuses, f.limit];
  let where = 'd.status = ANY($1::text[])';
  if (f.assignee === 'unassigned') where += ' AND d.mediator_id IS NULL';
  else if (f.assignee) {
    params.push(f.assignee);
    where += ` AND d.mediator_id = $${params.length}`;
  }
  if (f.subjectKind) {
    params.push(f.subjectKind);
    where += ` AND d.subject_kind = $${params.length}`;
  }
  const { rows } = await pool.query(
    `SELECT d.*, b.display_name AS b_name, b.provider_reference AS b_ref, b.erased AS b_erased,
            s.display_name AS s_name, s.provider_reference AS s_ref, s.erased AS s_erased
       FROM rm_disputes d
       LEFT JOIN rm_mediation_parties b ON b.account_id = d.buyer_id
       LEFT JOIN rm_mediation_parties s ON s.account_id = d.seller_id
      WHERE ${where} ORDER BY d.opened_at, d.dispute_id LIMIT $2`,
    params,
  );
  const now = f.now.getTime();
  return {
    items: rows.map((r) => {
      const openedAt = new Date(r.opened_at).getTime();
      const dueAt = new Date(r.response_due_at).getTime();
      return {
        disputeId: r.dispute_id,
        subject: { kind: r.subject_kind, id: r.subject_id },
        escrowId: r.escrow_id,
        status: r.status,
        statusLabel: DISPUTE_STATUS_LABELS[r.status as DisputeStatus] ?? r.status,
        reason: r.reason,
        reasonLabel: DISPUTE_REASON_LABELS[r.reason as DisputeReason] ?? r.reason,
        summary: r.summary,
        openedAt: iso(r.opened_at),
        ageMs: Math.max(0, now - openedAt),
        ageDays: Math.floor(Math.max(0, now - openedAt) / 86_400_000),
        heldCents: int(r.held_cents),
        buyer: partyView(r.buyer_id, r.b_name, r.b_ref, r.b_erased),
        seller: partyView(r.seller_id, r.s_name, r.s_ref, r.s_erased),
        openedBy: r.opened_by,
        openerRole: r.opener_role,
        respondent: { accountId: r.respondent_id, role: r.respondent_role },
        responseDueAt: iso(r.response_due_at),
        respondedAt: iso(r.responded_at),
        responseOverdue: r.responded_at === null && (r.response_lapsed || dueAt < now),
        mediatorId: r.mediator_id,
        statements: r.statements,
        settlement: r.settlement,
        lastActivityAt: iso(r.last_activity_at),
      };
    }),
  };
}
