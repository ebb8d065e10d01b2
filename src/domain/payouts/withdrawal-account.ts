import { assertNever } from '../shared';
import { invalidField, invalidIban, invalidPaypalEmail } from './wallet.errors';

export type BankWithdrawalAccount = {
  accountId: string;
  kind: 'bank';
  iban: string;
  holderName: string;
  /** Not personal data: it stays readable after erasure, for finance and the read models. */
  ibanMasked: string;
};
export type PaypalWithdrawalAccount = { accountId: string; kind: 'paypal'; email: string };
/** Where a provider's withdrawals go; the IBAN is stored normalised (no spaces, upper case). */
export type WithdrawalAccount = BankWithdrawalAccount | PaypalWithdrawalAccount;
/** An account as its owner types it: the mask is computed by the decider, never taken from input. */
export type WithdrawalAccountInput =
  Omit<BankWithdrawalAccount, 'ibanMasked'> | PaypalWithdrawalAccount;

/**
 * The fields of an account that are personal data (the event-store decorator encrypts them with
 * the owner's key, so erasing the owner shreds them); the kind, id and mask stay in clear.
 */
export const WITHDRAWAL_ACCOUNT_PERSONAL_FIELDS = ['iban', 'holderName', 'email'] as const;

/** IBAN length per country, from the SWIFT IBAN registry (ISO 13616). */
// prettier-ignore
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

export function normalizeIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

/** Country and check digits, then the last four characters (`FR76 **** 0189`): recognisable, never usable. */
export function maskIban(iban: string): string {
  const value = normalizeIban(iban);
  return `${value.slice(0, 4)} **** ${value.slice(-4)}`;
}

/** ISO 13616: known country, its exact length, and the ISO 7064 mod-97-10 check equal to 1. */
export function isValidIban(iban: string): boolean {
  if (typeof iban !== 'string') return false;
  const value = normalizeIban(iban);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(value)) return false;
  if (IBAN_LENGTHS[value.slice(0, 2)] !== value.length) return false;
  // 00, 01 and 99 pass mod-97 as aliases of 97, 98 and 02 but are never issued.
  const checkDigits = value.slice(2, 4);
  if (checkDigits === '00' || checkDigits === '01' || checkDigits === '99') return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** A sanity check only: PayPal itself confirms the address when money is sent. */
export function isPlausibleEmail(email: string): boolean {
  return (
    typeof email === 'string' &&
    email.length <= 254 &&
    /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)
  );
}

/** Checks and normalises an account as typed by its owner, or as snapshotted in a payout. */
export function validateWithdrawalAccount(
  input: WithdrawalAccountInput | WithdrawalAccount,
): WithdrawalAccount {
  const { accountId } = input;
  if (typeof accountId !== 'string' || accountId.trim() === '') {
    throw invalidField('WALLET_INVALID_FIELD', 'accountId', accountId, 'a non-empty string');
  }
  if (input.kind !== 'bank' && input.kind !== 'paypal') {
    throw invalidField(
      'WALLET_INVALID_FIELD',
      'kind',
      (input as { kind?: unknown }).kind,
      "'bank' or 'paypal'",
    );
  }
  switch (input.kind) {
    case 'bank': {
      if (!isValidIban(input.iban)) throw invalidIban(input.iban);
      const holderName = typeof input.holderName === 'string' ? input.holderName.trim() : '';
      if (holderName === '')
        throw invalidField(
          'WALLET_INVALID_FIELD',
          'holderName',
          input.holderName,
          'the account holder name',
        );
      const iban = normalizeIban(input.iban);
      return { accountId, kind: 'bank', iban, holderName, ibanMasked: maskIban(iban) };
    }
    case 'paypal': {
      const email = typeof input.email === 'string' ? input.email.trim() : input.email;
      if (!isPlausibleEmail(email)) throw invalidPaypalEmail(input.email);
      return { accountId, kind: 'paypal', email };
    }
    default:
      return assertNever(input);
  }
}

export function sameAccount(a: WithdrawalAccount, b: WithdrawalAccount): boolean {
  if (a.accountId !== b.accountId) return false;
  if (a.kind === 'bank' && b.kind === 'bank')
    return a.iban === b.iban && a.holderName === b.holderName;
  if (a.kind === 'paypal' && b.kind === 'paypal') return a.email === b.email;
  return false;
}
