import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { RowBuffer } from '../runner/row-buffer';
import { applyEscrow, applyPayout, applyWallet } from './wallets.evolve';
import { ESCROWS, PAYOUTS, WALLETS, WALLETS_TABLES } from './wallets.tables';

export const ESCROW_EVENT_TYPES = [
  'EscrowOpened',
  'EscrowFunded',
  'EscrowReleased',
  'EscrowRefunded',
  'EscrowFrozen',
  'EscrowUnfrozen',
] as const;
export const WALLET_EVENT_TYPES = [
  'WalletCredited',
  'WithdrawalAccountRegistered',
  'WalletDebitedForPayout',
  'WalletPayoutReturned',
  'WalletPayoutSettled',
] as const;
export const PAYOUT_EVENT_TYPES = [
  'PayoutRequested',
  'PayoutSubmitted',
  'PayoutSent',
  'PayoutFailed',
] as const;

const ESCROW = new Set<string>(ESCROW_EVENT_TYPES);
const WALLET = new Set<string>(WALLET_EVENT_TYPES);
const PAYOUT = new Set<string>(PAYOUT_EVENT_TYPES);

/** Seller wallet: available, in transit and paid out (the wallet stream), held in escrow (escrows naming the seller as payee). */
export class WalletsProjection implements Projection {
  readonly name = 'wallets';
  readonly version = 1;
  readonly handles = [
    ...ESCROW_EVENT_TYPES,
    ...WALLET_EVENT_TYPES,
    ...PAYOUT_EVENT_TYPES,
    'AccountErased',
  ];
  readonly tables = WALLETS_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const wallets = new RowBuffer(WALLETS, tx, false, session);
    const escrows = new RowBuffer(ESCROWS, tx, false, session);
    const payouts = new RowBuffer(PAYOUTS, tx, false, session);
    const d = (e: RecordedEvent) => e.data as Record<string, string>;
    await escrows.prefetch(events.filter((e) => ESCROW.has(e.type)).map((e) => d(e).escrowId));
    await payouts.prefetch(
      events.filter((e) => WALLET.has(e.type) || PAYOUT.has(e.type)).map((e) => d(e).payoutId),
    );
    const providers = events
      .filter((e) => WALLET.has(e.type) || PAYOUT.has(e.type))
      .map((e) => d(e).providerId);
    for (const e of events) if (e.type === 'EscrowOpened') providers.push(d(e).payeeId);
    for (const row of escrows.touched()) providers.push(row.payee_id);
    await wallets.prefetch(providers);
    for (const event of events) {
      const at = occurredAt(event);
      if (ESCROW.has(event.type)) applyEscrow(wallets, escrows, event, at);
      else if (WALLET.has(event.type)) applyWallet(wallets, payouts, event, at);
      else if (PAYOUT.has(event.type)) applyPayout(payouts, event, at);
      else if (event.type === 'AccountErased') {
        await payouts.flush();
        // A PayPal hint shows part of the address; a bank hint is the non-personal IBAN mask.
        await tx.query(
          `UPDATE payouts SET account_hint = NULL WHERE provider_id = $1 AND account_kind IS DISTINCT FROM 'bank'`,
          [d(event).accountId],
        );
        for (const p of payouts.loaded())
          if (p.provider_id === d(event).accountId && p.account_kind !== 'bank')
            p.account_hint = null;
      }
    }
    await wallets.flush();
    await escrows.flush();
    await payouts.flush();
  }
}
