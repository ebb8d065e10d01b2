/**
 * Weekly hours are Europe/Paris wall-clock times; requests are instants. These helpers turn an
 * instant slot into the minutes of the Paris week it covers (Monday 00:00 = 0 .. Sunday 24:00 =
 * 10080), across daylight-saving changes, with `Intl` only.
 */
export const MINUTES_PER_DAY = 1_440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const MINUTE_MS = 60_000;

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
export function parisOffsetMs(instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of PARIS.formatToParts(new Date(instantMs)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/** The Paris wall clock at an instant, as if it were UTC (so `getUTC*` read Paris fields). */
export function parisWallMs(instantMs: number): number {
  return instantMs + parisOffsetMs(instantMs);
}

/** ISO weekday (1 = Monday) and minute of the day, in Paris, of an instant. */
export function parisWeekdayAndMinute(instant: string | Date): { weekday: number; minute: number } {
  const wall = new Date(parisWallMs(new Date(instant).getTime()));
  return {
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** "HH:MM" → minutes; "24:00" (and "23:59", as time pickers write the end of a day) → 1440. */
export function clockMinutes(hhmm: string, end = false): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return Number.NaN;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return end && minutes === MINUTES_PER_DAY - 1 ? MINUTES_PER_DAY : minutes;
}

/** The minutes of the week a weekly slot covers, `[from, to)`; null for a malformed slot. */
export function weeklySlotRange(slot: {
  weekday: number;
  from: string;
  to: string;
}): [number, number] | null {
  if (typeof slot?.from !== 'string' || typeof slot.to !== 'string') return null;
  const from = clockMinutes(slot.from);
  const to = clockMinutes(slot.to, true);
  if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) return null;
  if (!(from >= 0 && to <= MINUTES_PER_DAY && from < to)) return null;
  const day = (slot.weekday - 1) * MINUTES_PER_DAY;
  return [day + from, day + to];
}

/** The instant at which Paris's offset changes within (fromMs, toMs], found to the minute. */
function offsetChange(fromMs: number, toMs: number): number {
  let lo = fromMs;
  let hi = toMs;
  const before = parisOffsetMs(fromMs);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.max(MINUTE_MS, Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS);
    if (parisOffsetMs(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The Paris-week minutes `[from, to)` an instant slot `[startsAt, startsAt + duration)` occupies:
 * one range, or two when it runs past Sunday midnight into Monday. The wall-clock span is the
 * lowest to the highest Paris time the slot passes through: on the spring change it includes the
 * skipped hour (02:00-03:00 does not exist, the provider must be available around it), on the
 * autumn change the repeated hour once. A slot of a week or more needs the whole week.
 */
export function parisWeekRanges(
  startsAt: string | Date,
  durationMinutes: number,
): [number, number][] {
  const start = new Date(startsAt).getTime();
  const end = start + durationMinutes * MINUTE_MS;
  if (durationMinutes >= MINUTES_PER_WEEK) return [[0, MINUTES_PER_WEEK]];
  let lo = parisWallMs(start);
  let hi = parisWallMs(end);
  const offStart = parisOffsetMs(start);
  const offEnd = parisOffsetMs(end);
  if (offStart !== offEnd) {
    const change = offsetChange(start, end);
    lo = Math.min(lo, change + offEnd);
    hi = Math.max(hi, change + offStart);
  }
  const fromMinute = Math.floor(lo / MINUTE_MS);
  const toMinute = Math.ceil(hi / MINUTE_MS);
  const wall = new Date(fromMinute * MINUTE_MS);
  const weekday = ((wall.getUTCDay() + 6) % 7) + 1;
  const from = (weekday - 1) * MINUTES_PER_DAY + wall.getUTCHours() * 60 + wall.getUTCMinutes();
  const length = toMinute - fromMinute;
  if (length >= MINUTES_PER_WEEK) return [[0, MINUTES_PER_WEEK]];
  const to = from + length;
  if (to <= MINUTES_PER_WEEK) return [[from, to]];
  return [
    [from, MINUTES_PER_WEEK],
    [0, to - MINUTES_PER_WEEK],
  ];
}

/** A Postgres `int4multirange` literal of half-open ranges. */
export function int4Multirange(ranges: readonly [number, number][]): string {
  return `{${ranges.map(([a, b]) => `[${a},${b})`).join(',')}}`;
}
