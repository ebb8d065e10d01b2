import { parseAddress, sameAddress } from './profile';
import { invalidAssociationField, invalidRnaNumber, invalidSiren } from './verification.errors';
import type { AssociationRegistration } from './verification.events';
import type { DeclaredAssociation } from './verification.state';

export const ASSOCIATION_NAME_MAX_LENGTH = 200;
export const ASSOCIATION_PURPOSE_MAX_LENGTH = 2000;
export const CONTACT_NAME_MAX_LENGTH = 120;

const CONTROL_CHARS = /\p{Cc}/u;

function text(input: unknown, field: string, maxLength: number): string {
  const value = typeof input === 'string' ? input.trim().replace(/[ \t]+/g, ' ') : '';
  const length = [...value].length;
  const controls = value.replace(/[\n\r]/g, '');
  if (length === 0 || length > maxLength || CONTROL_CHARS.test(controls)) {
    throw invalidAssociationField(field, maxLength);
  }
  return value;
}

/** `W` + 9 digits; spaces are dropped and the letter may be typed in lower case. */
export function parseRnaNumber(input: unknown): string {
  const value = typeof input === 'string' ? input.replace(/\s+/g, '').toUpperCase() : '';
  if (!/^W\d{9}$/.test(value)) throw invalidRnaNumber();
  return value;
}

/** The Luhn check every SIREN passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 9 digits passing Luhn; absent, null or empty means the association has none. */
export function parseSiren(input: unknown): string | null {
  if (input === undefined || input === null || input === '') return null;
  const value = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
  if (!/^\d{9}$/.test(value) || !luhnValid(value)) throw invalidSiren();
  return value;
}

export interface ParsedAssociationRegistration extends AssociationRegistration {
  contactName: string;
}

export function parseAssociationRegistration(input: {
  officialName: unknown;
  rnaNumber: unknown;
  siren?: unknown;
  address: unknown;
  purpose: unknown;
  contactName: unknown;
}): ParsedAssociationRegistration {
  return {
    officialName: text(input.officialName, 'officialName', ASSOCIATION_NAME_MAX_LENGTH),
    rnaNumber: parseRnaNumber(input.rnaNumber),
    siren: parseSiren(input.siren),
    address: parseAddress(input.address),
    purpose: text(input.purpose, 'purpose', ASSOCIATION_PURPOSE_MAX_LENGTH),
    contactName: text(input.contactName, 'contactName', CONTACT_NAME_MAX_LENGTH),
  };
}

/** The same details again (a retried declaration) is no new fact. */
export function sameRegistration(
  a: DeclaredAssociation | undefined,
  b: ParsedAssociationRegistration,
): boolean {
  if (a === undefined) return false;
  return (
    a.officialName === b.officialName &&
    a.rnaNumber === b.rnaNumber &&
    a.siren === b.siren &&
    a.purpose === b.purpose &&
    a.contactName === b.contactName &&
    sameAddress(a.address, b.address)
  );
}
