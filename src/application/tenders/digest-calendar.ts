/**
 * The digest's calendar: one digest per Paris day, sent at 07:00 Paris time, listing the projects
 * posted since the previous one (a window of 24 h, 23 h or 25 h across a daylight-saving change:
 * consecutive windows never overlap nor leave a gap).
 */
export const DIGEST_HOUR = 7;
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function parisParts(ms: number): { day: string; hour: number } {
  const p = Object.fromEntries(PARIS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}

/** The Paris day (`YYYY-MM-DD`) of an instant. */
export const parisDayOf = (iso: string): string => parisParts(Date.parse(iso)).day;

const shiftDay = (day: string, by: number): string => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + by)).toISOString().slice(0, 10);
};
export const nextDay = (day: string): string => shiftDay(day, 1);
export const previousDay = (day: string): string => shiftDay(day, -1);

/** 07:00 in Paris on `day` (UTC+1 or UTC+2; the clocks never change at 07:00). */
export function digestDueAt(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d, DIGEST_HOUR);
  for (const offsetHours of [1, 2]) {
    const ms = utc - offsetHours * 3_600_000;
    const p = parisParts(ms);
    if (p.day === day && p.hour === DIGEST_HOUR) return new Date(ms).toISOString();
  }
  return new Date(utc - 3_600_000).toISOString();
}

/** The projects a day's digest lists: posted after the previous digest, up to this one. */
export const digestWindow = (day: string): { from: string; to: string } => ({
  from: digestDueAt(previousDay(day)),
  to: digestDueAt(day),
});

/** The next digest at or after an instant: today's before 07:00 Paris time, else tomorrow's. */
export function upcomingDigestDay(iso: string): string {
  const today = parisDayOf(iso);
  return Date.parse(iso) <= Date.parse(digestDueAt(today)) ? today : nextDay(today);
}
