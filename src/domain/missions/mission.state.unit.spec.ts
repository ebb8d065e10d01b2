import { ExistingMission, missionDecider, providerOf } from './index';
import { MissionEvent } from './mission.events';
import {
  amounts,
  authorisationFailed,
  authorised,
  confirmed,
  disputeClosed,
  history,
  ids,
  proposed,
  refusedBy,
  requested,
  spec,
  times,
} from './mission.fixtures.spec';

const fold = (events: MissionEvent[]) => spec.given(events).state();

describe('Mission state (evolve)', () => {
  it('holds every fact the reads and the guards need once requested', () => {
    expect(fold([requested()])).toMatchObject({
      status: 'pending',
      missionId: ids.missionId,
      escrowId: ids.escrowId,
      clientId: ids.clientId,
      serviceTypeLabel: 'Ménage',
      targeting: 'dispatch',
      terms: { startsAt: times.startsAt, durationMinutes: 120 },
      place: { postalCode: '69003' },
      reservedCents: amounts.reservedCents,
      commissionRateBp: amounts.commissionRateBp,
      respondBy: times.respondBy,
      autoValidateAt: times.autoValidateAt,
      refusals: [],
      payment: {
        plan: 'authorise_now',
        authoriseAt: times.requestedAt,
        paymentMethodRef: ids.paymentMethodRef,
        authorised: null,
        failedAttempts: 0,
        lastFailure: null,
      },
    });
  });

  it('counts a provider’s refusal once', () => {
    const state = fold([requested(), refusedBy('provider-2'), refusedBy('provider-2')]);
    expect(state).toMatchObject({
      refusals: [{ providerId: 'provider-2', reason: 'availability' }],
    });
  });

  it('keeps the confirmed provider with their pricing and the price split', () => {
    const state = fold(history.confirmed);
    expect(providerOf(state as ExistingMission)).toEqual({
      providerId: ids.provider1,
      pricing: { kind: 'hourly', hourlyRateCents: 2_506 },
      priceCents: amounts.priceCents,
      commissionCents: amounts.commissionCents,
      providerNetCents: amounts.providerNetCents,
      confirmedAt: times.now,
    });
  });

  it('ignores a confirmation of someone the request was not sent to', () => {
    const stray = { ...confirmed, data: { ...confirmed.data, providerId: 'provider-9' } };
    expect(fold([requested(), stray]).status).toBe('pending');
  });

  it('counts failed authorisations and clears them at the next success', () => {
    const failed = fold([requested(), authorisationFailed(1), authorisationFailed(2)]);
    expect(failed).toMatchObject({
      payment: {
        failedAttempts: 2,
        lastFailure: { attempt: 2, nextAttemptAt: times.dayBeforeStart },
      },
    });
    expect(fold([requested(), authorisationFailed(1), authorised()])).toMatchObject({
      payment: {
        failedAttempts: 0,
        lastFailure: null,
        authorised: { amountCents: amounts.reservedCents },
      },
    });
  });

  it('ignores answers to another proposal than the open one', () => {
    const other = {
      type: 'MissionChangeWithdrawn',
      data: { missionId: ids.missionId, proposalId: 'proposal-9', withdrawnAt: times.now },
    } as const;
    expect(fold([...history.confirmed, proposed, other])).toMatchObject({
      proposal: { proposalId: ids.proposalId },
    });
  });

  it('ignores the closure of another dispute', () => {
    const other = disputeClosed('decided');
    const state = fold([
      ...history.disputed,
      { ...other, data: { ...other.data, disputeId: 'dispute-9' } },
    ]);
    expect(state.status).toBe('disputed');
  });

  it('takes no money event once validated or frozen', () => {
    for (const status of ['validated', 'disputed'] as const) {
      const before = fold(history[status]);
      expect(missionDecider.evolve(before, authorised(9_999, 'pi_late'))).toBe(before);
    }
  });
});
