import fc from 'fast-check';
import { DomainError } from '../shared';
import {
  assertWalletInvariant,
  walletBalance,
  WalletCommand,
  walletDecider,
  WalletEvent,
} from './index';
import { asOwner, asSystem, BANK, PROVIDER } from './payouts.fixtures.spec';

const payoutId = fc.constantFrom('po-1', 'po-2', 'po-3');
const register: WalletCommand = {
  type: 'RegisterWithdrawalAccount',
  data: { providerId: PROVIDER, ...BANK },
  meta: asOwner,
};
const command: fc.Arbitrary<WalletCommand> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        creditId: fc.constantFrom('cr-1', 'cr-2', 'cr-3', 'cr-4', 'cr-5', 'cr-6'),
        amountCents: fc.integer({ min: -5, max: 5000 }),
      })
      .map(({ creditId, amountCents }): WalletCommand => ({
        type: 'CreditWallet',
        data: { providerId: PROVIDER, creditId, escrowId: 'esc', amountCents },
        meta: asSystem,
      })),
  },
  { weight: 1, arbitrary: fc.constant(register) },
  {
    weight: 3,
    arbitrary: fc
      .record({ payoutId, amountCents: fc.integer({ min: 0, max: 4000 }) })
      .map(({ payoutId, amountCents }): WalletCommand => ({
        type: 'ReserveWithdrawal',
        data: { providerId: PROVIDER, payoutId, amountCents, accountId: BANK.accountId },
        meta: asOwner,
      })),
  },
  {
    weight: 2,
    arbitrary: payoutId.map((id): WalletCommand => ({
      type: 'ReturnFailedPayout',
      data: { providerId: PROVIDER, payoutId: id },
      meta: asSystem,
    })),
  },
  {
    weight: 2,
    arbitrary: payoutId.map((id): WalletCommand => ({
      type: 'ConfirmPayout',
      data: { providerId: PROVIDER, payoutId: id },
      meta: asSystem,
    })),
  },
);

describe('Wallet — random command sequences (property)', () => {
  it('keeps credited = available + in transit + paid out, never negative, and pays each payout once', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(command, { maxLength: 60, size: 'max' }),
        (registerFirst, commands) => {
          let state = walletDecider.initialState();
          if (registerFirst)
            state = walletDecider.decide(register, state).reduce(walletDecider.evolve, state);
          const moved: Record<string, number> = {};
          for (const c of commands) {
            let events: WalletEvent[];
            try {
              events = walletDecider.decide(c, state);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              continue;
            }
            state = events.reduce(walletDecider.evolve, state);
            assertWalletInvariant(state);
            for (const e of events) {
              if (e.type === 'WalletPayoutReturned' || e.type === 'WalletPayoutSettled') {
                expect(moved[e.data.payoutId]).toBeUndefined();
                moved[e.data.payoutId] = e.data.amountCents;
              }
            }
            if (events.length > 0) expect(walletDecider.decide(c, state)).toEqual([]);
          }
          expect(walletBalance(state).availableCents).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
