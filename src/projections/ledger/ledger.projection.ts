import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowFunded, EscrowOpened, EscrowRefunded, EscrowReleased } from '../../domain/escrow';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { InsertBuffer, isNewer, RowBuffer } from '../runner/row-buffer';
import { balancedLegs, credit, debit, ENTRY_LABELS, EntryKind, Leg } from './ledger.accounts';
import {
  JOURNAL_ENTRIES,
  JOURNAL_LINES,
  JournalEntryRow,
  JournalLineRow,
  LEDGER_ESCROWS,
  LEDGER_PAYOUTS,
  LEDGER_TABLES,
  LedgerEscrowRow,
  LedgerPayoutRow,
} from './ledger.tables';

const ESCROW_TYPES = new Set(['EscrowOpened', 'EscrowFunded', 'EscrowReleased', 'EscrowRefunded']);
/** A payout's reservation and its outcome are each told twice (wallet and payout streams): the first one posts. */
const PAYOUT_RESERVED = new Set(['WalletDebitedForPayout', 'PayoutRequested']);
const PAYOUT_SENT = new Set(['PayoutSent', 'WalletPayoutSettled']);
const PAYOUT_RETURNED = new Set(['PayoutFailed', 'WalletPayoutReturned']);

interface Posting {
  kind: EntryKind;
  legs: Leg[];
  escrowId?: string;
  payoutId?: string;
}

/** What one escrow event posts; the payer comes from the escrow's opening. */
export function escrowPostings(event: RecordedEvent, escrow: LedgerEscrowRow): Posting[] {
  const payer = escrow.payer_id;
  const escrowId = escrow.escrow_id;
  switch (event.type) {
    case 'EscrowFunded': {
      const { amountCents } = event.data as EscrowFunded['data'];
      return [{ kind: 'escrow_funded', escrowId, legs: [debit('psp_clearing', payer, amountCents), credit('buyer_funds_held', payer, amountCents)] }];
    }
    case 'EscrowReleased': {
      const d = event.data as EscrowReleased['data'];
      return [
        {
          kind: 'escrow_released',
          escrowId,
          legs: [
            debit('buyer_funds_held', payer, d.amountCents),
            credit('provider_payable', d.payeeId, d.payeeNetCents),
            credit('commission_revenue', null, d.commissionCents - d.vatOnCommissionCents),
            credit('vat_collected', null, d.vatOnCommissionCents),
          ],
        },
      ];
    }
    case 'EscrowRefunded': {
      const { amountCents } = event.data as EscrowRefunded['data'];
      return [
        { kind: 'refund_recognised', escrowId, legs: [debit('buyer_funds_held', payer, amountCents), credit('refunds_payable', payer, amountCents)] },
        { kind: 'refund_paid', escrowId, legs: [debit('refunds_payable', payer, amountCents), credit('psp_clearing', payer, amountCents)] },
      ];
    }
    default:
      return [];
  }
}

/** What one payout or wallet event posts, given what the payout already posted; also returns its new bookkeeping. */
export function payoutPostings(event: RecordedEvent, known: LedgerPayoutRow | undefined): { postings: Posting[]; row: LedgerPayoutRow | null } {
  const d = event.data as { payoutId: string; providerId: string; amountCents: number };
  const row: LedgerPayoutRow = known ?? { payout_id: d.payoutId, provider_id: d.providerId, amount_cents: d.amountCents, reserved: false, closed_as: null };
  const payoutId = row.payout_id;
  const provider = row.provider_id;
  const amount = row.amount_cents;
  if (PAYOUT_RESERVED.has(event.type)) {
    if (row.reserved) return { postings: [], row: null };
    return {
      postings: [{ kind: 'payout_reserved', payoutId, legs: [debit('provider_payable', provider, amount), credit('payouts_in_transit', provider, amount)] }],
      row: { ...row, reserved: true },
    };
  }
  if (!row.reserved || row.closed_as !== null) return { postings: [], row: null };
  if (PAYOUT_SENT.has(event.type)) {
    return {
      postings: [{ kind: 'payout_sent', payoutId, legs: [debit('payouts_in_transit', provider, amount), credit('psp_clearing', provider, amount)] }],
      row: { ...row, closed_as: 'sent' },
    };
  }
  if (PAYOUT_RETURNED.has(event.type)) {
    return {
      postings: [{ kind: 'payout_returned', payoutId, legs: [debit('payouts_in_transit', provider, amount), credit('provider_payable', provider, amount)] }],
      row: { ...row, closed_as: 'returned' },
    };
  }
  return { postings: [], row: null };
}

/** The finance journal: every money event becomes balanced double-entry lines in integer cents. */
export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  readonly version = 1;
  readonly handles = [...ESCROW_TYPES, ...PAYOUT_RESERVED, ...PAYOUT_SENT, ...PAYOUT_RETURNED];
  readonly tables = LEDGER_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient, session?: ProjectionSession): Promise<void> {
    const escrows = new RowBuffer(LEDGER_ESCROWS, tx, false, session);
    const payouts = new RowBuffer(LEDGER_PAYOUTS, tx, false, session);
    const entries = new InsertBuffer<JournalEntryRow>(JOURNAL_ENTRIES, tx);
    const lines = new InsertBuffer<JournalLineRow>(JOURNAL_LINES, tx);
    await escrows.prefetch(events.filter((e) => ESCROW_TYPES.has(e.type)).map((e) => (e.data as { escrowId: string }).escrowId));
    await payouts.prefetch(events.filter((e) => !ESCROW_TYPES.has(e.type)).map((e) => (e.data as { payoutId: string }).payoutId));
    for (const event of events) {
      let postings: Posting[] = [];
      if (ESCROW_TYPES.has(event.type)) {
        const escrowId = (event.data as { escrowId: string }).escrowId;
        const escrow = escrows.peek(escrowId);
        if (escrow && !isNewer(event.revision, escrow.rev)) continue;
        if (event.type === 'EscrowOpened') {
          const o = event.data as EscrowOpened['data'];
          if (!escrow) escrows.put({ escrow_id: escrowId, rev: Number(event.revision), payer_id: o.payerId, payee_id: o.payeeId });
          continue;
        }
        if (!escrow) continue;
        escrow.rev = Number(event.revision);
        escrows.put(escrow);
        postings = escrowPostings(event, escrow);
      } else {
        const result = payoutPostings(event, payouts.peek((event.data as { payoutId: string }).payoutId));
        if (result.row) payouts.put(result.row);
        postings = result.postings;
      }
      postings.forEach((posting, leg) => this.post(entries, lines, event, posting, leg));
    }
    await escrows.flush();
    await payouts.flush();
    await entries.flush();
    await lines.flush();
  }

  private post(entries: InsertBuffer<JournalEntryRow>, lines: InsertBuffer<JournalLineRow>, event: RecordedEvent, posting: Posting, leg: number): void {
    const legs = balancedLegs(posting.legs);
    if (legs.length === 0) return;
    const entryId = `${event.id}:${leg}`;
    const total = legs.reduce((s, l) => s + l.debit, 0);
    entries.add({
      entry_id: entryId, kind: posting.kind, description: ENTRY_LABELS[posting.kind], event_id: event.id, event_type: event.type,
      stream_name: event.streamName, log_commit: event.position.commit.toString(), log_prepare: Number(event.position.prepare), leg,
      occurred_at: occurredAt(event), escrow_id: posting.escrowId ?? null, payout_id: posting.payoutId ?? null,
      total_debit_cents: total, total_credit_cents: total,
    });
    legs.forEach((l, i) =>
      lines.add({ entry_id: entryId, line_no: i + 1, account: l.account, party_id: l.partyId, debit_cents: l.debit, credit_cents: l.credit }),
    );
  }
}
