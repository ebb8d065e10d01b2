import fc from 'fast-check';
import { applyCreditEvent, CreditLedgerRows } from '../../projections/credits/credits.evolve';
import { DomainError } from '../shared';
import type { CreditsCommand } from './credits.commands';
import type { CreditsEvent } from './credits.events';
import { CreditsErrorCode as C } from './credits.errors';
import { spendKey, type CreditsState } from './credits.state';
import {
  accountId,
  asAdmin,
  asProvider,
  asSystem,
  credits,
  project,
} from './credits.fixtures.spec';
import { creditsDecider } from './index';
import { CREDIT_KINDS, type CreditAllowance, type CreditKind } from './plan.events';

type Step =
  | { type: 'grant'; grantId: string; amounts: CreditAllowance }
  | { type: 'bonus'; grantId: string; amounts: CreditAllowance }
  | { type: 'spend'; kind: CreditKind; subject: string }
  | { type: 'refund'; pick: number }
  | { type: 'freeze' | 'unfreeze'; sub: string }
  | { type: 'forfeit' };

const kind = fc.constantFrom(...CREDIT_KINDS);
const amounts = (max: number) =>
  fc.record({
    consultation: fc.integer({ min: 0, max }),
    offer: fc.integer({ min: 0, max }),
    direct_contact: fc.integer({ min: 0, max }),
  });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('grant' as const),
      grantId: fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5'),
      amounts: amounts(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('bonus' as const),
      grantId: fc.constantFrom('b1', 'b2', 'b3'),
      amounts: amounts(2),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('spend' as const),
      kind,
      subject: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('refund' as const), pick: fc.nat({ max: 20 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constantFrom('freeze' as const, 'unfreeze' as const),
      sub: fc.constantFrom('s1', 's2'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'forfeit' as const }) },
);

function commandOf(s: Step, state: CreditsState, spent: string[]): CreditsCommand {
  switch (s.type) {
    case 'grant':
      return {
        type: 'GrantCredits',
        data: {
          accountId,
          grantId: s.grantId,
          credits: s.amounts,
          source: 'subscription',
          subscriptionId: 's1',
          period: 1,
          reason: null,
        },
        meta: asSystem,
      };
    case 'bonus':
      return {
        type: 'GrantCredits',
        data: {
          accountId,
          grantId: s.grantId,
          credits: s.amounts,
          source: 'bonus',
          subscriptionId: null,
          period: null,
          reason: 'Promotion',
        },
        meta: asAdmin,
      };
    case 'spend': {
      const generation =
        state.status === 'none'
          ? 0
          : (state.spendCounts[spendKey(s.kind, project(s.subject))] ?? 0);
      return {
        type: 'SpendCredit',
        data: {
          accountId,
          spendId: `${s.kind}|${s.subject}|${generation}`,
          kind: s.kind,
          subject: project(s.subject),
        },
        meta: asProvider,
      };
    }
    case 'refund':
      return {
        type: 'RefundCredit',
        data: { accountId, spendId: spent[s.pick] ?? 'unknown', reason: 'spent_twice', note: null },
        meta: asAdmin,
      };
    case 'freeze':
    case 'unfreeze':
      return {
        type: s.type === 'freeze' ? 'FreezeCredits' : 'UnfreezeCredits',
        data: { accountId, subscriptionId: s.sub },
        meta: asSystem,
      };
    case 'forfeit':
      return { type: 'ForfeitCredits', data: { accountId }, meta: asSystem };
  }
}

/** grants − spends + refunds − forfeits per kind, summed from the events alone. */
function ledgerSum(events: CreditsEvent[]): CreditAllowance {
  const sum = credits();
  for (const e of events) {
    if (e.type === 'CreditsGranted') for (const k of CREDIT_KINDS) sum[k] += e.data.credits[k];
    if (e.type === 'CreditSpent') sum[e.data.kind] -= e.data.amount;
    if (e.type === 'CreditRefunded') sum[e.data.kind] += e.data.amount;
    if (e.type === 'CreditsForfeited') for (const k of CREDIT_KINDS) sum[k] -= e.data.credits[k];
  }
  return sum;
}

describe('credit ledger properties (fast-check)', () => {
  it('never goes negative; balance = grants − spends + refunds − forfeits; the read model agrees', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let state = creditsDecider.initialState();
        const log: CreditsEvent[] = [];
        const spent: string[] = [];
        const rows: CreditLedgerRows = { account: undefined, balances: {} };
        for (const s of steps) {
          const command = commandOf(s, state, spent);
          let events: CreditsEvent[];
          try {
            events = creditsDecider.decide(command, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            // A spend is refused only for a reason the state shows.
            if (command.type === 'SpendCredit' && state.status === 'open') {
              const code = (error as DomainError).code;
              if (code === C.INSUFFICIENT_CREDITS) expect(state.balance[command.data.kind]).toBe(0);
              if (code === C.CREDITS_FROZEN) expect(state.frozenBy.length).toBeGreaterThan(0);
            }
            continue;
          }
          for (const e of events) {
            state = creditsDecider.evolve(state, e);
            log.push(e);
            if (e.type === 'CreditSpent') spent.push(e.data.spendId);
            applyCreditEvent(
              rows,
              {
                id: `e${log.length}`,
                revision: BigInt(log.length - 1),
                type: e.type,
                data: e.data,
                actorId: null,
              },
              '2026-05-01T00:00:00.000Z',
            );
          }
          const balance = state.status === 'none' ? credits() : state.balance;
          for (const k of CREDIT_KINDS) {
            expect(balance[k]).toBeGreaterThanOrEqual(0);
            const row = rows.balances[k];
            expect(row?.balance ?? 0).toBe(balance[k]);
            if (row)
              expect(row.balance).toBe(row.granted - row.spent + row.refunded - row.forfeited);
          }
          expect(balance).toEqual(ledgerSum(log));
          if (state.status !== 'none')
            expect(rows.account?.frozen_by.length ?? 0).toBe(
              state.status === 'open' ? state.frozenBy.length : 0,
            );
        }
        // Each subject holds at most one unrefunded spend per kind.
        const holding = new Map<string, number>();
        for (const e of log) {
          if (e.type === 'CreditSpent') {
            const key = spendKey(e.data.kind, e.data.subject);
            holding.set(key, (holding.get(key) ?? 0) + 1);
            expect(holding.get(key)).toBe(1);
          }
          if (e.type === 'CreditRefunded') {
            const key = spendKey(e.data.kind, e.data.subject);
            holding.set(key, (holding.get(key) ?? 0) - 1);
          }
        }
      }),
      { numRuns: 400, seed: 15_004 },
    );
  });
});
