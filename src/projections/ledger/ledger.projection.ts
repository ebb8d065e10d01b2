import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowOpened } from '../../domain/escrow';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { InsertBuffer, isNewer, RowBuffer } from '../runner/row-buffer';
import { parisDate } from '../invoices/invoice-numbering';
import { hourPackEscrowPostings } from './hour-pack-postings';
import { balancedLegs, ENTRY_LABELS } from './ledger.accounts';
import { PLAN_SALE_TYPES, planSaleIdOf, planSalePostings } from './plan-postings';
import { SOLIDARITY_POSTING_TYPES, solidarityPostings } from './solidarity-postings';
import {
  TENDER_FEE_POSTING_TYPES,
  tenderFeePostings,
  tenderFeeSaleIdOf,
} from './tender-fee-postings';
import {
  ESCROW_TYPES,
  escrowPostings,
  MISSION_PAYOUT_TYPES,
  missionPayoutPostings,
  PAYOUT_RESERVED,
  PAYOUT_RETURNED,
  PAYOUT_SENT,
  payoutPostings,
  Posting,
} from './ledger.postings';
import {
  JOURNAL_ENTRIES,
  JOURNAL_LINES,
  JournalEntryRow,
  JournalLineRow,
  LEDGER_ESCROWS,
  LEDGER_PAYOUTS,
  LEDGER_SALES,
  LEDGER_TABLES,
} from './ledger.tables';

/** The finance journal: every money event becomes balanced double-entry lines in integer cents. */
export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  /** 2: the platform's own sales (plan-postings.ts) and `paris_month`; 3: the solidarity pot. */
  readonly version = 3;
  readonly handles = [
    ...ESCROW_TYPES,
    ...PAYOUT_RESERVED,
    ...PAYOUT_SENT,
    ...PAYOUT_RETURNED,
    ...MISSION_PAYOUT_TYPES,
    ...PLAN_SALE_TYPES,
    ...SOLIDARITY_POSTING_TYPES,
    ...TENDER_FEE_POSTING_TYPES,
  ];
  readonly tables = LEDGER_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const escrows = new RowBuffer(LEDGER_ESCROWS, tx, false, session);
    const payouts = new RowBuffer(LEDGER_PAYOUTS, tx, false, session);
    const sales = new RowBuffer(LEDGER_SALES, tx, false, session);
    const entries = new InsertBuffer<JournalEntryRow>(JOURNAL_ENTRIES, tx);
    const lines = new InsertBuffer<JournalLineRow>(JOURNAL_LINES, tx);
    await escrows.prefetch(
      events
        .filter((e) => ESCROW_TYPES.has(e.type))
        .map((e) => (e.data as { escrowId: string }).escrowId),
    );
    await payouts.prefetch(
      events
        .filter(
          (e) =>
            !ESCROW_TYPES.has(e.type) &&
            !MISSION_PAYOUT_TYPES.has(e.type) &&
            !PLAN_SALE_TYPES.has(e.type) &&
            !SOLIDARITY_POSTING_TYPES.has(e.type) &&
            !TENDER_FEE_POSTING_TYPES.has(e.type),
        )
        .map((e) => (e.data as { payoutId: string }).payoutId),
    );
    await sales.prefetch(
      events.map((e) =>
        e.type.startsWith('HourPack')
          ? planSaleIdOf(e)
          : TENDER_FEE_POSTING_TYPES.has(e.type)
            ? tenderFeeSaleIdOf(e)
            : undefined,
      ),
    );
    for (const event of events) {
      let postings: Posting[] = [];
      if (SOLIDARITY_POSTING_TYPES.has(event.type)) postings = solidarityPostings(event);
      else if (TENDER_FEE_POSTING_TYPES.has(event.type)) {
        const saleId = tenderFeeSaleIdOf(event);
        const result = tenderFeePostings(event, saleId ? sales.peek(saleId) : undefined);
        if (result.row) sales.put(result.row);
        postings = result.postings;
      } else if (ESCROW_TYPES.has(event.type)) {
        const escrowId = (event.data as { escrowId: string }).escrowId;
        const escrow = escrows.peek(escrowId);
        if (escrow && !isNewer(event.revision, escrow.rev)) continue;
        if (event.type === 'EscrowOpened') {
          const o = event.data as EscrowOpened['data'];
          if (!escrow)
            escrows.put({
              escrow_id: escrowId,
              rev: Number(event.revision),
              payer_id: o.payerId,
              payee_id: o.payeeId,
            });
          continue;
        }
        if (!escrow) continue;
        escrow.rev = Number(event.revision);
        escrows.put(escrow);
        postings = hourPackEscrowPostings(event, escrow) ?? escrowPostings(event, escrow);
      } else if (MISSION_PAYOUT_TYPES.has(event.type)) {
        // One event per mission (deterministic id): the journal is keyed by its log position.
        postings = missionPayoutPostings(event);
      } else if (PLAN_SALE_TYPES.has(event.type)) {
        const saleId = planSaleIdOf(event);
        const result = planSalePostings(event, saleId ? sales.peek(saleId) : undefined);
        if (result.row) sales.put(result.row);
        postings = result.postings;
      } else {
        const result = payoutPostings(
          event,
          payouts.peek((event.data as { payoutId: string }).payoutId),
        );
        if (result.row) payouts.put(result.row);
        postings = result.postings;
      }
      postings.forEach((posting, leg) => this.post(entries, lines, event, posting, leg));
    }
    await escrows.flush();
    await payouts.flush();
    await sales.flush();
    await entries.flush();
    await lines.flush();
  }

  private post(
    entries: InsertBuffer<JournalEntryRow>,
    lines: InsertBuffer<JournalLineRow>,
    event: RecordedEvent,
    posting: Posting,
    leg: number,
  ): void {
    const legs = balancedLegs(posting.legs);
    if (legs.length === 0) return;
    const entryId = Number(event.position.prepare) * 4 + leg;
    const total = legs.reduce((s, l) => s + l.debit, 0);
    const at = posting.at ?? occurredAt(event);
    entries.add({
      entry_id: entryId,
      kind: posting.kind,
      description: ENTRY_LABELS[posting.kind],
      event_id: event.id,
      event_type: event.type,
      stream_name: event.streamName,
      log_commit: event.position.commit.toString(),
      log_prepare: Number(event.position.prepare),
      leg,
      occurred_at: at,
      paris_month: parisDate(at).slice(0, 7),
      escrow_id: posting.escrowId ?? null,
      payout_id: posting.payoutId ?? null,
      total_debit_cents: total,
      total_credit_cents: total,
    });
    legs.forEach((l, i) =>
      lines.add({
        entry_id: entryId,
        line_no: i + 1,
        account: l.account,
        party_id: l.partyId,
        debit_cents: l.debit,
        credit_cents: l.credit,
      }),
    );
  }
}
