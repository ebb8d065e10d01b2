import {
  accountClosed,
  accountNotClosed,
  accountNotFound,
  adminOnly,
  closureAlreadyEffective,
  closureNotYetEffective,
  noClosureRequested,
  systemOnly,
  unknownErasureReason,
} from './account.errors';
import { AccountEvent, ERASURE_REASONS, ErasureReason } from './account.events';
import { AccountState, LiveAccount } from './account.state';
import { addBusinessDays, isAtOrAfter } from './calendar';
import { assertHolderOrAdmin } from './account.guards';
import type {
  CloseAccount,
  EraseAccount,
  RequestClosure,
  WithdrawClosure,
} from './account.commands';

/** Seed 001: "Votre demande sera effective sous 2 jours ouvrables." */
export const CLOSURE_DELAY_BUSINESS_DAYS = 2;

export function closure(
  command: RequestClosure | WithdrawClosure,
  state: LiveAccount,
): AccountEvent[] {
  const { meta } = command;
  assertHolderOrAdmin(state, meta);
  if (command.type === 'RequestClosure') {
    if (state.status === 'closing') return [];
    const effectiveAt = addBusinessDays(meta.now, CLOSURE_DELAY_BUSINESS_DAYS);
    const data = { accountId: state.accountId, requestedBy: meta.actorId, requestedAt: meta.now };
    return [{ type: 'AccountClosureRequested', data: { ...data, effectiveAt } }];
  }
  if (state.status !== 'closing') throw noClosureRequested(state.status);
  if (isAtOrAfter(meta.now, state.closureEffectiveAt)) {
    throw closureAlreadyEffective(state.status, state.closureEffectiveAt);
  }
  const data = { accountId: state.accountId, withdrawnBy: meta.actorId, withdrawnAt: meta.now };
  return [{ type: 'AccountClosureWithdrawn', data }];
}

export function closeAccount({ meta }: CloseAccount, state: AccountState): AccountEvent[] {
  if (meta.actorRole !== 'system') throw systemOnly();
  if (state.status === 'none') throw accountNotFound();
  if (state.status === 'closed') return [];
  if (state.status === 'erased') throw accountClosed(state.status);
  if (state.status !== 'closing') throw noClosureRequested(state.status);
  if (!isAtOrAfter(meta.now, state.closureEffectiveAt)) {
    throw closureNotYetEffective(state.status, state.closureEffectiveAt);
  }
  return [{ type: 'AccountClosed', data: { accountId: state.accountId, closedAt: meta.now } }];
}

export function eraseAccount({ data, meta }: EraseAccount, state: AccountState): AccountEvent[] {
  if (meta.actorRole !== 'system' && meta.actorRole !== 'admin') throw adminOnly();
  if (!(ERASURE_REASONS as readonly unknown[]).includes(data.reason)) {
    throw unknownErasureReason(data.reason);
  }
  const reason = data.reason as ErasureReason;
  if (state.status === 'none') throw accountNotFound();
  // Retried by the worker until the key is gone, so a repeat is a no-op.
  if (state.status === 'erased') return [];
  if (reason === 'account_closed' && state.status !== 'closed') {
    throw accountNotClosed(state.status);
  }
  const erased = { accountId: state.accountId, reason, erasedBy: meta.actorId, erasedAt: meta.now };
  return [{ type: 'AccountErased', data: erased }];
}
