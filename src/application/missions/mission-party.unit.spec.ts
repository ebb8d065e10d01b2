import { missionDecider, MissionState } from '../../domain/missions';
import { DomainError } from '../../domain/shared';
import { existingMission, forParty, priceFor } from './mission-party';

const NOW = '2026-12-01T09:00:00.000Z';
const candidate = (providerId: string, rank: number) => ({
  providerId,
  rank,
  pricing: { kind: 'hourly' as const, hourlyRateCents: 3_000 },
  priceCents: 6_000,
});

const pending = (): MissionState =>
  missionDecider
    .decide(
      {
        type: 'RequestMission',
        data: {
          missionId: 'm-1',
          escrowId: 'e-1',
          clientId: 'c-1',
          serviceTypeId: 'cleaning',
          serviceTypeLabel: 'Ménage',
          place: { address: 'x', postalCode: '75011', city: 'Paris', lat: 48.86, lng: 2.37 },
          targeting: 'dispatch',
          startsAt: '2026-12-03T09:00:00.000Z',
          durationMinutes: 120,
          details: '',
          candidates: [candidate('p-1', 1), candidate('p-2', 2)],
          commissionRateBp: 1_500,
          paymentPlan: 'authorise_now',
          authoriseAt: NOW,
          paymentMethodRef: 'pm_card_visa',
          respondBy: '2026-12-02T09:00:00.000Z',
          autoValidateAt: '2026-12-05T11:00:00.000Z',
        },
        meta: { now: NOW, actorId: 'c-1', actorRole: 'client' },
      },
      missionDecider.initialState(),
    )
    .reduce(missionDecider.evolve, missionDecider.initialState());

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
  return undefined;
};

describe('who takes part in a mission', () => {
  it('is its client and every provider the request was sent to', () => {
    for (const accountId of ['c-1', 'p-1', 'p-2'])
      expect(existingMission(pending(), 'm-1', accountId)).toMatchObject({ status: 'pending' });
  });

  it('answers anyone else, and an unknown mission, with MISSION_NOT_FOUND', () => {
    expect(codeOf(() => existingMission(pending(), 'm-1', 'p-3'))).toBe('MISSION_NOT_FOUND');
    expect(codeOf(() => existingMission(missionDecider.initialState(), 'm-1', 'c-1'))).toBe(
      'MISSION_NOT_FOUND',
    );
  });

  it('builds the command only for a party', () => {
    const build = forParty('m-1', 'p-3', () => {
      throw new Error('never built');
    });
    expect(codeOf(() => build(pending()))).toBe('MISSION_NOT_FOUND');
  });
});

describe('the price of changed terms', () => {
  it('is the hourly rate times the hours, rounded half-even to the cent', () => {
    expect(priceFor({ kind: 'hourly', hourlyRateCents: 2_500 }, 90, 0)).toBe(3_750);
    // 1 001 × 45 / 60 = 750.75 → 751; 1 002 × 45 / 60 = 751.5 → 752 (even); 1 006 × 45 / 60 = 754.5 → 754.
    expect(priceFor({ kind: 'hourly', hourlyRateCents: 1_001 }, 45, 0)).toBe(751);
    expect(priceFor({ kind: 'hourly', hourlyRateCents: 1_002 }, 45, 0)).toBe(752);
    expect(priceFor({ kind: 'hourly', hourlyRateCents: 1_006 }, 45, 0)).toBe(754);
  });

  it('stays the fixed price whatever the duration', () => {
    expect(priceFor({ kind: 'fixed' }, 240, 8_000)).toBe(8_000);
  });
});
