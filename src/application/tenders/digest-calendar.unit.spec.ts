import {
  digestDueAt,
  digestWindow,
  nextDay,
  parisDayOf,
  upcomingDigestDay,
} from './digest-calendar';

describe('the digest calendar', () => {
  it('sends at 07:00 Paris time: 06:00 UTC in winter, 05:00 UTC in summer', () => {
    expect(digestDueAt('2026-01-15')).toBe('2026-01-15T06:00:00.000Z');
    expect(digestDueAt('2026-07-15')).toBe('2026-07-15T05:00:00.000Z');
  });

  it('lists what was posted since the previous digest: 23 h on the spring change, 25 h on the autumn one', () => {
    const hours = (day: string) => {
      const { from, to } = digestWindow(day);
      return (Date.parse(to) - Date.parse(from)) / 3_600_000;
    };
    expect(hours('2026-01-15')).toBe(24);
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(digestWindow(nextDay('2026-03-29')).from).toBe(digestWindow('2026-03-29').to);
  });

  it('reads days in Paris and crosses months and years', () => {
    expect(parisDayOf('2026-12-31T23:30:00.000Z')).toBe('2027-01-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('the next digest is today’s until 07:00, then tomorrow’s', () => {
    expect(upcomingDigestDay('2026-01-15T05:59:00.000Z')).toBe('2026-01-15');
    expect(upcomingDigestDay('2026-01-15T06:00:00.000Z')).toBe('2026-01-15');
    expect(upcomingDigestDay('2026-01-15T06:00:01.000Z')).toBe('2026-01-16');
  });
});
