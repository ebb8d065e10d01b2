/**
 * Date arithmetic on ISO-8601 instants, in UTC, keeping the time of day.
 * Business days skip Saturdays, Sundays and the 11 public holidays of metropolitan France.
 */

const DAY_MS = 86_400_000;

export function isValidInstant(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !Number.isNaN(Date.parse(value));
}

function toDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO-8601 date: ${iso}`);
  return date;
}

function ymd(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian), by the anonymous Meeus/Jones/Butcher algorithm. */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The 11 public holidays of metropolitan France for a year, as `YYYY-MM-DD`. */
export function frenchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year).getTime();
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map(
    (md) => `${String(year).padStart(4, '0')}-${md}`,
  );
  // Easter Monday, Ascension Thursday, Whit Monday.
  const moving = [1, 39, 50].map((offset) => ymd(new Date(easter + offset * DAY_MS)));
  return [...fixed, ...moving].sort();
}

export function isBusinessDay(isoDate: string): boolean {
  const date = toDate(isoDate);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !frenchPublicHolidays(date.getUTCFullYear()).includes(ymd(date));
}

/**
 * Moves forward `n` business days, keeping the time of day: Friday 10:00 + 2 is Tuesday 10:00,
 * and a Saturday request counts from Monday.
 */
export function addBusinessDays(isoDate: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let time = toDate(isoDate).getTime();
  let counted = 0;
  while (counted < n) {
    time += DAY_MS;
    if (isBusinessDay(new Date(time).toISOString())) counted++;
  }
  return new Date(time).toISOString();
}

/** Calendar months; a day missing in the target month clamps to its last day (Aug 31 + 6 = Feb 28/29). */
export function addCalendarMonths(isoDate: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new RangeError('months must be an integer');
  const date = toDate(isoDate);
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString();
}

export function addSeconds(isoDate: string, seconds: number): string {
  return new Date(toDate(isoDate).getTime() + seconds * 1000).toISOString();
}

/** `a` is at or after `b`. */
export function isAtOrAfter(a: string, b: string): boolean {
  return toDate(a).getTime() >= toDate(b).getTime();
}

export function secondsBetween(from: string, to: string): number {
  return (toDate(to).getTime() - toDate(from).getTime()) / 1000;
}
