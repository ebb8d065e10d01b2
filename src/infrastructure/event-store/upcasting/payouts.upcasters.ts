import { isValidIban, maskIban } from '../../../domain/payouts';
import { Upcaster } from './upcaster-registry';

type Json = Record<string, unknown>;

function plainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 of an event carrying a withdrawal account may lack `account.ibanMasked` (the mask
 * was added before versions were written, so v1 holds both shapes); version 2 always has it.
 * It runs after decryption, so the IBAN it masks is in clear.
 */
export function withAccountIbanMask(data: unknown): unknown {
  if (!plainObject(data) || !plainObject(data.account)) return data;
  const { account } = data;
  if (account.kind !== 'bank' || typeof account.ibanMasked === 'string') return data;
  if (typeof account.iban !== 'string') return data;
  // Only a registered (valid) IBAN is masked; one that reads `[erased]` has no mask left to show.
  const ibanMasked = isValidIban(account.iban) ? maskIban(account.iban) : '[erased]';
  return { ...data, account: { ...account, ibanMasked } };
}

/** Every payouts event that snapshots a withdrawal account went from v1 to v2 with the mask. */
export const PAYOUTS_UPCASTERS: readonly Upcaster[] = [
  'WithdrawalAccountRegistered',
  'WalletDebitedForPayout',
  'PayoutRequested',
].map((type) => ({ type, from: 1, upcast: withAccountIbanMask }));
