import fc from 'fast-check';
import { CommandMeta, DomainError, percentOf } from '../shared';
import { missionDecider } from './index';
import { MissionCommand } from './mission.commands';
import {
  MissionCandidate,
  MissionEvent,
  MissionStatus,
  TERMINAL_MISSION_STATUSES,
} from './mission.events';
import { amounts, as, command, ids, proposedTerms, times } from './mission.fixtures.spec';
import { MissionState } from './mission.state';

/**
 * The money model, derived from the events alone (not from the decider's state): what the
 * mission reserves, what the card authorisation holds, and where the money went.
 */
interface Money {
  reservedCents: number;
  authorisedCents: number;
  /** Charged at validation. */
  capturedCents: number;
  /** Given back to the client: cancellation refunds, dispute refunds. */
  refundedCents: number;
  /** Kept from the client for the provider on a late cancellation. */
  feeCents: number;
  /** Paid to the provider by a dispute decision. */
  releasedCents: number;
  validations: number;
  status: MissionStatus | 'none';
}

const noMoney = (): Money => ({
  reservedCents: 0,
  authorisedCents: 0,
  capturedCents: 0,
  refundedCents: 0,
  feeCents: 0,
  releasedCents: 0,
  validations: 0,
  status: 'none',
});

const isCents = (value: number) => Number.isSafeInteger(value) && value >= 0;

/** Folds one event into the model, checking what each event says about money on the way. */
function applyMoney(money: Money, event: MissionEvent): Money {
  const next = { ...money };
  switch (event.type) {
    case 'MissionRequested':
      next.status = 'pending';
      next.reservedCents = event.data.reservedCents;
      expect(event.data.reservedCents).toBe(
        Math.max(...event.data.candidates.map((c) => c.priceCents)),
      );
      break;
    case 'MissionRequestChanged':
      expect(event.data.previousReservedCents).toBe(money.reservedCents);
      next.reservedCents = event.data.reservedCents;
      break;
    case 'MissionConfirmed': {
      const { priceCents, commissionCents, providerNetCents, releasedReservationCents } =
        event.data;
      expect(releasedReservationCents).toBe(money.reservedCents - priceCents);
      expect(commissionCents + providerNetCents).toBe(priceCents);
      next.status = 'confirmed';
      next.reservedCents = priceCents;
      break;
    }
    case 'MissionChangeAccepted': {
      const { priceCents, commissionCents, providerNetCents, previousPriceCents } = event.data;
      expect(previousPriceCents).toBe(money.reservedCents);
      expect(commissionCents + providerNetCents).toBe(priceCents);
      next.reservedCents = priceCents;
      break;
    }
    case 'MissionPaymentAuthorised':
      next.authorisedCents = event.data.amountCents;
      break;
    case 'MissionValidated':
      expect(event.data.priceCents).toBe(money.reservedCents);
      expect(event.data.commissionCents + event.data.providerNetCents).toBe(event.data.priceCents);
      next.capturedCents += event.data.priceCents;
      next.validations += 1;
      next.status = 'validated';
      break;
    case 'MissionCancelled':
      next.feeCents += event.data.feeCents;
      next.refundedCents += event.data.refundCents;
      // Everything authorised is accounted for: the fee to the provider, the rest to the client.
      expect(event.data.feeCents + event.data.refundCents).toBe(money.authorisedCents);
      if (event.data.cancelledBy !== 'client' || event.data.from === 'pending')
        expect(event.data.feeCents).toBe(0);
      next.status = 'cancelled';
      break;
    case 'MissionProblemReported':
      next.status = 'disputed';
      break;
    case 'MissionDisputeClosed':
      next.releasedCents += event.data.releasedToProviderCents;
      next.refundedCents += event.data.refundedToClientCents;
      next.status = event.data.outcome === 'decided' ? 'resolved' : 'confirmed';
      break;
    case 'MissionExpired':
      next.status = 'expired';
      break;
    default:
      break;
  }
  return next;
}

function checkMoney(money: Money): void {
  for (const value of [
    money.reservedCents,
    money.authorisedCents,
    money.capturedCents,
    money.refundedCents,
    money.feeCents,
    money.releasedCents,
  ])
    expect(isCents(value)).toBe(true);
  // Captured only at validation, once, never beyond what the card holds.
  expect(money.validations).toBeLessThanOrEqual(1);
  if (money.validations === 0) expect(money.capturedCents).toBe(0);
  expect(
    money.capturedCents + money.refundedCents + money.feeCents + money.releasedCents,
  ).toBeLessThanOrEqual(money.authorisedCents);
}

// ---- random steps -----------------------------------------------------------------------------

const providers = [ids.provider1, ids.provider2, ids.provider3, 'provider-4'];
const instants = [
  times.requestedAt,
  times.now,
  times.respondBy,
  times.afterRespondBy,
  times.dayBeforeStart,
  times.startsAt,
  times.afterStart,
  times.autoValidateAt,
  times.afterAutoValidate,
];
const actorAt = (who: string, now: string): CommandMeta => {
  if (who === 'client') return as.client(now);
  if (who === 'system') return as.system(now);
  if (who === 'mediator') return as.mediator(now);
  if (who === 'outsider') return as.outsider(now);
  return { actorId: who, actorRole: 'provider', now };
};

const candidateList: fc.Arbitrary<MissionCandidate[]> = fc
  .uniqueArray(fc.constantFrom(...providers.slice(0, 3)), { minLength: 1, maxLength: 3 })
  .chain((chosen) =>
    fc.tuple(
      ...chosen.map((providerId, index) =>
        fc.integer({ min: 1_000, max: 20_000 }).map((priceCents): MissionCandidate => ({
          providerId,
          rank: index + 1,
          pricing: { kind: 'fixed' },
          priceCents,
        })),
      ),
    ),
  );

type Step =
  | { kind: 'accept'; who: string; pick: number; verified: boolean }
  | { kind: 'refuse'; who: string; pick: number }
  | { kind: 'change'; candidates: MissionCandidate[] }
  | { kind: 'propose'; priceCents: number; proposalId: string }
  | { kind: 'answerChange'; answer: 'accept' | 'refuse' | 'withdraw'; proposalId: string }
  | { kind: 'authorise'; delta: number; paymentRef: string }
  | { kind: 'fail'; attempt: number; last: boolean }
  | { kind: 'replace'; ref: string }
  | { kind: 'post'; who: string }
  | { kind: 'cancel'; who: string; window: number; feeBp: number }
  | { kind: 'expire' }
  | { kind: 'validate'; by: 'client' | 'system' }
  | { kind: 'report'; who: string; disputeId: string }
  | {
      kind: 'close';
      outcome: 'withdrawn' | 'decided';
      providerShare: number;
      clientShare: number;
      disputeId: string;
    }
  | { kind: 'appreciate'; value: number }
  | { kind: 'recommend' };

const party = fc.constantFrom('client', ids.provider1, ids.provider2, ids.provider3, 'outsider');
const share = fc.constantFrom(0, 0.25, 0.5, 1, 1.01);
const dispute = fc.constantFrom('dispute-1', 'dispute-1', 'dispute-2');

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('accept' as const),
      pick: fc.nat(2),
      who: fc.oneof(
        { weight: 6, arbitrary: fc.constant('candidate') },
        { weight: 1, arbitrary: fc.constantFrom(...providers, 'client') },
      ),
      verified: fc.constantFrom(true, true, true, false),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refuse' as const),
      pick: fc.nat(2),
      who: fc.oneof(
        { weight: 3, arbitrary: fc.constant('candidate') },
        { weight: 1, arbitrary: fc.constantFrom(...providers) },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('change' as const), candidates: candidateList }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('propose' as const),
      priceCents: fc.integer({ min: 1_000, max: 25_000 }),
      proposalId: fc.constantFrom('p1', 'p2'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('answerChange' as const),
      answer: fc.constantFrom('accept' as const, 'refuse' as const, 'withdraw' as const),
      proposalId: fc.constantFrom('p1', 'p1', 'p2'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('authorise' as const),
      delta: fc.constantFrom(0, 0, 500, -1),
      paymentRef: fc.constantFrom('pi1', 'pi2', 'pi3'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fail' as const),
      attempt: fc.integer({ min: 1, max: 3 }),
      last: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      ref: fc.constantFrom('pm2', 'pm3'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('post' as const), who: party }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      who: fc.constantFrom('client', 'system', ids.provider1, ids.provider2),
      window: fc.constantFrom(0, 24, 48),
      feeBp: fc.constantFrom(0, 3_000, 5_000, 10_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('validate' as const),
      by: fc.constantFrom('client' as const, 'system' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('report' as const), who: party, disputeId: dispute }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      outcome: fc.constantFrom('withdrawn' as const, 'decided' as const),
      providerShare: share,
      clientShare: share,
      disputeId: dispute,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('appreciate' as const),
      value: fc.constantFrom(-2, -1, 0, 1, 2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recommend' as const) }) },
);

/** Each command mostly comes when it would in real life; sometimes at any other instant. */
function fittingTime(step: Step): string {
  switch (step.kind) {
    case 'authorise':
    case 'fail':
    case 'replace':
    case 'cancel':
      return times.dayBeforeStart;
    case 'expire':
      return times.afterRespondBy;
    case 'validate':
      return step.by === 'client' ? times.afterStart : times.afterAutoValidate;
    case 'report':
      return times.afterStart;
    case 'close':
    case 'appreciate':
    case 'recommend':
      return times.afterAutoValidate;
    default:
      return times.now;
  }
}

/** `candidate` stands for one of the request's current candidates. */
function candidateOf(who: string, pick: number, state: MissionState): string {
  if (who !== 'candidate' || state.status === 'none') return who;
  const { candidates } = state;
  return candidates[pick % candidates.length].providerId;
}

function toCommand(step: Step, state: MissionState, now: string): MissionCommand {
  const meta = (who: string) => actorAt(who, now);
  const authorisedCents =
    state.status === 'none' ? 0 : (state.payment.authorised?.amountCents ?? 0);
  switch (step.kind) {
    case 'accept':
      return command.accept(meta(candidateOf(step.who, step.pick, state)), {
        providerVerified: step.verified,
      });
    case 'refuse':
      return command.refuse(meta(candidateOf(step.who, step.pick, state)));
    case 'change':
      return command.change(meta('client'), { candidates: step.candidates });
    case 'propose':
      return command.propose(meta('client'), {
        proposalId: step.proposalId,
        priceCents: step.priceCents,
        proposed: { ...proposedTerms, details: `${proposedTerms.details} ${step.priceCents}` },
      });
    case 'answerChange': {
      const data = { proposalId: step.proposalId };
      if (step.answer === 'withdraw') return command.withdrawChange(meta('client'), data);
      if (step.answer === 'refuse') return command.refuseChange(meta(ids.provider1), data);
      return command.acceptChange(
        meta(
          state.status !== 'none' && 'provider' in state && state.provider
            ? state.provider.providerId
            : ids.provider1,
        ),
        { ...data, authoriseAt: now },
      );
    }
    case 'authorise': {
      const needed =
        state.status === 'none'
          ? 1
          : 'provider' in state && state.provider
            ? state.provider.priceCents
            : state.reservedCents;
      return command.authorise(meta('system'), {
        paymentRef: step.paymentRef,
        amountCents: needed + step.delta,
      });
    }
    case 'fail':
      return command.authorisationFailure(meta('system'), {
        attempt: step.attempt,
        nextAttemptAt: step.last ? undefined : times.dayBeforeStart,
      });
    case 'replace':
      return command.replacePaymentMethod(meta('client'), { paymentMethodRef: step.ref });
    case 'post':
      return command.post(meta(step.who));
    case 'cancel':
      return command.cancel(meta(step.who), {
        lateWindowHours: step.window,
        lateFeeBp: step.feeBp,
      });
    case 'expire':
      return command.expire(meta('system'));
    case 'validate':
      return command.validate(meta(step.by));
    case 'report':
      return command.report(meta(step.who), { disputeId: step.disputeId });
    case 'close':
      return command.closeDispute(meta('mediator'), {
        disputeId: step.disputeId,
        outcome: step.outcome,
        releasedToProviderCents:
          step.outcome === 'withdrawn' ? 0 : Math.floor(authorisedCents * step.providerShare),
        refundedToClientCents:
          step.outcome === 'withdrawn' ? 0 : Math.floor(authorisedCents * step.clientShare),
      });
    case 'appreciate':
      return command.appreciate(meta('client'), { appreciation: step.value as never });
    case 'recommend':
      return command.recommend(meta('client'));
  }
}

const isTerminal = (status: string) =>
  (TERMINAL_MISSION_STATUSES as readonly string[]).includes(status);

describe('Mission — random command sequences (property)', () => {
  it('keeps the money model sound, never leaves a terminal status, and keeps the status consistent', () => {
    const { decide, evolve, initialState } = missionDecider;
    fc.assert(
      fc.property(
        fc.constantFrom('authorise_now' as const, 'authorise_later' as const),
        candidateList,
        fc.array(fc.tuple(stepArb, fc.option(fc.constantFrom(...instants), { freq: 3 })), {
          minLength: 5,
          maxLength: 30,
          size: 'max',
        }),
        fc.boolean(),
        (paymentPlan, candidates, steps, acceptAtOnce) => {
          const request = command.request(as.client(times.requestedAt), {
            paymentPlan,
            authoriseAt: paymentPlan === 'authorise_now' ? times.requestedAt : times.dayBeforeStart,
            candidates,
          });
          const published = decide(request, initialState());
          // Half the runs start with the first candidate's acceptance, to reach the later statuses.
          const opened = acceptAtOnce
            ? [
                ...published,
                ...decide(
                  command.accept(actorAt(candidates[0].providerId, times.now)),
                  published.reduce(evolve, initialState()),
                ),
              ]
            : published;
          let state = opened.reduce(evolve, initialState());
          let money = opened.reduce(applyMoney, noMoney());
          for (const [step, at] of steps) {
            const cmd = toCommand(step, state, at ?? fittingTime(step));
            const snapshot = JSON.stringify(state);
            let events: MissionEvent[];
            try {
              events = decide(cmd, state);
            } catch (error) {
              // A refusal is a typed domain error with a stable code and leaves the state as it was.
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toMatch(/^[A-Z_]+$/);
              expect(JSON.stringify(state)).toBe(snapshot);
              continue;
            }
            expect(JSON.stringify(state)).toBe(snapshot);
            const before = state;
            state = events.reduce(evolve, state);
            money = events.reduce(applyMoney, money);
            checkMoney(money);
            // The status the events tell is the status the state holds.
            expect(state.status).toBe(money.status);
            // No transition out of a terminal status.
            if (isTerminal(before.status)) expect(state.status).toBe(before.status);
            // Nothing is captured or paid to the provider before the provider took the mission.
            if (state.status !== 'none' && !('provider' in state && state.provider))
              expect(money.capturedCents + money.releasedCents + money.feeCents).toBe(0);
            for (const event of events) {
              if (event.type === 'MissionConfirmed' || event.type === 'MissionChangeAccepted')
                expect(event.data.commissionCents).toBe(
                  percentOf(event.data.priceCents, amounts.commissionRateBp),
                );
            }
          }
          // At the end of the road, every cent the card held is accounted for.
          if (state.status === 'cancelled')
            expect(money.feeCents + money.refundedCents).toBe(money.authorisedCents);
          if (state.status === 'validated')
            expect(money.capturedCents).toBeLessThanOrEqual(money.authorisedCents);
        },
      ),
      { numRuns: 300 },
    );
  });
});
