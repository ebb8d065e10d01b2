import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowEvent } from '../../domain/escrow';
import type { PayoutEvent, WalletEvent, WithdrawalAccount } from '../../domain/payouts';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import { EscrowRow, PayoutRow, WalletRow } from './wallets.tables';

/** Enough to recognise the account, never enough to use it; a bank hint is the stored mask, kept after erasure. */
export function accountHint(account: WithdrawalAccount): string {
  if (account.kind === 'bank') return account.ibanMasked;
  const [local, domain] = account.email.split('@');
  return `${local.slice(0, 1)}•••@${domain ?? ''}`;
}

const blankWallet = (providerId: string, at: string): WalletRow => ({
  provider_id: providerId,
  wallet_rev: -1,
  credited_cents: 0,
  available_cents: 0,
  in_transit_cents: 0,
  paid_out_cents: 0,
  held_in_escrow_cents: 0,
  updated_at: at,
});

const blankPayout = (
  payoutId: string,
  providerId: string,
  amountCents: number,
  at: string,
): PayoutRow => ({
  payout_id: payoutId,
  provider_id: providerId,
  payout_rev: -1,
  amount_cents: amountCents,
  status: null,
  wallet_status: null,
  account_kind: null,
  account_hint: null,
  failure_code: null,
  updated_at: at,
});

/** An escrow event: its own row, and what it still holds for its payee's wallet. Rows change in place. */
export function applyEscrow(
  wallets: RowBuffer<WalletRow>,
  escrows: RowBuffer<EscrowRow>,
  event: RecordedEvent,
  at: string,
): void {
  const e = event as unknown as EscrowEvent;
  const rev = Number(event.revision);
  const row = escrows.peek(e.data.escrowId);
  if (row && !isNewer(event.revision, row.rev)) return;
  if (e.type === 'EscrowOpened') {
    if (row) return;
    const o = e.data;
    escrows.put({
      escrow_id: o.escrowId,
      rev,
      subject_kind: o.subject.kind,
      subject_id: o.subject.id,
      payer_id: o.payerId,
      payee_id: o.payeeId,
      commission_rate_bp: o.commissionRateBp,
      funded_cents: 0,
      released_cents: 0,
      refunded_cents: 0,
      held_cents: 0,
      commission_cents: 0,
      payee_net_cents: 0,
      frozen_by: null,
      updated_at: at,
    });
    return;
  }
  if (!row) return;
  const next = row;
  const heldBefore = row.held_cents;
  next.rev = rev;
  next.updated_at = at;
  let heldDelta = 0;
  switch (e.type) {
    case 'EscrowFunded':
      next.funded_cents += e.data.amountCents;
      heldDelta = e.data.amountCents;
      break;
    case 'EscrowReleased':
      next.released_cents += e.data.amountCents;
      next.commission_cents += e.data.commissionCents;
      next.payee_net_cents += e.data.payeeNetCents;
      heldDelta = -e.data.amountCents;
      break;
    case 'EscrowRefunded':
      next.refunded_cents += e.data.amountCents;
      heldDelta = -e.data.amountCents;
      break;
    case 'EscrowFrozen':
      if (heldBefore > 0 && next.frozen_by === null) next.frozen_by = e.data.disputeId;
      break;
    case 'EscrowUnfrozen':
      if (next.frozen_by === e.data.disputeId) next.frozen_by = null;
      break;
    default:
      e satisfies never;
  }
  next.held_cents += heldDelta;
  if (next.held_cents === 0) next.frozen_by = null;
  escrows.put(next);
  if (heldDelta !== 0) {
    const wallet = wallets.peek(next.payee_id) ?? blankWallet(next.payee_id, at);
    wallet.held_in_escrow_cents += heldDelta;
    wallet.updated_at = at;
    wallets.put(wallet);
  }
}

/** A wallet event, mirroring the wallet's evolve: a payout moves only while it is in transit. */
export function applyWallet(
  wallets: RowBuffer<WalletRow>,
  payouts: RowBuffer<PayoutRow>,
  event: RecordedEvent,
  at: string,
): void {
  const e = event as unknown as WalletEvent;
  const current = wallets.peek(e.data.providerId) ?? blankWallet(e.data.providerId, at);
  if (!isNewer(event.revision, current.wallet_rev)) return;
  const open = current.wallet_rev >= 0;
  const w = current;
  w.wallet_rev = Number(event.revision);
  w.updated_at = at;
  switch (e.type) {
    case 'WalletCredited':
      w.credited_cents += e.data.amountCents;
      w.available_cents += e.data.amountCents;
      break;
    case 'WithdrawalAccountRegistered':
      break;
    case 'WalletDebitedForPayout': {
      const known = payouts.peek(e.data.payoutId);
      if (!open || known?.wallet_status) break;
      w.available_cents -= e.data.amountCents;
      w.in_transit_cents += e.data.amountCents;
      const p = known ?? blankPayout(e.data.payoutId, e.data.providerId, e.data.amountCents, at);
      p.wallet_status = 'in_transit';
      p.account_kind = e.data.account.kind;
      p.account_hint = accountHint(e.data.account);
      p.updated_at = at;
      payouts.put(p);
      break;
    }
    case 'WalletPayoutReturned':
    case 'WalletPayoutSettled': {
      const p = payouts.peek(e.data.payoutId);
      if (!p || p.wallet_status !== 'in_transit') break;
      const returned = e.type === 'WalletPayoutReturned';
      w.in_transit_cents -= p.amount_cents;
      if (returned) w.available_cents += p.amount_cents;
      else w.paid_out_cents += p.amount_cents;
      p.wallet_status = returned ? 'returned' : 'paid_out';
      p.updated_at = at;
      payouts.put(p);
      break;
    }
    default:
      e satisfies never;
  }
  wallets.put(w);
}

/** A payout event: the payout's own status, seen from the gateway's side. */
export function applyPayout(payouts: RowBuffer<PayoutRow>, event: RecordedEvent, at: string): void {
  const e = event as unknown as PayoutEvent;
  const known = payouts.peek(e.data.payoutId);
  if (known && !isNewer(event.revision, known.payout_rev)) return;
  const providerId = 'providerId' in e.data ? e.data.providerId : known?.provider_id;
  if (!providerId) return;
  const next =
    known ??
    blankPayout(e.data.payoutId, providerId, 'amountCents' in e.data ? e.data.amountCents : 0, at);
  next.payout_rev = Number(event.revision);
  next.updated_at = at;
  switch (e.type) {
    case 'PayoutRequested':
      next.status = 'requested';
      next.account_kind ??= e.data.account.kind;
      next.account_hint ??= accountHint(e.data.account);
      break;
    case 'PayoutSubmitted':
      if (next.status === 'requested') next.status = 'submitted';
      break;
    case 'PayoutSent':
      next.status = 'sent';
      break;
    case 'PayoutFailed':
      next.status = 'failed';
      next.failure_code = e.data.failureCode;
      break;
    default:
      e satisfies never;
  }
  payouts.put(next);
}
