/**
 * Paris calendar months (`YYYY-MM`): a vote counts for the Paris month it is cast in, and a
 * month closes at the first instant of the next Paris month. Pure (Intl is the language's own).
 */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function parisParts(ms: number): { date: string; hour: string } {
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: parts.hour };
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** The Paris month of an instant. */
export function parisMonthOf(iso: string): string {
  return parisParts(Date.parse(iso)).date.slice(0, 7);
}

/** The first instant of a Paris month (midnight in Paris on the 1st), as an ISO string. */
export function monthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, 1);
  // Paris is UTC+1 or UTC+2; the clocks never change at midnight on the 1st.
  for (const offsetHours of [1, 2]) {
    const ms = utcMidnight - offsetHours * 3_600_000;
    const p = parisParts(ms);
    if (p.date === `${month}-01` && p.hour === '00') return new Date(ms).toISOString();
  }
  return new Date(utcMidnight - 3_600_000).toISOString();
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** When the month closes: the first instant of the next Paris month. */
export function monthEnd(month: string): string {
  return monthStart(nextMonth(month));
}
