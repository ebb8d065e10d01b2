import { consumed, purchased, reserved } from '../../domain/plans/hour-pack.fixtures.spec';
import type { HourPackEvent } from '../../domain/plans';
import { evolveHourPackRow } from './hour-packs.projection';
import type { HourPackRow } from './hour-packs.tables';
import { hourPackView } from './hour-packs.queries';

const fold = (events: HourPackEvent[]) =>
  events.reduce<HourPackRow | undefined>((row, e, i) => evolveHourPackRow(row, e, i), undefined);

describe('hour_packs read model', () => {
  it('shows minutes bought, reserved, consumed and available, and the missions paid', () => {
    const row = fold([
      purchased(),
      reserved('m1', 70),
      consumed('m1', 70, 2_917),
      reserved('m2', 60),
    ])!;
    expect(row).toMatchObject({
      pack_id: 'pack-1',
      client_id: 'client-1',
      status: 'active',
      rev: 3,
    });
    expect(hourPackView(row.state)).toMatchObject({
      minutes: 600,
      reservedMinutes: 60,
      consumedMinutes: 70,
      consumedCents: 2_917,
      availableMinutes: 470,
      missions: [
        { missionId: 'm1', minutes: 70, use: 'consumed', valueCents: 2_917 },
        { missionId: 'm2', minutes: 60, use: 'reserved', valueCents: 0 },
      ],
    });
  });

  it('an event before the purchase writes no row', () => {
    expect(fold([reserved('m1', 60)])).toBeUndefined();
  });
});
