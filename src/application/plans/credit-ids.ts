import type { CreditKind, CreditSubject } from '../../domain/plans';
import { deterministicIdsIn, stepIdsIn } from '../shared/deterministic-id';

const id = deterministicIdsIn('plans.credits');

/** The ids of the credit ledger's steps and of the events each appends. */
export const creditSteps = stepIdsIn('plans.credits.events');

/**
 * A spend's id, from the account, the kind and the subject: a retried or doubled spend lands on
 * the same id. `generation` counts the earlier spends of the same (all refunded since), so a
 * subject spent again after a refund gets a new id.
 */
export const creditSpendId = (
  accountId: string,
  kind: CreditKind,
  subject: CreditSubject,
  generation = 0,
): string =>
  generation === 0
    ? id('spend', accountId, kind, subject.type, subject.id)
    : id('spend', accountId, kind, subject.type, subject.id, String(generation));

/** A period's grant, from the subscription event that started the period: a replay grants nothing twice. */
export const periodGrantId = (eventId: string): string => id('period-grant', eventId);

/** Staff's bonus, from the request's `Idempotency-Key` (a random id without one). */
export const bonusGrantId = (accountId: string, requestId: string): string =>
  id('bonus', accountId, requestId);
