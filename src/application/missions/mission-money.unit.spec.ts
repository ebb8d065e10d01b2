import { missionDecider } from '../../domain/missions';
import type { MissionEvent, MissionState } from '../../domain/missions';
import { RecordedEvent } from '../shared/event-store.port';
import { missionMoneySteps } from './mission-money.reactor';
import {
  authorisationOutlivesAutoValidation,
  captureBeforeLapseAt,
  instantPayoutFee,
  needsAuthorisation,
  nextAuthorisationAttemptAt,
  validationReminderAt,
} from './mission-money.policy';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function requested(plan: 'authorise_now' | 'authorise_later'): MissionEvent {
  const startsAt = plan === 'authorise_now' ? 2 * DAY : 10 * DAY;
  return {
    type: 'MissionRequested',
    data: {
      missionId: 'm1',
      escrowId: 'e1',
      clientId: 'c1',
      serviceTypeId: 'menage',
      serviceTypeLabel: 'Ménage',
      place: { address: '1 rue', postalCode: '75002', city: 'Paris', lat: 48.8, lng: 2.3 },
      targeting: 'direct',
      candidates: [{ providerId: 'p1', rank: 1, pricing: { kind: 'fixed' }, priceCents: 10_000 }],
      reservedCents: 10_000,
      commissionRateBp: 1_500,
      paymentPlan: plan,
      authoriseAt: plan === 'authorise_now' ? at(0) : at(startsAt - 4 * DAY),
      paymentMethodRef: 'pm_card_visa',
      respondBy: at(DAY),
      autoValidateAt: at(startsAt + 2 * DAY),
      startsAt: at(startsAt),
      durationMinutes: 120,
      details: '',
      requestedAt: at(0),
    },
  };
}
const authorised = (ref: string, amountCents: number): MissionEvent => ({
  type: 'MissionPaymentAuthorised',
  data: { missionId: 'm1', escrowId: 'e1', paymentRef: ref, amountCents, authorisedAt: at(HOUR) },
});
const confirmed: MissionEvent = {
  type: 'MissionConfirmed',
  data: {
    missionId: 'm1',
    clientId: 'c1',
    providerId: 'p1',
    priceCents: 10_000,
    commissionCents: 1_500,
    providerNetCents: 8_500,
    releasedReservationCents: 0,
    confirmedAt: at(2 * HOUR),
  },
};

function stepsAfter(history: MissionEvent[]) {
  let state: MissionState = missionDecider.initialState();
  for (const e of history) state = missionDecider.evolve(state, e);
  const last = history[history.length - 1];
  const event = {
    id: `ev-${history.length}`,
    type: last.type,
    data: last.data,
    metadata: { correlationId: 'corr' },
    streamName: 'mission-m1',
    revision: BigInt(history.length - 1),
    position: { commit: 1n, prepare: 1n },
    schemaVersion: 1,
    recordedAt: new Date(T0),
  } as RecordedEvent;
  return missionMoneySteps(event, state, { validationReminderHours: 24 });
}

describe('The missions money process decides', () => {
  it('to authorise at once a mission within the window, under the publication key', () => {
    expect(stepsAfter([requested('authorise_now')])).toEqual([
      { kind: 'authorise', first: true, attempt: 1 },
    ]);
  });

  it('nothing but a job at authoriseAt for a far-out mission: nothing is authorised at publication', () => {
    const steps = stepsAfter([requested('authorise_later')]);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      kind: 'schedule',
      jobs: [{ payload: { kind: 'mission.authorise', attempt: 1, dueAt: at(6 * DAY) } }],
    });
  });

  it('at confirmation: the escrow takes the price, the reminder and the auto-validation are scheduled', () => {
    const steps = stepsAfter([requested('authorise_now'), authorised('pi_1', 10_000), confirmed]);
    expect(steps[0]).toEqual({ kind: 'ensure-escrow' });
    const jobs = (steps[1] as { jobs: { payload: { kind: string; dueAt: string } }[] }).jobs;
    expect(jobs.map((j) => [j.payload.kind, j.payload.dueAt])).toEqual([
      ['mission.auto-validate', at(4 * DAY)],
      ['mission.validation-reminder', at(3 * DAY)],
    ]);
  });

  it('at validation: release everything held to the provider, then capture and pay out', () => {
    const validated: MissionEvent = {
      type: 'MissionValidated',
      data: {
        missionId: 'm1',
        clientId: 'c1',
        providerId: 'p1',
        validatedBy: 'system',
        priceCents: 10_000,
        commissionCents: 1_500,
        providerNetCents: 8_500,
        validatedAt: at(4 * DAY),
      },
    };
    expect(
      stepsAfter([requested('authorise_now'), authorised('pi_1', 10_000), confirmed, validated]),
    ).toEqual([{ kind: 'release', reason: 'auto_accepted', asClient: false }, { kind: 'settle' }]);
  });

  it('a reported problem freezes the escrow and plans a capture before the authorisation lapses', () => {
    const reported: MissionEvent = {
      type: 'MissionProblemReported',
      data: {
        missionId: 'm1',
        disputeId: 'd1',
        reportedBy: 'c1',
        reporterRole: 'client',
        statement: 'Travail non fait',
        statusAtReport: 'confirmed',
        reportedAt: at(3 * DAY),
      },
    };
    const steps = stepsAfter([
      requested('authorise_now'),
      authorised('pi_1', 10_000),
      confirmed,
      reported,
    ]);
    expect(steps[0]).toEqual({ kind: 'freeze', disputeId: 'd1' });
    expect(steps[1]).toMatchObject({
      jobs: [
        {
          payload: {
            kind: 'mission.capture-before-lapse',
            paymentRef: 'pi_1',
            dueAt: at(HOUR + 7 * DAY - 12 * HOUR),
          },
        },
      ],
    });
  });

  it('an expired request gives its authorisation back', () => {
    const expired: MissionEvent = {
      type: 'MissionExpired',
      data: { missionId: 'm1', respondBy: at(DAY), expiredAt: at(DAY) },
    };
    expect(stepsAfter([requested('authorise_now'), authorised('pi_1', 10_000), expired])).toEqual([
      { kind: 'cancel-authorisation' },
    ]);
  });
});

describe('The written money rules', () => {
  it('retry a failed automatic authorisation after 6 h then 24 h, then stop', () => {
    const startsAt = at(10 * DAY);
    expect(nextAuthorisationAttemptAt(1, at(0), startsAt)).toBe(at(6 * HOUR));
    expect(nextAuthorisationAttemptAt(2, at(6 * HOUR), startsAt)).toBe(at(30 * HOUR));
    expect(nextAuthorisationAttemptAt(3, at(30 * HOUR), startsAt)).toBeNull();
  });

  it('never retry later than an hour before the start', () => {
    expect(nextAuthorisationAttemptAt(1, at(0), at(6 * HOUR + HOUR - 1))).toBeNull();
    expect(nextAuthorisationAttemptAt(1, at(0), at(7 * HOUR))).toBe(at(6 * HOUR));
  });

  it('charge the instant payout fee to the provider, VAT included; free by default', () => {
    expect(instantPayoutFee(8_500, 0)).toEqual({ feeCents: 0, vatOnFeeCents: 0, paidCents: 8_500 });
    expect(instantPayoutFee(8_500, 100)).toEqual({
      feeCents: 85,
      vatOnFeeCents: 14,
      paidCents: 8_415,
    });
  });

  it('remind a day before the automatic validation, unless that is before the start', () => {
    expect(validationReminderAt(at(3 * DAY), at(DAY), 24)).toBe(at(2 * DAY));
    expect(validationReminderAt(at(3 * DAY), at(2 * DAY + HOUR), 24)).toBeNull();
  });

  it('capture a disputed authorisation 12 h before it lapses', () => {
    expect(captureBeforeLapseAt(at(0))).toBe(at(7 * DAY - 12 * HOUR));
  });

  it('an authorisation 4 days before the start outlives an automatic validation 2 days after it', () => {
    expect(authorisationOutlivesAutoValidation(at(0), at(6 * DAY))).toBe(true);
    expect(authorisationOutlivesAutoValidation(at(0), at(7 * DAY))).toBe(false);
  });

  it('need an authorisation when none covers what the mission needs', () => {
    let state: MissionState = missionDecider.initialState();
    state = missionDecider.evolve(state, requested('authorise_later'));
    expect(needsAuthorisation(state)).toBe(true);
    state = missionDecider.evolve(state, authorised('pi_1', 10_000));
    expect(needsAuthorisation(state)).toBe(false);
  });
});
