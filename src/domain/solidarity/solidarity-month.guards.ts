import { invalidSolidarityField } from './vote.errors';
import type { PartnerAtClose } from './solidarity-month.commands';

export { assertId, assertMonth, assertMonthOver, assertSystemOrStaff } from './vote.guards';

export function assertIntegerCents(
  value: unknown,
  field: string,
  min = 0,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw invalidSolidarityField(field, value);
}

export function assertRate(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 10_000)
    throw invalidSolidarityField('rateBp', value);
}

/** Partners by id, once each (the last name wins). */
export function distinctPartners(partners: readonly PartnerAtClose[]): PartnerAtClose[] {
  const byId = new Map<string, PartnerAtClose>();
  for (const p of partners) byId.set(p.associationId, p);
  return [...byId.values()];
}
