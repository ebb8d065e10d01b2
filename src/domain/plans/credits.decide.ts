import { assertNever } from '../shared';
import type {
  CreditsCommand,
  ForfeitCredits,
  FreezeCredits,
  GrantCredits,
  RefundCredit,
  SpendCredit,
  UnfreezeCredits,
} from './credits.commands';
import type { CreditsEvent } from './credits.events';
import {
  accountClosed,
  alreadyRefunded,
  creditsFrozen,
  creditsInvalid,
  CreditsErrorCode as C,
  insufficientCredits,
  spendNotFound,
} from './credits.errors';
import {
  allowed,
  CREDITS_RULES,
  isNothing,
  validateAllowance,
  validateKind,
  validateNote,
  validateReason,
  validateRefundReason,
  validateSubject,
} from './credits.guards';
import { spendKey, type CreditsState } from './credits.state';

/**
 * A period's allowance or staff's bonus. A grant id already recorded grants nothing (a replayed
 * period start); a period granting zero of every kind records nothing; a closed ledger takes no
 * period grant (ignored) and no bonus (refused). A period start (a renewal or a reinstatement
 * after a payment incident) also unfreezes what its subscription froze.
 */
function grant({ data, meta }: GrantCredits, state: CreditsState): CreditsEvent[] {
  const bonus = data.source === 'bonus';
  allowed(meta, bonus ? 'bonus' : 'grant', data.accountId);
  const credits = bonus
    ? validateAllowance(data.credits, CREDITS_RULES.maxBonusPerKind, true)
    : validateAllowance(data.credits, CREDITS_RULES.maxPeriodGrantPerKind, false);
  const reason = bonus ? validateReason(data.reason) : null;
  if (state.status !== 'none' && state.grantIds[data.grantId]) return [];
  if (state.status === 'closed') {
    if (bonus) throw accountClosed();
    return [];
  }
  const events: CreditsEvent[] = [];
  // A period start means the subscription was paid: it ends that subscription's freeze.
  if (
    !bonus &&
    state.status === 'open' &&
    data.subscriptionId !== null &&
    state.frozenBy.includes(data.subscriptionId)
  )
    events.push({
      type: 'CreditsUnfrozen',
      data: {
        accountId: data.accountId,
        subscriptionId: data.subscriptionId,
        unfrozenAt: meta.now,
      },
    });
  if (isNothing(credits)) return events;
  return [
    ...events,
    {
      type: 'CreditsGranted',
      data: {
        accountId: data.accountId,
        grantId: data.grantId,
        credits,
        source: data.source,
        subscriptionId: bonus ? null : data.subscriptionId,
        period: bonus ? null : data.period,
        reason,
        grantedBy: meta.actorId,
        grantedAt: meta.now,
      },
    },
  ];
}

/**
 * One credit, once per kind and subject: while a spend of this kind on this subject holds (not
 * refunded), spending again records nothing. A frozen ledger spends nothing, nor an empty balance.
 */
function spend({ data, meta }: SpendCredit, state: CreditsState): CreditsEvent[] {
  allowed(meta, 'spend', data.accountId);
  const kind = validateKind(data.kind);
  const subject = validateSubject(data.subject);
  if (state.status === 'closed') throw accountClosed();
  if (state.status === 'open') {
    if (state.activeSpends[spendKey(kind, subject)]) return [];
    if (state.spends[data.spendId]) return [];
    if (state.frozenBy.length > 0) throw creditsFrozen(state.frozenBy);
  }
  const balance = state.status === 'open' ? state.balance[kind] : 0;
  if (balance < 1) throw insufficientCredits(kind, balance);
  return [
    {
      type: 'CreditSpent',
      data: {
        accountId: data.accountId,
        spendId: data.spendId,
        kind,
        amount: 1,
        subject,
        spentAt: meta.now,
      },
    },
  ];
}

/** Staff give a spend back, once; `other` needs a note saying why. */
function refund({ data, meta }: RefundCredit, state: CreditsState): CreditsEvent[] {
  allowed(meta, 'refund', data.accountId);
  const reason = validateRefundReason(data.reason);
  const note = validateNote(data.note);
  if (reason === 'other' && note === null)
    throw creditsInvalid(C.CREDITS_INVALID_NOTE, 'note', {
      reason: 'required when reason is other',
    });
  const spent = state.status === 'none' ? undefined : state.spends[data.spendId];
  if (!spent) throw spendNotFound(data.spendId);
  if (state.status === 'closed') throw accountClosed();
  if (spent.refunded) throw alreadyRefunded(data.spendId);
  return [
    {
      type: 'CreditRefunded',
      data: {
        accountId: data.accountId,
        spendId: spent.spendId,
        kind: spent.kind,
        amount: 1,
        subject: spent.subject,
        reason,
        note,
        refundedBy: meta.actorId,
        refundedAt: meta.now,
      },
    },
  ];
}

function freeze({ data, meta }: FreezeCredits, state: CreditsState): CreditsEvent[] {
  allowed(meta, 'freeze', data.accountId);
  if (state.status === 'closed') return [];
  if (state.status === 'open' && state.frozenBy.includes(data.subscriptionId)) return [];
  return [
    {
      type: 'CreditsFrozen',
      data: {
        accountId: data.accountId,
        subscriptionId: data.subscriptionId,
        reason: 'payment_incident',
        frozenAt: meta.now,
      },
    },
  ];
}

function unfreeze({ data, meta }: UnfreezeCredits, state: CreditsState): CreditsEvent[] {
  allowed(meta, 'freeze', data.accountId);
  if (state.status !== 'open' || !state.frozenBy.includes(data.subscriptionId)) return [];
  return [
    {
      type: 'CreditsUnfrozen',
      data: {
        accountId: data.accountId,
        subscriptionId: data.subscriptionId,
        unfrozenAt: meta.now,
      },
    },
  ];
}

/** Once; an account that never had credits records nothing (no ledger is opened for it). */
function forfeit({ data, meta }: ForfeitCredits, state: CreditsState): CreditsEvent[] {
  allowed(meta, 'forfeit', data.accountId);
  if (state.status !== 'open') return [];
  return [
    {
      type: 'CreditsForfeited',
      data: {
        accountId: data.accountId,
        credits: { ...state.balance },
        reason: 'account_closed',
        forfeitedAt: meta.now,
      },
    },
  ];
}

export function decide(command: CreditsCommand, state: CreditsState): CreditsEvent[] {
  switch (command.type) {
    case 'GrantCredits':
      return grant(command, state);
    case 'SpendCredit':
      return spend(command, state);
    case 'RefundCredit':
      return refund(command, state);
    case 'FreezeCredits':
      return freeze(command, state);
    case 'UnfreezeCredits':
      return unfreeze(command, state);
    case 'ForfeitCredits':
      return forfeit(command, state);
    default:
      return assertNever(command);
  }
}
