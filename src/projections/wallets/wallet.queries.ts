import { Pool } from 'pg';
import { PAYOUT_STATUS_LABELS, type PayoutStatus } from '../../domain/payouts';
import { int, iso } from '../shared/query-helpers';

/** "Solde de retrait": what the seller can withdraw, what escrow still holds for them, what left already. */
export async function sellerWallet(pool: Pool, providerId: string, recent = 20) {
  const w = (await pool.query('SELECT * FROM rm_wallets WHERE provider_id = $1', [providerId]))
    .rows[0];
  const payouts = await pool.query(
    'SELECT * FROM rm_payouts WHERE provider_id = $1 ORDER BY updated_at DESC, payout_id LIMIT $2',
    [providerId, recent],
  );
  const held = await pool.query(
    `SELECT escrow_id, subject_kind, subject_id, held_cents, frozen_by FROM rm_escrows
      WHERE payee_id = $1 AND held_cents > 0 ORDER BY updated_at DESC, escrow_id LIMIT $2`,
    [providerId, recent],
  );
  return {
    providerId,
    availableCents: int(w?.available_cents),
    heldInEscrowCents: int(w?.held_in_escrow_cents),
    inTransitCents: int(w?.in_transit_cents),
    paidOutCents: int(w?.paid_out_cents),
    creditedCents: int(w?.credited_cents),
    heldEscrows: held.rows.map((r) => ({
      escrowId: r.escrow_id,
      subject: { kind: r.subject_kind, id: r.subject_id },
      heldCents: int(r.held_cents),
      frozenByDispute: r.frozen_by,
    })),
    payouts: payouts.rows.map((r) => ({
      payoutId: r.payout_id,
      amountCents: int(r.amount_cents),
      status: r.status,
      statusLabel: r.status ? (PAYOUT_STATUS_LABELS[r.status as PayoutStatus] ?? r.status) : null,
      walletStatus: r.wallet_status,
      account: r.account_kind ? { kind: r.account_kind, hint: r.account_hint } : null,
      failureCode: r.failure_code,
      updatedAt: iso(r.updated_at),
    })),
  };
}
