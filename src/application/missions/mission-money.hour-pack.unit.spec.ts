import { missionDecider } from '../../domain/missions';
import type { MissionEvent, MissionState } from '../../domain/missions';
import { confirmed, requested, validated } from '../../domain/missions/mission.fixtures.spec';
import { RecordedEvent } from '../shared/event-store.port';
import { missionMoneySteps } from './mission-money.reactor';

const fromPack = requested({
  paymentPlan: 'hour_pack',
  paymentMethodRef: 'hour-pack:pack-1',
  hourPackId: 'pack-1',
});

const recorded = (event: MissionEvent, revision: number): RecordedEvent =>
  ({
    id: `event-${revision}`,
    type: event.type,
    data: event.data,
    revision: BigInt(revision),
    metadata: { correlationId: 'c', occurredAt: '2026-03-01T10:00:00.000Z' },
    recordedAt: new Date('2026-03-01T10:00:00.000Z'),
  }) as unknown as RecordedEvent;

const stepsAfter = (events: MissionEvent[]) => {
  let state: MissionState = missionDecider.initialState();
  for (const e of events) state = missionDecider.evolve(state, e);
  const last = events[events.length - 1];
  return missionMoneySteps(recorded(last, events.length - 1), state, {
    validationReminderHours: 24,
  }).map((s) => s.kind);
};

describe('missions money process: a mission paid from an hour pack', () => {
  it('authorises no card and schedules nothing at publication', () => {
    expect(stepsAfter([fromPack])).toEqual([]);
  });

  it('at confirmation funds the escrow from the pack and schedules the validation', () => {
    expect(stepsAfter([fromPack, confirmed])).toEqual(['ensure-escrow', 'schedule']);
  });

  it('at validation releases the escrow and settles (the instant payout), as a card mission', () => {
    expect(stepsAfter([fromPack, confirmed, validated])).toEqual(['release', 'settle']);
  });
});
