import {
  addBusinessDays,
  addCalendarMonths,
  frenchPublicHolidays,
  isBusinessDay,
} from './calendar';

describe('addBusinessDays', () => {
  it.each([
    ['Wednesday', '2025-03-12T10:00:00.000Z', '2025-03-14T10:00:00.000Z'],
    ['Thursday', '2025-03-13T10:00:00.000Z', '2025-03-17T10:00:00.000Z'],
    ['Friday', '2025-03-14T10:00:00.000Z', '2025-03-18T10:00:00.000Z'],
    ['Saturday', '2025-03-15T10:00:00.000Z', '2025-03-18T10:00:00.000Z'],
    ['Sunday', '2025-03-16T23:59:00.000Z', '2025-03-18T23:59:00.000Z'],
  ])('adds 2 business days to a %s, keeping the time of day', (_day, from, expected) => {
    expect(addBusinessDays(from, 2)).toBe(expected);
  });

  it('skips a public holiday: Wednesday 30 April 2025 + 2 is Monday 5 May', () => {
    expect(addBusinessDays('2025-04-30T09:00:00.000Z', 2)).toBe('2025-05-05T09:00:00.000Z');
  });

  it('skips Christmas and New Year: 24 Dec 2025 + 2 is 29 Dec, 31 Dec + 1 is 2 Jan', () => {
    expect(addBusinessDays('2025-12-24T12:00:00.000Z', 2)).toBe('2025-12-29T12:00:00.000Z');
    expect(addBusinessDays('2025-12-31T12:00:00.000Z', 1)).toBe('2026-01-02T12:00:00.000Z');
  });

  it('accepts a plain date and returns an instant', () => {
    expect(addBusinessDays('2025-03-12', 0)).toBe('2025-03-12T00:00:00.000Z');
  });

  it('refuses a negative or fractional count and a malformed date', () => {
    expect(() => addBusinessDays('2025-03-12T10:00:00.000Z', -1)).toThrow(RangeError);
    expect(() => addBusinessDays('2025-03-12T10:00:00.000Z', 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays('yesterday', 2)).toThrow(RangeError);
  });
});

describe('French public holidays', () => {
  it('lists the 11 holidays of 2025, Easter-based ones included', () => {
    expect(frenchPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-21', // Easter Monday
      '2025-05-01',
      '2025-05-08',
      '2025-05-29', // Ascension
      '2025-06-09', // Whit Monday
      '2025-07-14',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
  });

  it('follows Easter from year to year', () => {
    expect(frenchPublicHolidays(2024)).toContain('2024-04-01');
    expect(frenchPublicHolidays(2026)).toContain('2026-04-06');
    expect(frenchPublicHolidays(2026)).toContain('2026-05-14');
  });

  it('treats weekends and holidays as non-business days', () => {
    expect(isBusinessDay('2025-03-12T10:00:00.000Z')).toBe(true);
    expect(isBusinessDay('2025-03-15T10:00:00.000Z')).toBe(false);
    expect(isBusinessDay('2025-07-14T10:00:00.000Z')).toBe(false);
  });
});

describe('addCalendarMonths', () => {
  it.each([
    ['2025-03-12T10:00:00.000Z', 6, '2025-09-12T10:00:00.000Z'],
    ['2025-03-12T10:00:00.000Z', 12, '2026-03-12T10:00:00.000Z'],
    ['2025-08-31T08:00:00.000Z', 6, '2026-02-28T08:00:00.000Z'],
    ['2027-08-31T08:00:00.000Z', 6, '2028-02-29T08:00:00.000Z'],
    ['2024-02-29T08:00:00.000Z', 12, '2025-02-28T08:00:00.000Z'],
    ['2025-10-31T08:00:00.000Z', 1, '2025-11-30T08:00:00.000Z'],
  ])('%s + %i months is %s', (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });
});
