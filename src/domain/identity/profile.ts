import { invalidAddress, invalidDisplayName, invalidPhone } from './account.errors';

/** Postal address of a person; it lives only inside the encrypted `personal` part of events. */
export interface Address {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

export const DISPLAY_NAME_MAX_LENGTH = 80;
const LINE_MAX_LENGTH = 200;
const CITY_MAX_LENGTH = 100;
const CONTROL_CHARS = /\p{Cc}/u;

export function parseDisplayName(input: unknown): string {
  const value = typeof input === 'string' ? input.trim().replace(/\s+/g, ' ') : '';
  const length = [...value].length;
  if (length === 0 || length > DISPLAY_NAME_MAX_LENGTH || CONTROL_CHARS.test(value)) {
    throw invalidDisplayName(DISPLAY_NAME_MAX_LENGTH);
  }
  return value;
}

/** Keeps only digits and a leading `+`, so `06 12 34 56 78` and `06.12.34.56.78` are one number. */
export function parsePhone(input: unknown): string {
  if (typeof input !== 'string') throw invalidPhone();
  const value = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?[0-9]{8,15}$/.test(value)) throw invalidPhone();
  return value;
}

function text(input: unknown, field: string, maxLength: number): string {
  const value = typeof input === 'string' ? input.trim().replace(/\s+/g, ' ') : '';
  if (value.length === 0 || value.length > maxLength || CONTROL_CHARS.test(value)) {
    throw invalidAddress(field);
  }
  return value;
}

export function parseAddress(input: unknown): Address {
  if (typeof input !== 'object' || input === null) throw invalidAddress('line1');
  const raw = input as Record<string, unknown>;
  const line2 =
    raw.line2 === undefined || raw.line2 === null || raw.line2 === ''
      ? null
      : text(raw.line2, 'line2', LINE_MAX_LENGTH);
  const postalCode = text(raw.postalCode, 'postalCode', 10).toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$/.test(postalCode)) throw invalidAddress('postalCode');
  const country = text(raw.country, 'country', 2).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw invalidAddress('country');
  return {
    line1: text(raw.line1, 'line1', LINE_MAX_LENGTH),
    line2,
    postalCode,
    city: text(raw.city, 'city', CITY_MAX_LENGTH),
    country,
  };
}

export function sameAddress(a: Address | null, b: Address | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.line1 === b.line1 &&
    a.line2 === b.line2 &&
    a.postalCode === b.postalCode &&
    a.city === b.city &&
    a.country === b.country
  );
}
