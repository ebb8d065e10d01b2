import { isStaff, type CommandMeta } from '../shared';
import { monthEnd, parisMonthOf, isMonth } from './solidarity-month.calendar';
import {
  invalidSolidarityField,
  monthNotOver,
  solidarityStaffOnly,
  wrongVoteMonth,
} from './vote.errors';

export function assertMonth(month: unknown): asserts month is string {
  if (!isMonth(month)) throw invalidSolidarityField('month', month);
}

export function assertId(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100)
    throw invalidSolidarityField(field, value);
}

/** A vote is for the Paris month the clock is in. */
export function assertCurrentMonth(month: string, meta: CommandMeta): void {
  const current = parisMonthOf(meta.now);
  if (month !== current) throw wrongVoteMonth(month, current);
}

/** A month closes at the first instant of the next Paris month, never before. */
export function assertMonthOver(month: string, meta: CommandMeta): void {
  const closesAt = monthEnd(month);
  if (Date.parse(meta.now) < Date.parse(closesAt)) throw monthNotOver(month, closesAt);
}

export function assertSystemOrStaff(meta: CommandMeta): void {
  if (meta.actorRole !== 'system' && !isStaff(meta.actorRole)) throw solidarityStaffOnly();
}
