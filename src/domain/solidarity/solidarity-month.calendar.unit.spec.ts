import {
  monthEnd,
  monthStart,
  nextMonth,
  parisMonthOf,
  previousMonth,
} from './solidarity-month.calendar';

describe('Paris calendar months', () => {
  it('starts a winter month at 23:00 UTC the day before, a summer month at 22:00 UTC', () => {
    expect(monthStart('2026-12')).toBe('2026-11-30T23:00:00.000Z');
    expect(monthStart('2026-07')).toBe('2026-06-30T22:00:00.000Z');
    expect(monthStart('2027-01')).toBe('2026-12-31T23:00:00.000Z');
  });

  it('ends a month at the first instant of the next one (across the DST changes)', () => {
    expect(monthEnd('2026-03')).toBe('2026-03-31T22:00:00.000Z');
    expect(monthEnd('2026-10')).toBe('2026-10-31T23:00:00.000Z');
    expect(monthEnd('2026-12')).toBe('2026-12-31T23:00:00.000Z');
  });

  it('places an instant in its Paris month', () => {
    expect(parisMonthOf('2026-11-30T22:59:59.999Z')).toBe('2026-11');
    expect(parisMonthOf('2026-11-30T23:00:00.000Z')).toBe('2026-12');
  });

  it('steps across years', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });
});
