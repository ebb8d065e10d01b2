import fc from 'fast-check';
import { decisionDistribution } from '../disputes';
import {
  assertEscrowInvariant,
  EscrowCommand,
  escrowDecider,
  EscrowEvent,
  EscrowState,
  refundDraws,
} from '../escrow';
import { CommandMeta, DomainError } from '../shared';
import { emptyAccount, evolveAccount, ProjectAccount } from './project-account';

const NOW = '2026-12-01T10:00:00.000Z';
const CLIENT = 'client-1';
const PROVIDER = 'provider-1';
const as = (actorId: string, actorRole: CommandMeta['actorRole']): CommandMeta => ({
  now: NOW,
  actorId,
  actorRole,
});
const asClient = as(CLIENT, 'client');
const asProvider = as(PROVIDER, 'provider');
const asMediator = as('mediator-1', 'mediator');
const asSystem = as('worker', 'system');

type Step =
  | { type: 'fund'; amountCents: number }
  | { type: 'release'; pick: number }
  | { type: 'dispute'; byProvider: boolean }
  | { type: 'withdraw' }
  | { type: 'decide'; outcome: string; refundCents: number; releaseCents: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('fund' as const),
      amountCents: fc.integer({ min: -10, max: 400_000 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('release' as const), pick: fc.nat(9) }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('dispute' as const), byProvider: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('withdraw' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('decide' as const),
      outcome: fc.constantFrom('full_refund', 'pay_seller', 'partial_refund', 'split'),
      refundCents: fc.integer({ min: 0, max: 600_000 }),
      releaseCents: fc.integer({ min: 0, max: 600_000 }),
    }),
  },
);

/**
 * Issue 17, done when: random R0 sequences (fund, release, dispute, decision) on a project's
 * account, through the escrow decider and the SMA's distribution rule as the application runs
 * them. The account is never negative, released ≤ funded ≤ agreed, a decision never distributes
 * more than the account held when the dispute opened, money is conserved and no commission is
 * ever taken. The account fold the read model uses agrees with the escrow at every step.
 */
describe('R0 account — random sequences of funding, release, dispute and decision (property)', () => {
  it('keeps the account whole and bounded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(0, 0, 0, 1_000, 1_500),
        fc.array(step, { maxLength: 40, size: 'max' }),
        (agreedCents, askedRateBp, steps) => {
          const { decide, evolve, initialState } = escrowDecider;
          let state: EscrowState = initialState();
          let account: ProjectAccount = emptyAccount();
          let tranches = 0;
          let dispute: { id: string; heldAtOpening: number } | null = null;
          let disputes = 0;
          let rateBp = askedRateBp;
          const log: EscrowEvent[] = [];
          const run = (command: EscrowCommand): EscrowEvent[] | null => {
            try {
              const events = decide(command, state);
              state = events.reduce(evolve, state);
              log.push(...events);
              account = events.reduce((a, e) => evolveAccount(a, e, NOW), account);
              return events;
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              return null;
            }
          };

          for (const s of steps) {
            const frozenBefore = state.status === 'frozen';
            switch (s.type) {
              case 'fund': {
                const trancheId = `t${++tranches}`;
                const data = {
                  trancheId,
                  amountCents: s.amountCents,
                  paymentRef: `pi_${trancheId}`,
                  label: `Tranche ${tranches}`,
                  maxFundedCents: agreedCents,
                };
                const fundedBefore = state.status === 'none' ? 0 : state.fundedCents;
                const events = run(
                  state.status === 'none'
                    ? {
                        type: 'OpenEscrow',
                        data: {
                          ...data,
                          escrowId: 'esc-p1',
                          subject: { kind: 'project', id: 'p1' },
                          payerId: CLIENT,
                          payeeId: PROVIDER,
                          // Whatever rate a caller asks, a project's account takes none.
                          commissionRateBp: rateBp,
                        },
                        meta: asClient,
                      }
                    : { type: 'FundEscrow', data, meta: asClient },
                );
                if (rateBp > 0) {
                  // Refused with a commission; the next opening asks 0, as the application does.
                  expect(events).toBeNull();
                  rateBp = 0;
                  break;
                }
                // Nothing is funded while a dispute freezes the account, nor beyond the agreed amount.
                if (frozenBefore || fundedBefore + s.amountCents > agreedCents)
                  expect(events).toBeNull();
                break;
              }
              case 'release': {
                const tranche = account.tranches[s.pick % Math.max(account.tranches.length, 1)];
                if (!tranche) break;
                const events = run({
                  type: 'ReleaseEscrow',
                  data: {
                    releaseId: `release-${tranche.trancheId}`,
                    amountCents: tranche.amountCents,
                    reason: 'tranche_released',
                    trancheId: tranche.trancheId,
                  },
                  meta: asClient,
                });
                // No money moves while frozen (a repeat of an earlier release is answered with nothing).
                if (frozenBefore) expect(events ?? []).toEqual([]);
                break;
              }
              case 'dispute': {
                if (state.status !== 'held' || dispute) break;
                const id = `d${++disputes}`;
                const held = state.heldCents;
                const events = run({
                  type: 'FreezeEscrow',
                  data: { disputeId: id },
                  meta: s.byProvider ? asProvider : asClient,
                });
                if (events?.length) dispute = { id, heldAtOpening: held };
                break;
              }
              case 'withdraw': {
                if (!dispute || state.status !== 'frozen') break;
                run({ type: 'UnfreezeEscrow', data: { disputeId: dispute.id }, meta: asSystem });
                dispute = null;
                break;
              }
              case 'decide': {
                if (!dispute || state.status !== 'frozen') break;
                // The application's bound: what the account held when the dispute opened.
                const bound = Math.min(state.heldCents, dispute.heldAtOpening);
                let distribution;
                try {
                  distribution = decisionDistribution(
                    s.outcome,
                    bound,
                    s.refundCents,
                    s.releaseCents,
                  );
                } catch (error) {
                  expect(error).toBeInstanceOf(DomainError);
                  // A decision asking more than the account held is always refused.
                  break;
                }
                expect(distribution.refundCents + distribution.releaseCents).toBe(bound);
                expect(bound).toBeLessThanOrEqual(dispute.heldAtOpening);
                const refs = { disputeId: dispute.id, decisionId: `dec-${dispute.id}` };
                const releasedBefore = state.releasedCents;
                if (distribution.refundCents > 0)
                  expect(
                    run({
                      type: 'RefundEscrow',
                      data: {
                        refundId: `refund-${dispute.id}`,
                        amountCents: distribution.refundCents,
                        reason: 'decision',
                        ...refs,
                      },
                      meta: asMediator,
                    }),
                  ).not.toBeNull();
                if (distribution.releaseCents > 0)
                  expect(
                    run({
                      type: 'ReleaseEscrow',
                      data: {
                        releaseId: `release-${dispute.id}`,
                        amountCents: distribution.releaseCents,
                        reason: 'decision',
                        ...refs,
                      },
                      meta: asMediator,
                    }),
                  ).not.toBeNull();
                expect(state.releasedCents - releasedBefore).toBeLessThanOrEqual(
                  dispute.heldAtOpening,
                );
                // The decision distributed everything held: the account is empty and the dispute over.
                expect(state.status).toBe('closed');
                dispute = null;
                break;
              }
            }

            assertEscrowInvariant(state);
            if (state.status === 'none') continue;
            expect(state.heldCents).toBeGreaterThanOrEqual(0);
            expect(state.releasedCents).toBeLessThanOrEqual(state.fundedCents);
            expect(state.fundedCents).toBeLessThanOrEqual(agreedCents);
            expect(state.fundedCents).toBe(
              state.releasedCents + state.refundedCents + state.heldCents,
            );
            expect(state.commissionCents).toBe(0);
            expect(state.payeeNetCents).toBe(state.releasedCents);
            // "Gestion paiements" shows exactly what the escrow holds.
            expect(account).toMatchObject({
              fundedCents: state.fundedCents,
              releasedCents: state.releasedCents,
              refundedCents: state.refundedCents,
              heldCents: state.heldCents,
              frozenBy: state.status === 'frozen' ? state.disputeId : null,
            });
            for (const t of account.tranches) {
              expect(t.releasedCents + t.refundedCents).toBeLessThanOrEqual(t.amountCents);
              expect(t.releasedCents).toBeGreaterThanOrEqual(0);
              expect(t.refundedCents).toBeGreaterThanOrEqual(0);
            }
            const inTranches = account.tranches.reduce(
              (sum, t) => sum + t.amountCents - t.releasedCents - t.refundedCents,
              0,
            );
            expect(inTranches).toBe(state.heldCents);
            // The gateway gives back each tranche's own charge exactly as the account shows it.
            const refundedByTranche = new Map<string, number>();
            for (const e of log)
              if (e.type === 'EscrowRefunded')
                for (const d of refundDraws(log, e.data.refundId))
                  refundedByTranche.set(
                    d.trancheId,
                    (refundedByTranche.get(d.trancheId) ?? 0) + d.amountCents,
                  );
            for (const t of account.tranches)
              expect(refundedByTranche.get(t.trancheId) ?? 0).toBe(t.refundedCents);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
