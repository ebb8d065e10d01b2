import {
  clockMinutes,
  parisOffsetMs,
  parisWeekdayAndMinute,
  parisWeekRanges,
  weeklySlotRange,
} from './paris-time';

const HOUR = 3_600_000;
/** Minutes of the Paris week: Monday 00:00 = 0. */
const at = (weekday: number, hhmm: string) => (weekday - 1) * 1_440 + clockMinutes(hhmm);

describe('Paris time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(parisOffsetMs(Date.parse('2026-01-15T12:00:00Z'))).toBe(HOUR);
    expect(parisOffsetMs(Date.parse('2026-07-15T12:00:00Z'))).toBe(2 * HOUR);
    // The changes happen at 01:00 UTC on the last Sundays of March and October.
    expect(parisOffsetMs(Date.parse('2026-03-29T00:59:59Z'))).toBe(HOUR);
    expect(parisOffsetMs(Date.parse('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(parisOffsetMs(Date.parse('2026-10-25T00:59:59Z'))).toBe(2 * HOUR);
    expect(parisOffsetMs(Date.parse('2026-10-25T01:00:00Z'))).toBe(HOUR);
  });

  it('gives the Paris weekday and minute of an instant', () => {
    // Sunday 6 December 2026 23:30 UTC is Monday 00:30 in Paris.
    expect(parisWeekdayAndMinute('2026-12-06T23:30:00Z')).toEqual({ weekday: 1, minute: 30 });
    expect(parisWeekdayAndMinute('2026-07-05T21:59:00Z')).toEqual({ weekday: 7, minute: 1_439 });
  });

  it('reads weekly slots as minutes of the week, "24:00" and "23:59" as midnight', () => {
    expect(weeklySlotRange({ weekday: 2, from: '08:30', to: '12:00' })).toEqual([
      at(2, '08:30'),
      at(2, '12:00'),
    ]);
    expect(weeklySlotRange({ weekday: 7, from: '20:00', to: '24:00' })).toEqual([
      at(7, '20:00'),
      10_080,
    ]);
    expect(weeklySlotRange({ weekday: 1, from: '20:00', to: '23:59' })).toEqual([
      at(1, '20:00'),
      1_440,
    ]);
    expect(weeklySlotRange({ weekday: 1, from: '12:00', to: '09:00' })).toBeNull();
    expect(weeklySlotRange({ weekday: 8, from: '09:00', to: '12:00' })).toBeNull();
    expect(weeklySlotRange({ weekday: 1, from: '9h', to: '12:00' })).toBeNull();
  });
});

describe('the Paris week minutes a slot occupies', () => {
  it('is the wall-clock span of the slot, in winter and in summer', () => {
    expect(parisWeekRanges('2026-12-07T09:00:00Z', 90)).toEqual([[at(1, '10:00'), at(1, '11:30')]]);
    expect(parisWeekRanges('2026-07-08T09:00:00Z', 60)).toEqual([[at(3, '11:00'), at(3, '12:00')]]);
  });

  it('runs past midnight into the next day', () => {
    expect(parisWeekRanges('2026-12-11T22:00:00Z', 120)).toEqual([
      [at(5, '23:00'), at(6, '01:00')],
    ]);
  });

  it('splits at Sunday midnight into the Monday of the week', () => {
    expect(parisWeekRanges('2026-12-13T22:00:00Z', 120)).toEqual([
      [at(7, '23:00'), 10_080],
      [0, 60],
    ]);
  });

  it('includes the hour skipped in spring (the provider must be available around it)', () => {
    // 29 March 2026: 01:30 Paris (winter) + 2 h of real time = 04:30 Paris (summer).
    expect(parisWeekRanges('2026-03-29T00:30:00Z', 120)).toEqual([
      [at(7, '01:30'), at(7, '04:30')],
    ]);
  });

  it('counts the hour repeated in autumn once, from the lowest to the highest wall time', () => {
    // 25 October 2026: 02:30 summer time + 2 h = 03:30 winter time, passing 02:00 winter time.
    expect(parisWeekRanges('2026-10-25T00:30:00Z', 120)).toEqual([
      [at(7, '02:00'), at(7, '03:30')],
    ]);
    // Outside the repeated hour nothing changes: 00:30 summer time + 4 h = 03:30 winter time.
    expect(parisWeekRanges('2026-10-24T22:30:00Z', 240)).toEqual([
      [at(7, '00:30'), at(7, '03:30')],
    ]);
  });

  it('rounds a slot out to whole minutes, and needs the whole week for a week or more', () => {
    expect(parisWeekRanges('2026-12-07T09:00:30Z', 1)).toEqual([[at(1, '10:00'), at(1, '10:02')]]);
    expect(parisWeekRanges('2026-12-07T09:00:00Z', 10_080)).toEqual([[0, 10_080]]);
  });
});
