import type { CommandMeta } from '../shared';
import { invalidField, onlySystemOrFinance } from './payout.errors';

export function assertId(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidField('PAYOUT_INVALID_FIELD', field, value, 'a non-empty string');
  }
}

export function assertSystemOrFinance(meta: CommandMeta): void {
  if (meta.actorRole !== 'system' && meta.actorRole !== 'finance') throw onlySystemOrFinance();
}
