import { CommandMeta } from '../shared';
import {
  accountClosed,
  accountNotFound,
  adminOnly,
  invalidExpiry,
  invalidToken,
  invalidTokenHash,
  notAParty,
  providerReferenceNotAllowed,
  providerReferenceRequired,
  tokenExpired,
} from './account.errors';
import { AccountState, LiveAccount, PendingToken } from './account.state';
import { isAtOrAfter, isValidInstant } from './calendar';
import { parseProviderReference } from './provider-reference';

/** Every command but registration, closure and erasure needs an account that exists and is not closed. */
export function live(state: AccountState): LiveAccount {
  if (state.status === 'none') throw accountNotFound();
  if (state.status === 'closed' || state.status === 'erased') throw accountClosed(state.status);
  return state;
}

export function assertHolder(state: LiveAccount, meta: CommandMeta): void {
  if (meta.actorId !== state.accountId) throw notAParty();
}

export function assertHolderOrAdmin(state: LiveAccount, meta: CommandMeta): void {
  if (meta.actorId !== state.accountId && meta.actorRole !== 'admin') throw notAParty();
}

export function assertAdmin(meta: CommandMeta): void {
  if (meta.actorRole !== 'admin') throw adminOnly();
}

export function tokenHash(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidTokenHash(field);
  return value;
}

export function expiry(value: unknown, now: string, field: string): string {
  if (!isValidInstant(value) || isAtOrAfter(now, value)) throw invalidExpiry(field);
  return value;
}

/** Wrong, superseded or already used: the same answer, so the token state is not disclosed. */
export function redeem(token: PendingToken | null, presented: unknown, now: string): void {
  if (token === null || typeof presented !== 'string' || presented !== token.tokenHash) {
    throw invalidToken();
  }
  if (isAtOrAfter(now, token.expiresAt)) throw tokenExpired(token.expiresAt);
}

export function providerReferenceFor(isProvider: boolean, input: unknown): string | null {
  const given = input !== undefined && input !== null && input !== '';
  if (!isProvider) {
    if (given) throw providerReferenceNotAllowed();
    return null;
  }
  if (!given) throw providerReferenceRequired();
  return parseProviderReference(input);
}
