import fc from 'fast-check';
import { DomainError } from '../shared';
import type { ProjectFeesCommand } from './project-fees.commands';
import { projectFeesDecider } from './project-fees.decider';
import { PROJECT_FEE_KINDS, type ProjectFeesEvent } from './project-fees.events';
import { chargeCommand, failed, refundCommand } from './project-fees.fixtures.spec';

type Step =
  | { type: 'charge'; kind: 0 | 1; amount: number; ref: number }
  | { type: 'fail'; kind: 0 | 1 }
  | { type: 'refund'; kind: 0 | 1; amount: number; id: number };

const kindIndex = fc.constantFrom(0 as const, 1 as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    type: fc.constant('charge' as const),
    kind: kindIndex,
    amount: fc.integer({ min: 1, max: 100_000 }),
    ref: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ type: fc.constant('fail' as const), kind: kindIndex }),
  fc.record({
    type: fc.constant('refund' as const),
    kind: kindIndex,
    amount: fc.integer({ min: 1, max: 60_000 }),
    id: fc.integer({ min: 0, max: 5 }),
  }),
);

function command(s: Step): ProjectFeesCommand {
  const kind = PROJECT_FEE_KINDS[s.kind];
  if (s.type === 'charge') return chargeCommand(kind, s.amount, `pi_${s.ref}`);
  if (s.type === 'refund') return refundCommand(s.amount, `refund-${s.id}`, kind);
  const f = failed(kind).data;
  return {
    type: 'RecordProjectFeeChargeFailure',
    data: {
      projectId: f.projectId,
      chargeId: f.chargeId,
      kind,
      payerId: f.payerId,
      amountCents: f.amountCents,
      code: f.code,
    },
    meta: { now: f.failedAt, actorId: 'system', actorRole: 'system' },
  };
}

describe('ProjectFees: any sequence of charges, failures and refunds', () => {
  it('charges each kind at most once and never refunds more than it charged', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = projectFeesDecider.initialState();
        const log: ProjectFeesEvent[] = [];
        for (const s of steps) {
          let events: ProjectFeesEvent[] = [];
          try {
            events = projectFeesDecider.decide(command(s), state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          for (const e of events) {
            state = projectFeesDecider.evolve(state, e);
            log.push(e);
          }
        }
        for (const kind of PROJECT_FEE_KINDS) {
          const charges = log.filter((e) => e.type === 'ProjectFeeCharged' && e.data.kind === kind);
          expect(charges.length).toBeLessThanOrEqual(1);
          const chargedCents = charges.reduce((sum, e) => sum + e.data.amountCents, 0);
          const refundedCents = log
            .filter((e) => e.type === 'ProjectFeeRefunded' && e.data.kind === kind)
            .reduce((sum, e) => sum + e.data.amountCents, 0);
          expect(refundedCents).toBeLessThanOrEqual(chargedCents);
          const line = state.lines[kind];
          expect(line?.chargedCents ?? 0).toBe(chargedCents);
          expect(line?.refundedCents ?? 0).toBe(refundedCents);
          // A refund only ever follows its charge.
          const firstRefund = log.findIndex(
            (e) => e.type === 'ProjectFeeRefunded' && e.data.kind === kind,
          );
          if (firstRefund >= 0) expect(log.indexOf(charges[0])).toBeLessThan(firstRefund);
        }
      }),
      { numRuns: 300 },
    );
  });
});
