import { invalidEmail } from './account.errors';

/** A syntactically valid, lower-cased e-mail address. */
export type Email = string & { readonly __brand: 'Email' };

const MAX_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
// Dot-atom local part (RFC 5322 without quoted strings, which no real user types).
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// ASCII domain with at least two labels; internationalised domains arrive punycoded.
const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+(xn--[a-z0-9-]+|[a-z]{2,63})$/;

/** Trims and lower-cases the whole address so that one person cannot register twice by case. */
export function parseEmail(input: unknown): Email {
  if (typeof input !== 'string') throw invalidEmail();
  const value = input.trim().toLowerCase();
  if (value.length > MAX_LENGTH) throw invalidEmail();
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) throw invalidEmail();
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) {
    throw invalidEmail();
  }
  return value as Email;
}

export function isEmail(input: unknown): input is Email {
  try {
    return parseEmail(input) === input;
  } catch {
    return false;
  }
}
