import { packMissionOf } from './hour-pack.reactor';

const e = (revision: number, type: string, data: object) => ({
  type,
  data,
  revision: BigInt(revision),
});

describe('hour-pack reactor: the mission facts a pack needs', () => {
  const requested = e(0, 'MissionRequested', {
    missionId: 'm1',
    paymentPlan: 'hour_pack',
    hourPackId: 'pack-1',
    startsAt: '2026-03-05T09:00:00.000Z',
    durationMinutes: 120,
  });

  it('follows the duration and start of the request as changed, up to the causing event', () => {
    const changed = e(1, 'MissionRequestChanged', {
      startsAt: '2026-03-06T09:00:00.000Z',
      durationMinutes: 90,
    });
    expect(packMissionOf([requested, changed])).toEqual({
      missionId: 'm1',
      hourPackId: 'pack-1',
      startsAt: '2026-03-06T09:00:00.000Z',
      durationMinutes: 90,
    });
    expect(packMissionOf([requested, changed], 0n)?.durationMinutes).toBe(120);
  });

  it('ignores a mission paid by card', () => {
    expect(
      packMissionOf([e(0, 'MissionRequested', { paymentPlan: 'authorise_now', missionId: 'm2' })]),
    ).toBeNull();
  });
});
