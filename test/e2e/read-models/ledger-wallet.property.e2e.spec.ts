import fc from 'fast-check';
import { StreamNotFoundError } from '../../../src/application/shared/event-store.port';
import { escrowDecider, EscrowEvent } from '../../../src/domain/escrow';
import { walletBalance, walletDecider, WalletEvent } from '../../../src/domain/payouts';
import { fold } from '../../../src/domain/shared';
import { trialBalance } from '../../../src/projections/ledger/ledger.queries';
import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import { Harness, startHarness } from './support/harness';
import { MarketplaceSim } from './support/marketplace-sim';
import { appendLog } from './support/sim-core';

describe('finance ledger and wallets, property-based', () => {
  let h: Harness;
  let runner: ProjectionRunner;
  beforeAll(async () => {
    h = await startHarness();
    runner = h.runner();
    runner.start();
  });
  afterAll(async () => h.close());

  async function stream<E>(name: string): Promise<E[]> {
    try {
      return (await h.store.readStream(name)).map((e) => ({ type: e.type, data: e.data }) as E);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async function partyBalance(account: string, partyId: string): Promise<number> {
    const { rows } = await h.pool.query(
      'SELECT coalesce(sum(credit_cents - debit_cents), 0)::bigint AS b FROM journal_lines WHERE account = $1 AND party_id = $2',
      [account, partyId],
    );
    return Number(rows[0].b);
  }

  it('keeps the trial balance at zero and every wallet equal to the balance folded from its stream', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 40, max: 250 }),
        async (seed, steps) => {
          const sim = MarketplaceSim.run(seed, steps);
          await appendLog(h.store, sim.log);
          await runner.caughtUp();

          const tb = await trialBalance(h.pool);
          expect({
            total: tb.totals.balanceCents,
            unbalanced: tb.unbalancedEntries,
            balanced: tb.balanced,
          }).toEqual({ total: 0, unbalanced: 0, balanced: true });

          const heldByPayee = new Map<string, number>();
          for (const o of sim.orders) {
            const escrow = fold(escrowDecider, await stream<EscrowEvent>(`escrow-${o.escrowId}`));
            if (escrow.status !== 'none')
              heldByPayee.set(
                escrow.payeeId,
                (heldByPayee.get(escrow.payeeId) ?? 0) + escrow.heldCents,
              );
          }
          for (const seller of sim.sellers) {
            const balance = walletBalance(
              fold(walletDecider, await stream<WalletEvent>(`wallet-${seller}`)),
            );
            const { rows } = await h.pool.query('SELECT * FROM rm_wallets WHERE provider_id = $1', [
              seller,
            ]);
            const row = rows[0];
            expect({
              credited: Number(row?.credited_cents ?? 0),
              available: Number(row?.available_cents ?? 0),
              inTransit: Number(row?.in_transit_cents ?? 0),
              paidOut: Number(row?.paid_out_cents ?? 0),
              held: Number(row?.held_in_escrow_cents ?? 0),
            }).toEqual({
              credited: balance.creditedCents,
              available: balance.availableCents,
              inTransit: balance.inTransitCents,
              paidOut: balance.paidOutCents,
              held: heldByPayee.get(seller) ?? 0,
            });
            // Every release was credited, so the ledger owes each provider exactly the wallet's balances.
            expect(await partyBalance('provider_payable', seller)).toBe(balance.availableCents);
            expect(await partyBalance('payouts_in_transit', seller)).toBe(balance.inTransitCents);
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
