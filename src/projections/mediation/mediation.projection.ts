import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { DisputeEvent } from '../../domain/disputes';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import {
  applyPartyEvent,
  isPartyEvent,
  PARTY_EVENTS,
  partiesBuffer,
  partyKey,
} from '../shared/parties';
import { DISPUTES, DisputeRow, MEDIATION_TABLES } from './mediation.tables';

export const DISPUTE_EVENT_TYPES = [
  'DisputeOpened',
  'DisputeStatementAdded',
  'DisputeResponseDeadlineLapsed',
  'DisputeAssigned',
  'DisputeInternalNoteAdded',
  'DisputeSettlementProposed',
  'DisputeSettlementAccepted',
  'DisputeSettlementRejected',
  'DisputeSettled',
  'DisputeWithdrawn',
  'DisputeDecided',
] as const;
const DISPUTE = new Set<string>(DISPUTE_EVENT_TYPES);
const CLOSED = new Set(['resolved', 'withdrawn']);
export const SUMMARY_LENGTH = 280;

/** Applies one dispute event to its row, in place; follows the dispute's evolve, closed cases gain nothing. */
export function evolveDisputeRow(
  row: DisputeRow | undefined,
  event: DisputeEvent,
  rev: number,
  at: string,
): DisputeRow | undefined {
  if (event.type === 'DisputeOpened') {
    if (row) {
      row.rev = rev;
      return row;
    }
    const d = event.data;
    return {
      dispute_id: d.disputeId,
      rev,
      subject_kind: d.subject.kind,
      subject_id: d.subject.id,
      escrow_id: d.escrowId,
      buyer_id: d.buyerId,
      seller_id: d.sellerId,
      reason: d.reason,
      summary: d.statement.slice(0, SUMMARY_LENGTH),
      opened_by: d.openedBy,
      opener_role: d.openerRole,
      respondent_id: d.respondentId,
      respondent_role: d.respondentRole,
      opened_at: d.openedAt,
      response_due_at: d.responseDueAt,
      responded_at: null,
      response_lapsed: false,
      held_cents: d.heldCents,
      status: 'open',
      mediator_id: null,
      statements: 1,
      settlement: null,
      resolution: null,
      closed_at: null,
      last_activity_at: d.openedAt,
    };
  }
  if (!row) return undefined;
  const next = row;
  next.rev = rev;
  if (CLOSED.has(next.status)) return next;
  next.last_activity_at = at;
  switch (event.type) {
    case 'DisputeStatementAdded':
      next.statements = row.statements + 1;
      if (event.data.isResponse && row.responded_at === null)
        next.responded_at = event.data.addedAt;
      next.last_activity_at = event.data.addedAt;
      return next;
    case 'DisputeResponseDeadlineLapsed':
      next.response_lapsed = true;
      return next;
    case 'DisputeAssigned':
      next.mediator_id = event.data.mediatorId;
      if (row.status === 'open') next.status = 'under_review';
      return next;
    case 'DisputeInternalNoteAdded':
      return next;
    case 'DisputeSettlementProposed': {
      const { settlementId, refundCents, releaseCents } = event.data;
      next.status = 'settlement_proposed';
      next.settlement = { settlementId, refundCents, releaseCents, acceptedBy: [] };
      return next;
    }
    case 'DisputeSettlementAccepted': {
      const s = row.settlement;
      if (row.status !== 'settlement_proposed' || !s || s.settlementId !== event.data.settlementId)
        return next;
      if (!s.acceptedBy.includes(event.data.byRole))
        next.settlement = { ...s, acceptedBy: [...s.acceptedBy, event.data.byRole] };
      return next;
    }
    case 'DisputeSettlementRejected':
      if (
        row.status !== 'settlement_proposed' ||
        row.settlement?.settlementId !== event.data.settlementId
      )
        return next;
      next.status = row.mediator_id === null ? 'open' : 'under_review';
      next.settlement = null;
      return next;
    case 'DisputeSettled':
      next.status = 'resolved';
      next.settlement = null;
      next.resolution = {
        via: 'settlement',
        outcome: null,
        refundCents: event.data.refundCents,
        releaseCents: event.data.releaseCents,
      };
      next.closed_at = at;
      return next;
    case 'DisputeWithdrawn':
      next.status = 'withdrawn';
      next.settlement = null;
      next.closed_at = at;
      return next;
    case 'DisputeDecided':
      next.status = 'resolved';
      next.settlement = null;
      next.resolution = {
        via: 'decision',
        outcome: event.data.outcome,
        refundCents: event.data.refundCents,
        releaseCents: event.data.releaseCents,
      };
      next.closed_at = at;
      return next;
    default:
      event satisfies never;
      return next;
  }
}

/** The mediators' queue: every dispute with its age, amount held, parties, reason and response deadline. */
export class MediationProjection implements Projection {
  readonly name = 'mediation';
  readonly version = 1;
  readonly handles = [...DISPUTE_EVENT_TYPES, ...PARTY_EVENTS];
  readonly tables = MEDIATION_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const disputes = new RowBuffer(DISPUTES, tx, false, session);
    const parties = partiesBuffer(tx, session);
    await disputes.prefetch(
      events
        .filter((e) => DISPUTE.has(e.type))
        .map((e) => (e.data as { disputeId: string }).disputeId),
    );
    await parties.prefetch(events.filter(isPartyEvent).map(partyKey));
    for (const event of events) {
      if (DISPUTE.has(event.type)) {
        const row = disputes.peek((event.data as { disputeId: string }).disputeId);
        if (row && !isNewer(event.revision, row.rev)) continue;
        const next = evolveDisputeRow(
          row,
          event as unknown as DisputeEvent,
          Number(event.revision),
          occurredAt(event),
        );
        if (next) disputes.put(next);
      } else if (isPartyEvent(event)) {
        const erased = await applyPartyEvent(parties, event);
        if (erased) {
          // The opening statement is the opener's own words.
          await disputes.flush();
          await tx.query('UPDATE disputes SET summary = NULL WHERE opened_by = $1', [
            erased.account_id,
          ]);
          for (const d of disputes.loaded())
            if (d.opened_by === erased.account_id) d.summary = null;
        }
      }
    }
    await disputes.flush();
    await parties.flush();
  }
}
