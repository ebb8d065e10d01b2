import fc from 'fast-check';
import { CommandMeta, DomainError, percentOf, vatIncluded } from '../shared';
import {
  assertEscrowInvariant,
  EscrowCommand,
  escrowBalance,
  escrowDecider,
  EscrowEvent,
  EscrowState,
  REFUND_REASONS,
  RELEASE_REASONS,
} from './index';
import {
  asBuyer,
  asMediator,
  asSeller,
  asStranger,
  asSystem,
  openCommand,
} from './escrow.fixtures.spec';

/** Amounts are drawn relative to what is held at run time, so boundaries are hit often. */
type AmountSpec =
  { kind: 'abs'; value: number } | { kind: 'held'; delta: number } | { kind: 'half' };

const amountSpec: fc.Arbitrary<AmountSpec> = fc.oneof(
  fc.record({ kind: fc.constant('abs' as const), value: fc.integer({ min: -50, max: 20_000 }) }),
  fc.record({ kind: fc.constant('held' as const), delta: fc.constantFrom(0, 0, 0, -1, 1, -7) }),
  fc.record({ kind: fc.constant('half' as const) }),
);
/** `fitting` picks the actor the rules expect, so that most commands get past authorisation. */
type ActorSpec = CommandMeta | 'fitting';
const actor: fc.Arbitrary<ActorSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('fitting' as const) },
  { weight: 1, arbitrary: fc.constantFrom(asBuyer, asSeller, asSystem, asMediator, asStranger) },
);
const id = (prefix: string) =>
  fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`, `${prefix}4`);
/** `current` names the dispute that froze the escrow, if any. */
const disputeId = fc.constantFrom('current', 'current', 'd1', 'd2', 'd3');

type Step =
  | { type: 'fund'; trancheId: string; amount: AmountSpec; by: ActorSpec }
  | {
      type: 'release';
      releaseId: string;
      amount: AmountSpec;
      reason: string;
      disputeId: string;
      by: ActorSpec;
    }
  | {
      type: 'refund';
      refundId: string;
      amount: AmountSpec;
      reason: string;
      disputeId: string;
      by: ActorSpec;
    }
  | { type: 'freeze' | 'unfreeze'; disputeId: string; by: ActorSpec }
  | { type: 'reopen' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    type: fc.constant('fund' as const),
    trancheId: id('t'),
    amount: amountSpec,
    by: actor,
  }),
  fc.record({
    type: fc.constant('release' as const),
    releaseId: id('r'),
    amount: amountSpec,
    reason: fc.constantFrom(...RELEASE_REASONS),
    disputeId,
    by: actor,
  }),
  fc.record({
    type: fc.constant('refund' as const),
    refundId: id('f'),
    amount: amountSpec,
    reason: fc.constantFrom(...REFUND_REASONS),
    disputeId,
    by: actor,
  }),
  fc.record({
    type: fc.constantFrom('freeze' as const, 'unfreeze' as const),
    disputeId,
    by: actor,
  }),
  fc.record({ type: fc.constant('reopen' as const) }),
);

function amountOf(spec: AmountSpec, state: EscrowState): number {
  const held = escrowBalance(state).heldCents;
  if (spec.kind === 'abs') return spec.value;
  if (spec.kind === 'half') return Math.floor(held / 2);
  return held + spec.delta;
}

function fittingActor(s: Exclude<Step, { type: 'reopen' }>): CommandMeta {
  if (s.type === 'release') {
    if (s.reason === 'auto_accepted') return asSystem;
    return s.reason === 'decision' ? asMediator : asBuyer;
  }
  if (s.type === 'refund') return s.reason === 'decision' ? asMediator : asSystem;
  return s.type === 'unfreeze' ? asSystem : asBuyer;
}

function toCommand(s: Step, state: EscrowState): EscrowCommand {
  if (s.type === 'reopen') return openCommand({ trancheId: 't9' });
  const meta = s.by === 'fitting' ? fittingActor(s) : s.by;
  const dispute = (name: string) =>
    name === 'current' ? (state.status === 'frozen' ? state.disputeId : 'd1') : name;
  switch (s.type) {
    case 'fund':
      return {
        type: 'FundEscrow',
        data: { trancheId: s.trancheId, amountCents: amountOf(s.amount, state), paymentRef: 'pi' },
        meta,
      };
    case 'release':
    case 'refund': {
      const refs = { disputeId: dispute(s.disputeId), decisionId: 'dec' };
      const amountCents = amountOf(s.amount, state);
      return s.type === 'release'
        ? {
            type: 'ReleaseEscrow',
            data: { releaseId: s.releaseId, amountCents, reason: s.reason as never, ...refs },
            meta,
          }
        : {
            type: 'RefundEscrow',
            data: { refundId: s.refundId, amountCents, reason: s.reason as never, ...refs },
            meta,
          };
    }
    case 'freeze':
      return { type: 'FreezeEscrow', data: { disputeId: dispute(s.disputeId) }, meta };
    case 'unfreeze':
      return { type: 'UnfreezeEscrow', data: { disputeId: dispute(s.disputeId) }, meta };
  }
}

function checkEmitted(before: EscrowState, events: EscrowEvent[]): void {
  if (before.status === 'none') return;
  for (const event of events) {
    if (event.type === 'EscrowReleased') {
      const { amountCents, commissionCents, vatOnCommissionCents, payeeNetCents } = event.data;
      expect(amountCents).toBeGreaterThan(0);
      expect(commissionCents).toBe(percentOf(amountCents, before.commissionRateBp));
      expect(vatOnCommissionCents).toBe(vatIncluded(commissionCents));
      expect(commissionCents + payeeNetCents).toBe(amountCents);
    }
    if (
      (event.type === 'EscrowReleased' || event.type === 'EscrowRefunded') &&
      before.status === 'frozen'
    ) {
      // Frozen money moves only by the decision of the dispute that froze it.
      expect(event.data.reason).toBe('decision');
      expect(event.data.disputeId).toBe(before.disputeId);
    }
    if (event.type === 'EscrowFunded') {
      expect(before.status).not.toBe('frozen');
      // An order is paid once; a project by tranches; a mission tops up while held (a price raised by a change).
      if (before.subject.kind === 'order') expect(before.status).toBe('awaiting_funding');
      if (before.subject.kind === 'mission') expect(before.status).not.toBe('closed');
    }
  }
}

describe('Escrow — random command sequences (property)', () => {
  it.each(['order', 'mission', 'project'] as const)(
    'keeps funded = released + refunded + held for a %s',
    (kind) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 50_000 }),
          fc.constantFrom(0, 1000, 1500, 2000, 3333),
          fc.array(step, { maxLength: 40, size: 'max' }),
          (firstAmount, commissionRateBp, steps) => {
            const { decide, evolve, initialState } = escrowDecider;
            const opening = openCommand({
              subject: { kind, id: 'x' },
              amountCents: firstAmount,
              // A project's account is opened without commission (the platform lives off the fees).
              commissionRateBp: kind === 'project' ? 0 : commissionRateBp,
            });
            let state = decide(opening, initialState()).reduce(evolve, initialState());
            assertEscrowInvariant(state);
            let releasedByEvents = 0;
            for (const s of steps) {
              const command = toCommand(s, state);
              const snapshot = JSON.stringify(state);
              let events: EscrowEvent[];
              try {
                events = decide(command, state);
              } catch (error) {
                // A refusal is always a typed domain error and never touches the state.
                expect(error).toBeInstanceOf(DomainError);
                expect(JSON.stringify(state)).toBe(snapshot);
                continue;
              }
              expect(JSON.stringify(state)).toBe(snapshot);
              const before = state;
              checkEmitted(before, events);
              state = events.reduce(evolve, state);
              assertEscrowInvariant(state);
              const balance = escrowBalance(state);
              expect(balance.heldCents).toBeGreaterThanOrEqual(0);
              for (const e of events)
                if (e.type === 'EscrowReleased') releasedByEvents += e.data.amountCents;
              expect(balance.releasedCents).toBe(releasedByEvents);
              if (state.status !== 'none')
                expect(balance.commissionCents + state.payeeNetCents).toBe(balance.releasedCents);
              if (events.length > 0) {
                // Every accepted command is idempotent: sent again, it changes nothing.
                expect(decide(command, state)).toEqual([]);
              } else {
                expect(state).toBe(before);
              }
            }
          },
        ),
        { numRuns: 500 },
      );
    },
  );
});
